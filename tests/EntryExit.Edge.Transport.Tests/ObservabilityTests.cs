using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;
using EntryExit.Edge.Transport.Tests.Fixtures;
using MQTTnet.Protocol;

namespace EntryExit.Edge.Transport.Tests;

/// <summary>Counters are right and no log line or metric tag carries record content.</summary>
public sealed class ObservabilityTests
{
    private const string Marker = "SURNAME-MUST-NOT-LEAK";

    [Fact]
    public async Task Counters_follow_outcomes_and_logs_never_carry_the_payload()
    {
        await using var broker = await InProcessBroker.StartAsync();
        await using var exchange = await ExchangeSubscriber.ConnectAsync(broker.Port);
        var quotaOnce = 0;
        broker.Server.InterceptingPublishAsync += args =>
        {
            var body = Encoding.UTF8.GetString(args.ApplicationMessage.Payload);
            if (body.Contains("refuse", StringComparison.Ordinal))
            {
                args.ProcessPublish = false;
                args.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            }
            else if (body.Contains("quota", StringComparison.Ordinal) && Interlocked.Exchange(ref quotaOnce, 1) == 0)
            {
                args.ProcessPublish = false;
                args.Response.ReasonCode = MqttPubAckReasonCode.QuotaExceeded;
            }

            return Task.CompletedTask;
        };
        await using var gateway = Gateway.Create(Gateway.PlainOptions(broker.Port));
        var measurements = new ConcurrentQueue<(string Name, double Value, string Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == gateway.Metrics.Meter)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Enqueue((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Enqueue((i.Name, v, Tags(tags))));
        listener.Start();

        var ok = gateway.Queue.Add($"{{\"surname\":\"{Marker}\"}}");
        var refused = gateway.Queue.Add($"{{\"surname\":\"{Marker}\",\"x\":\"refuse\"}}");
        var quota = gateway.Queue.Add($"{{\"surname\":\"{Marker}\",\"x\":\"quota\"}}");
        gateway.StartLink();
        gateway.StartPump();
        await Eventually.TrueAsync(() => gateway.Queue.IsDelivered(ok) && gateway.Queue.IsDelivered(quota)
            && gateway.Queue.DeadLetterReason(refused) is not null, "all three settled");

        Assert.Equal(2, measurements.Where(m => m.Name == "entryexit.transport.sent").Sum(m => m.Value));
        Assert.Equal(2, measurements.Count(m => m.Name == "entryexit.transport.publish.latency"));
        Assert.Contains(measurements, m => m.Name == "entryexit.transport.failed" && m.Tags == "reason=mqtt-151-QuotaExceeded");
        Assert.Contains(measurements, m => m.Name == "entryexit.transport.dead_lettered" && m.Tags == "reason=mqtt-135-NotAuthorized");
        var logs = gateway.PumpLog.Lines.Concat(gateway.LinkLog.Lines).Select(l => l.Text).ToList();
        Assert.Contains(logs, l => l.Contains(refused.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains(Marker, StringComparison.Ordinal) || l.Contains("surname", StringComparison.Ordinal));
        Assert.DoesNotContain(measurements, m => m.Tags.Contains(Marker, StringComparison.Ordinal));
    }

    private static string Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var parts = new List<string>();
        foreach (var tag in tags)
        {
            parts.Add($"{tag.Key}={tag.Value}");
        }

        return string.Join(",", parts);
    }
}
