using MQTTnet;

namespace EntryExit.Edge.Transport;

/// <summary>Classifies PUBACK reason codes (MQTT 5 §3.4.2.1). Reasons in docs/mqtt.md.</summary>
public static class PublishOutcomes
{
    /// <summary>
    /// Maps a reason code to an outcome. NoMatchingSubscribers (16) is transient unless
    /// <paramref name="acceptNoMatchingSubscribers"/>: the exchange subscribes with a persistent session, so 16 means
    /// that session is gone and the broker dropped the message; keeping the record is the only way not to lose it.
    /// </summary>
    public static PublishOutcome Classify(MqttClientPublishReasonCode code, bool acceptNoMatchingSubscribers) => code switch
    {
        MqttClientPublishReasonCode.Success => PublishOutcome.Delivered,
        MqttClientPublishReasonCode.NoMatchingSubscribers => acceptNoMatchingSubscribers ? PublishOutcome.Delivered : PublishOutcome.Transient,
        MqttClientPublishReasonCode.NotAuthorized
            or MqttClientPublishReasonCode.TopicNameInvalid
            or MqttClientPublishReasonCode.PayloadFormatInvalid => PublishOutcome.Permanent,
        // QuotaExceeded, UnspecifiedError, ImplementationSpecificError, PacketIdentifierInUse and anything new.
        _ => PublishOutcome.Transient,
    };

    /// <summary>Stable text for logs, metrics tags and dead-letter reasons, e.g. "mqtt-135-NotAuthorized".</summary>
    public static string Describe(MqttClientPublishReasonCode code) => $"mqtt-{(int)code}-{code}";
}
