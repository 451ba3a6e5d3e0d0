using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;

namespace EntryExit.Edge.Chaos.Broker;

/// <summary>
/// Stands in for the central exchange: subscribes to the entries topic at QoS 1 with a persistent session
/// (CleanStart=false, long expiry) straight at Mosquitto (not through the proxy), so the broker queues for it while
/// it reconnects after a broker restart. Records every record id with its payload and how often it came.
/// </summary>
internal sealed class ExchangeRecorder : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly MqttClientOptions _options;
    private readonly string _topic;
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private int _malformed;
    private int _messages;

    public ExchangeRecorder(int port, string topic)
    {
        _topic = topic;
        _options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId("chaos-exchange")
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval(7 * 24 * 3600)
            .WithTimeout(TimeSpan.FromSeconds(5))
            .Build();
        _client.ApplicationMessageReceivedAsync += e =>
        {
            Record(e.ApplicationMessage.Payload.ToArray());
            return Task.CompletedTask; // MQTTnet sends the PUBACK after this returns
        };
    }

    /// <summary>Every record seen, by record id.</summary>
    public ConcurrentDictionary<Guid, SeenRecord> Records { get; } = new();

    /// <summary>Messages on the topic that were no entry record JSON.</summary>
    public int Malformed => _malformed;

    /// <summary>Messages received in all (redeliveries included).</summary>
    public int Messages => _messages;

    public bool IsConnected => _client.IsConnected;

    /// <summary>Connects (retrying until the broker answers) and subscribes; then keeps reconnecting in the background.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        while (!await TryConnectAsync(cancellationToken))
        {
            await Task.Delay(100, cancellationToken);
        }

        _loop = Task.Run(() => KeepConnectedAsync(_stop.Token), CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
        _stop.Dispose();
    }

    private async Task KeepConnectedAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(100, cancellationToken);
                if (!_client.IsConnected)
                {
                    await TryConnectAsync(cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task<bool> TryConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await _client.ConnectAsync(_options, cancellationToken);
            if (!result.IsSessionPresent)
            {
                // A new session (only at the first connect, unless the broker lost its persistence file).
                await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(_topic, MqttQualityOfServiceLevel.AtLeastOnce).Build(),
                    cancellationToken);
            }

            SessionsCreated += result.IsSessionPresent ? 0 : 1;
            return true;
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or InvalidOperationException
                                      && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>How many times the broker had no session for the exchange (1 is the first connect; more means the broker lost it).</summary>
    public int SessionsCreated { get; private set; }

    private void Record(byte[] payload)
    {
        Interlocked.Increment(ref _messages);
        var at = Stopwatch.GetTimestamp();
        try
        {
            using var json = JsonDocument.Parse(payload);
            var root = json.RootElement;
            var id = root.GetProperty("recordId").GetGuid();
            var hash = Convert.ToHexString(SHA256.HashData(payload));
            Records.AddOrUpdate(id,
                _ => new SeenRecord(id, Text(root, "documentNumber"), Text(root, "category"), Text(root, "lane"),
                    root.TryGetProperty("entryTime", out var time) && time.TryGetDateTimeOffset(out var t) ? t : null, hash, at, DateTimeOffset.UtcNow, 1, 0),
                (_, seen) => seen with { Count = seen.Count + 1, DifferentPayloads = seen.DifferentPayloads + (seen.PayloadHash == hash ? 0 : 1) });
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            Interlocked.Increment(ref _malformed);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
