using System.Text;
using MQTTnet;

namespace EntryExit.Edge.Transport.Tests.Fixtures;

/// <summary>What a broker-side observer saw of one publish.</summary>
internal sealed record ReceivedMessage(string Topic, string? RecordId, string? Schema, string? ContentType, bool Retain,
    uint MessageExpiry, int QoS, string Payload)
{
    public static ReceivedMessage From(MqttApplicationMessage message)
    {
        string? Property(string name) => message.UserProperties?.FirstOrDefault(u => u.Name == name) is { } p ? Encoding.UTF8.GetString(p.ValueBuffer.Span) : null;
        return new ReceivedMessage(message.Topic, Property("record-id"), Property("schema"), message.ContentType, message.Retain,
            message.MessageExpiryInterval, (int)message.QualityOfServiceLevel, Encoding.UTF8.GetString(message.Payload));
    }
}
