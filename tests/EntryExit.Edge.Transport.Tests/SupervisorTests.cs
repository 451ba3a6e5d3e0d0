using System.Text.Json;
using EntryExit.Edge.Transport.Tests.Fixtures;

namespace EntryExit.Edge.Transport.Tests;

/// <summary>The connection supervisor: status, Last Will, health, warnings.</summary>
public sealed class SupervisorTests
{
    private const string StatusTopic = "entryexit/v1/CAN/0427/gateways/gw-test-1/status";

    [Fact]
    public async Task Online_status_is_retained_after_connect_and_a_clean_stop_leaves_offline_retained()
    {
        await using var broker = await InProcessBroker.StartAsync();
        var gateway = Gateway.Start(Gateway.PlainOptions(broker.Port));
        await gateway.WaitConnectedAsync();
        await using (var late = await ExchangeSubscriber.ConnectAsync(broker.Port, StatusTopic))
        {
            await Eventually.TrueAsync(() => !late.Received.IsEmpty, "retained status delivered to a late subscriber");
            var status = late.Received.First();
            Assert.True(status.Retain);
            Assert.Equal("online", State(status));
        }

        await gateway.DisposeAsync();
        await using var after = await ExchangeSubscriber.ConnectAsync(broker.Port, StatusTopic);
        await Eventually.TrueAsync(() => !after.Received.IsEmpty, "retained status after stop");
        Assert.Equal("offline", State(after.Received.First()));
    }

    [Fact]
    public async Task Last_will_offline_is_published_when_the_gateway_connection_dies()
    {
        await using var broker = await InProcessBroker.StartAsync();
        await using var watcher = await ExchangeSubscriber.ConnectAsync(broker.Port, StatusTopic);
        await using var gateway = Gateway.Start(Gateway.PlainOptions(broker.Port));
        await Eventually.TrueAsync(() => watcher.Received.Any(m => State(m) == "online"), "online seen");

        // Die without a DISCONNECT packet, as a crashed process would.
        gateway.Link.Client.Dispose();

        await Eventually.TrueAsync(() => watcher.Received.Any(m => State(m) == "offline"), "Last Will seen");
        var will = watcher.Received.Last(m => State(m) == "offline");
        Assert.Equal(StatusTopic, will.Topic);
        using var json = JsonDocument.Parse(will.Payload);
        Assert.Equal("gw-test-1", json.RootElement.GetProperty("gatewayId").GetString());
    }

    [Fact]
    public async Task Health_message_carries_counts_and_reader_states_only()
    {
        await using var broker = await InProcessBroker.StartAsync();
        await using var watcher = await ExchangeSubscriber.ConnectAsync(broker.Port, "entryexit/v1/CAN/0427/gateways/gw-test-1/health");
        var options = Gateway.PlainOptions(broker.Port);
        options.HealthIntervalSeconds = 1;
        var health = new GatewayHealth(7, TimeSpan.FromSeconds(42), new Dictionary<string, string> { ["lane-1"] = "ok", ["lane-2"] = "disconnected" });
        await using var gateway = Gateway.Start(options, health: _ => ValueTask.FromResult(health));

        await Eventually.TrueAsync(() => !watcher.Received.IsEmpty, "a health message");
        using var json = JsonDocument.Parse(watcher.Received.First().Payload);
        var root = json.RootElement;
        Assert.Equal(7, root.GetProperty("outboxDepth").GetInt32());
        Assert.Equal(42, root.GetProperty("oldestPendingAgeSeconds").GetDouble());
        Assert.Equal("disconnected", root.GetProperty("readers").GetProperty("lane-2").GetString());
        Assert.Equal("1.0.0-test", root.GetProperty("version").GetString());
        Assert.Equal(["gatewayId", "version", "at", "link", "reconnects", "outboxDepth", "oldestPendingAgeSeconds", "readers"],
            root.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Plaintext_link_warns_at_start()
    {
        await using var broker = await InProcessBroker.StartAsync();
        await using var gateway = Gateway.Start(Gateway.PlainOptions(broker.Port));
        await gateway.WaitConnectedAsync();
        Assert.Contains(gateway.LinkLog.Lines, l => l.Id.Id == 4001 && l.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
    }

    private static string? State(ReceivedMessage message)
    {
        using var json = JsonDocument.Parse(message.Payload);
        return json.RootElement.GetProperty("state").GetString();
    }
}
