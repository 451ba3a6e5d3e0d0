using EntryExit.Edge.Transport.Tests.Fixtures;
using MQTTnet.Packets;

namespace EntryExit.Edge.Transport.Tests;

/// <summary>In-flight window and fairness between a drained backlog and fresh records.</summary>
public sealed class FlowControlTests
{
    [Fact]
    public async Task Unacknowledged_publishes_at_the_broker_reach_but_never_exceed_the_window()
    {
        await using var broker = await InProcessBroker.StartAsync();
        await using var exchange = await ExchangeSubscriber.ConnectAsync(broker.Port);
        var holdAcks = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int unacked = 0, maxUnacked = 0;
        broker.Server.InterceptingPublishAsync += args =>
        {
            if (args.ClientId == Gateway.Identity.GatewayId && args.ApplicationMessage.Topic.EndsWith("/entries", StringComparison.Ordinal))
            {
                var now = Interlocked.Increment(ref unacked);
                InterlockedMax(ref maxUnacked, now);
            }

            return Task.CompletedTask;
        };
        broker.Server.InterceptingOutboundPacketAsync += async args =>
        {
            if (args.Packet is MqttPubAckPacket && args.ClientId == Gateway.Identity.GatewayId && broker.Entries.Any())
            {
                // Held PUBACKs let the gateway fill its window; counted down before the PUBACK leaves,
                // so the gateway cannot have reused the slot yet.
                await holdAcks.Task;
                Interlocked.Decrement(ref unacked);
            }
        };
        var options = Gateway.PlainOptions(broker.Port);
        options.InFlightWindow = 8;
        options.PubAckTimeout = TimeSpan.FromSeconds(30);
        await using var gateway = Gateway.Start(options);
        gateway.Queue.AddMany(60);

        await Eventually.TrueAsync(() => Volatile.Read(ref unacked) == 8, "the gateway filled its window of 8");
        Assert.Equal(0, gateway.Queue.DeliveredCount);
        holdAcks.SetResult();

        await Eventually.TrueAsync(() => gateway.Queue.DeliveredCount == 60, "all 60 delivered");
        Assert.Equal(8, maxUnacked);
    }

    [Fact]
    public async Task A_fresh_record_offered_by_the_host_is_not_stuck_behind_a_backlog()
    {
        await using var broker = await InProcessBroker.StartAsync();
        await using var exchange = await ExchangeSubscriber.ConnectAsync(broker.Port);
        var options = Gateway.PlainOptions(broker.Port);
        await using var gateway = Gateway.Create(options);
        var backlog = gateway.Queue.AddMany(2000);
        var fresh = gateway.Queue.Add("{\"fresh\":true}");
        var lateButNotOffered = gateway.Queue.Add("{\"fresh\":false}");
        gateway.Pump.OfferFresh(gateway.Queue.Get(fresh));
        gateway.StartLink();
        gateway.StartPump();

        await Eventually.TrueAsync(() => gateway.Queue.DeliveredCount == 2002, "backlog and fresh records delivered");
        await exchange.WaitForAsync([.. backlog, fresh, lateButNotOffered]);
        var order = exchange.Entries.Select(e => e.RecordId).ToList();
        Assert.InRange(order.IndexOf(fresh.ToString("D")), 0, options.InFlightWindow);
        // Without an offer a record keeps its oldest-first place: behind the backlog. Publishes in flight together
        // may overtake each other on the wire, so "behind" means within the last two windows, not strictly last.
        var lateIndex = order.IndexOf(lateButNotOffered.ToString("D"));
        Assert.InRange(lateIndex, order.Count - (2 * options.InFlightWindow), order.Count - 1);
        Assert.Equal(1, order.Count(id => id == fresh.ToString("D")));
    }

    [Fact]
    public async Task A_leasing_queue_is_read_a_window_ahead_not_once_per_freed_slot()
    {
        await using var broker = await InProcessBroker.StartAsync();
        await using var exchange = await ExchangeSubscriber.ConnectAsync(broker.Port);
        var queue = new InMemoryDeliveryQueue(TimeProvider.System, leasing: true);
        var ids = queue.AddMany(2000);
        await using var gateway = Gateway.Start(Gateway.PlainOptions(broker.Port), queue);

        await Eventually.TrueAsync(() => queue.DeliveredCount == 2000, "the backlog delivered");
        await exchange.WaitForAsync(ids);

        // Refilled slot by slot, a read per one or two records (measured: 2000 reads for 2000 records); read a
        // window (64) ahead, a few dozen (75 seen under load). A tenth of the per-slot count is a bound it cannot meet.
        Assert.InRange(queue.ReadDueCalls, 1, 2000 / 10);
        Assert.All(broker.Entries.GroupBy(e => e.RecordId), g => Assert.Single(g));
    }

    [Fact]
    public async Task A_record_sent_through_the_fresh_lane_is_not_sent_again_from_the_read_ahead()
    {
        // Fresh records are not leased when offered, so a backlog read can pick one up while its fresh copy is in
        // flight; once that copy is marked delivered, the read-ahead copy must be dropped, not published again.
        await using var broker = await InProcessBroker.StartAsync();
        await using var exchange = await ExchangeSubscriber.ConnectAsync(broker.Port);
        var queue = new InMemoryDeliveryQueue(TimeProvider.System, leasing: true);
        await using var gateway = Gateway.Create(Gateway.PlainOptions(broker.Port), queue);
        var ids = queue.AddMany(1000);
        foreach (var id in ids)
        {
            gateway.Pump.OfferFresh(queue.Get(id));
        }

        gateway.StartLink();
        gateway.StartPump();

        await Eventually.TrueAsync(() => queue.DeliveredCount == 1000, "every record delivered");
        await exchange.WaitForAsync(ids);
        Assert.All(broker.Entries.GroupBy(e => e.RecordId), g => Assert.Single(g));
        Assert.Equal(1000, broker.Entries.Count());
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
