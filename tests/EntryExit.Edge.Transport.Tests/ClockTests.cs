using EntryExit.Edge.Transport.Tests.Fixtures;
using Microsoft.Extensions.Time.Testing;
using MQTTnet.Packets;

namespace EntryExit.Edge.Transport.Tests;

/// <summary>Backoffs and PUBACK deadlines run on the injected TimeProvider, so a fake clock drives them.</summary>
public sealed class ClockTests
{
    [Fact]
    public async Task Reconnect_attempts_wait_for_the_injected_clock()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-28T06:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var options = Gateway.PlainOptions(FreePort.Next());
        options.RetryInitialDelay = TimeSpan.FromSeconds(1);
        await using var gateway = Gateway.Create(options, time: time);
        gateway.StartLink();
        int Attempts() => gateway.LinkLog.Lines.Count(l => l.Id.Id == 4003);

        await Eventually.TrueAsync(() => Attempts() == 1, "first refused attempt");
        for (var expected = 2; expected <= 5; expected++)
        {
            // Each step: nothing more may happen until the fake clock passes the (≤ 60 s) backoff. The clock moves
            // only once the backoff waits (the attempt is logged just before its timer is armed).
            await Eventually.TrueAsync(() => gateway.Link.BackoffsArmed == expected - 1, $"backoff {expected - 1} armed");
            Assert.Equal(expected - 1, Attempts());
            time.Advance(RetryBackoff.Cap);
            await Eventually.TrueAsync(() => Attempts() == expected, $"attempt {expected} after the clock moved");
        }
    }

    [Fact]
    public async Task Puback_deadline_and_retry_backoff_follow_the_injected_clock()
    {
        await using var broker = await InProcessBroker.StartAsync();
        await using var exchange = await ExchangeSubscriber.ConnectAsync(broker.Port);
        var dropped = 0;
        broker.Server.InterceptingOutboundPacketAsync += args =>
        {
            if (args.Packet is MqttPubAckPacket && args.ClientId == Gateway.Identity.GatewayId && broker.Entries.Any()
                && Interlocked.Exchange(ref dropped, 1) == 0)
            {
                args.ProcessPacket = false;
            }

            return Task.CompletedTask;
        };
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-28T06:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var options = Gateway.PlainOptions(broker.Port);
        options.PubAckTimeout = TimeSpan.FromSeconds(15);
        await using var gateway = Gateway.Create(options, time: time);
        var id = gateway.Queue.Add();
        gateway.StartLink();
        gateway.StartPump();

        await Eventually.TrueAsync(() => broker.Entries.Count() == 1 && dropped == 1, "first publish sent, its PUBACK dropped");
        Assert.Empty(gateway.Queue.Errors(id));
        // The clock moves only once the deadline sweeper waits for this publish (its first wait was for any publish).
        await Eventually.TrueAsync(() => gateway.Pump.DeadlineWaitsArmed >= 2, "PUBACK deadline armed");

        time.Advance(TimeSpan.FromSeconds(15));
        await Eventually.TrueAsync(() => gateway.Queue.Errors(id).Count == 1, "PUBACK deadline passed on the fake clock");
        Assert.Equal("puback-timeout", gateway.Queue.Errors(id)[0]);
        Assert.False(gateway.Queue.IsDelivered(id));

        // First retry waits between 0.5 and 1 s (equal jitter of a 1 s step), then the pump's poll picks it up.
        time.Advance(TimeSpan.FromSeconds(2));
        await Eventually.TrueAsync(() => gateway.Queue.IsDelivered(id), "re-sent and acknowledged");
        Assert.Equal(2, broker.Entries.Count(e => e.RecordId == id.ToString("D")));
    }
}
