using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace EntryExit.Edge.Transport;

/// <summary>What a one-off MQTT session with the exchange's broker showed.</summary>
/// <param name="Connected">The broker accepted the session.</param>
/// <param name="ConnectResult">The CONNACK result (<c>Success</c>), or what the failure said (it names a refusal's reason).</param>
/// <param name="PublishReason">The PUBACK reason of the probe publish (MQTT 5), or null when it could not be known.</param>
public sealed record MqttProbeResult(bool Connected, string ConnectResult, MqttClientPublishReasonCode? PublishReason);

/// <summary>
/// The technician's broker check: opens a session of its own (client id with a <c>-doctor</c> suffix, clean start,
/// no will, so the running service's session and status are untouched), then publishes one probe, QoS 1, not
/// retained, on the gateway's health topic: under MQTT 5 the PUBACK says whether the broker lets this gateway
/// publish under its topics. The entries topic itself is never probed: nothing but records goes there.
/// </summary>
public static class MqttProbe
{
    /// <summary>Connects, probes and disconnects; never throws for broker-side failures.</summary>
    public static async Task<MqttProbeResult> RunAsync(MqttLinkOptions options, GatewayIdentity identity, TlsMaterial? tls, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(time);
        var topics = new TopicLayout(options.TopicPrefix, identity);
        var clientOptions = MqttClientOptionsFactory.Build(options, identity, topics, tls, time.GetUtcNow());
        clientOptions.ClientId = options.EffectiveClientId(identity.GatewayId) + "-doctor";
        clientOptions.CleanSession = true;
        clientOptions.SessionExpiryInterval = 0;
        clientOptions.WillTopic = null; // a dropped probe must not announce the gateway offline
        clientOptions.WillPayload = null;
        using var client = new MqttClientFactory().CreateMqttClient();
        MqttClientConnectResult connect;
        try
        {
            connect = await client.ConnectAsync(clientOptions, cancellationToken);
        }
        catch (MqttCommunicationException e) when (!cancellationToken.IsCancellationRequested)
        {
            // A refused CONNACK arrives as an exception whose message names the reason (e.g. "(NotAuthorized)").
            return new MqttProbeResult(false, e.Message, null);
        }

        if (connect.ResultCode != MqttClientConnectResultCode.Success)
        {
            return new MqttProbeResult(false, connect.ResultCode.ToString(), null);
        }

        MqttClientPublishReasonCode? reason = null;
        try
        {
            var probe = new MqttApplicationMessageBuilder()
                .WithTopic(topics.Health)
                .WithPayload(StatusMessages.Status(identity, "doctor-probe", time.GetUtcNow()))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            var published = await client.PublishAsync(probe, cancellationToken);
            // Under MQTT 3.1.1 a broker acknowledges a refused publish like any other: the answer is not known.
            reason = options.ProtocolVersion == "3.1.1" ? null : published.ReasonCode;
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), cancellationToken);
        }
        catch (MqttCommunicationException) when (!cancellationToken.IsCancellationRequested)
        {
            // A broker may drop a client that publishes where it must not (Mosquitto does under 3.1.1).
            reason ??= MqttClientPublishReasonCode.NotAuthorized;
        }

        return new MqttProbeResult(true, connect.ResultCode.ToString(), reason);
    }
}
