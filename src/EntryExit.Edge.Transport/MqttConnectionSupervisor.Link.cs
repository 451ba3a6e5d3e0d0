using MQTTnet;
using MQTTnet.Protocol;
using Microsoft.Extensions.Logging;

namespace EntryExit.Edge.Transport;

/// <summary>Connection, ping, status and shutdown steps of the supervisor loop.</summary>
public sealed partial class MqttConnectionSupervisor
{
    private string _lastConnectError = "";

    private async Task<bool> TryConnectAsync(CancellationToken cancellationToken)
    {
        SetState(LinkState.Connecting);
        using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            lock (_gate)
            {
                _lost = NewSignal();
            }

            var clientOptions = MqttClientOptionsFactory.Build(_options, _identity, Topics, _tls, _time.GetUtcNow(), _writeHold);
            var result = await _client.ConnectAsync(clientOptions, linked.Token);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                _lastConnectError = $"CONNACK {result.ResultCode}";
                SetState(LinkState.Disconnected);
                return false;
            }

            // 0 is not a legal Receive Maximum; MQTTnet reports it when the CONNACK carried none (then 65535 applies).
            _receiveMaximum = result.ReceiveMaximum is null or 0 ? null : result.ReceiveMaximum;
            var connections = Interlocked.Increment(ref _connections);
            if (connections > 1)
            {
                _metrics.Reconnected();
            }

            TransportLog.Connected(_logger, _options.Host, _options.Port, result.IsSessionPresent, _receiveMaximum ?? ushort.MaxValue, ReconnectCount);
            await PublishStatusAsync("online", cancellationToken);
            SetState(_client.IsConnected ? LinkState.Connected : LinkState.Disconnected);
            return _client.IsConnected;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Refused, unreachable, TLS rejected, timed out: all mean "try again later". While stopping, a connect
            // that failed (the broker may be going away too) is part of the stop, not a fault.
            _lastConnectError = Describe(ex);
            SetState(LinkState.Disconnected);
            cancellationToken.ThrowIfCancellationRequested();
            return false;
        }
    }

    private async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.PubAckTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await _client.PingAsync(linked.Token);
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            TransportLog.LinkLost(_logger, "ping failed: " + Describe(ex));
            await AbortConnectionAsync();
            return false;
        }
    }

    private async Task AbortConnectionAsync()
    {
        try
        {
            // Ask the broker to still send our Last Will: this is not a planned goodbye.
            using var timeout = new CancellationTokenSource(ShutdownTimeout, _time);
            var options = new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.DisconnectWithWillMessage).Build();
            await _client.DisconnectAsync(options, timeout.Token);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            TransportLog.LinkLost(_logger, "disconnect after failed ping: " + Describe(ex));
        }
    }

    private async Task PublishStatusAsync(string state, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.PubAckTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var builder = new MqttApplicationMessageBuilder()
            .WithTopic(Topics.Status)
            .WithPayload(StatusMessages.Status(_identity, state, _time.GetUtcNow()))
            .WithRetainFlag(true)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (IsMqtt5)
        {
            builder = builder.WithContentType("application/json");
        }

        try
        {
            await _client.PublishAsync(builder.Build(), linked.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            TransportLog.StatusFailed(_logger, Describe(ex));
        }
    }

    private async Task PublishHealthAsync(CancellationToken cancellationToken)
    {
        if (_healthProvider is null)
        {
            return;
        }

        try
        {
            var health = await _healthProvider(cancellationToken);
            var builder = new MqttApplicationMessageBuilder()
                .WithTopic(Topics.Health)
                .WithPayload(StatusMessages.Health(_identity, health, State, ReconnectCount, _time.GetUtcNow()))
                // QoS 0: a periodic figure needs no PUBACK and must not take a slot of the record window.
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce);
            if (IsMqtt5)
            {
                builder = builder.WithContentType("application/json");
            }

            await _client.PublishAsync(builder.Build(), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            TransportLog.StatusFailed(_logger, Describe(ex));
        }
    }

    private async Task ShutdownAsync()
    {
        if (_client.IsConnected)
        {
            using var timeout = new CancellationTokenSource(ShutdownTimeout, _time);
            await PublishStatusAsync("offline", timeout.Token);
            try
            {
                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), timeout.Token);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                TransportLog.LinkLost(_logger, "clean disconnect failed: " + Describe(ex));
            }
        }

        SetState(LinkState.Disconnected);
    }

    private static string Describe(Exception ex) =>
        ex.InnerException is null ? $"{ex.GetType().Name}: {ex.Message}" : $"{ex.GetType().Name}: {ex.Message} <- {ex.InnerException.Message}";
}
