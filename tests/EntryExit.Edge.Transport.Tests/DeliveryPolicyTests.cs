using MQTTnet;

namespace EntryExit.Edge.Transport.Tests;

/// <summary>Reason-code classification, retry backoff and topic layout.</summary>
public sealed class DeliveryPolicyTests
{
    [Theory]
    [InlineData(MqttClientPublishReasonCode.Success, PublishOutcome.Delivered)]
    [InlineData(MqttClientPublishReasonCode.NoMatchingSubscribers, PublishOutcome.Transient)]
    [InlineData(MqttClientPublishReasonCode.NotAuthorized, PublishOutcome.Permanent)]
    [InlineData(MqttClientPublishReasonCode.TopicNameInvalid, PublishOutcome.Permanent)]
    [InlineData(MqttClientPublishReasonCode.PayloadFormatInvalid, PublishOutcome.Permanent)]
    [InlineData(MqttClientPublishReasonCode.QuotaExceeded, PublishOutcome.Transient)]
    [InlineData(MqttClientPublishReasonCode.UnspecifiedError, PublishOutcome.Transient)]
    [InlineData(MqttClientPublishReasonCode.ImplementationSpecificError, PublishOutcome.Transient)]
    [InlineData(MqttClientPublishReasonCode.PacketIdentifierInUse, PublishOutcome.Transient)]
    public void Reason_codes_map_to_outcomes(MqttClientPublishReasonCode code, PublishOutcome expected) =>
        Assert.Equal(expected, PublishOutcomes.Classify(code, acceptNoMatchingSubscribers: false));

    [Fact]
    public void No_matching_subscribers_counts_as_delivered_only_when_configured() =>
        Assert.Equal(PublishOutcome.Delivered, PublishOutcomes.Classify(MqttClientPublishReasonCode.NoMatchingSubscribers, acceptNoMatchingSubscribers: true));

    [Fact]
    public void Backoff_doubles_stays_within_its_jitter_band_and_never_exceeds_60_seconds()
    {
        var random = new Random(4);
        var initial = TimeSpan.FromSeconds(1);
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var step = Math.Min(60_000, 1000 * Math.Pow(2, attempt));
            for (var i = 0; i < 50; i++)
            {
                var delay = RetryBackoff.Compute(attempt, initial, random).TotalMilliseconds;
                Assert.InRange(delay, step / 2, step);
            }
        }

        Assert.Equal(RetryBackoff.Cap, TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void Backoff_jitter_spreads_gateways_apart()
    {
        var random = new Random(7);
        var delays = Enumerable.Range(0, 20).Select(_ => RetryBackoff.Compute(10, TimeSpan.FromSeconds(1), random)).Distinct().Count();
        Assert.True(delays > 15, $"only {delays} distinct delays out of 20");
    }

    [Fact]
    public void Topics_follow_the_documented_layout()
    {
        var topics = new TopicLayout("entryexit/v1", new GatewayIdentity("gw-7", "USA", "3004", "1.0"));
        Assert.Equal("entryexit/v1/USA/3004/entries", topics.Entries);
        Assert.Equal("entryexit/v1/USA/3004/gateways/gw-7/status", topics.Status);
        Assert.Equal("entryexit/v1/USA/3004/gateways/gw-7/health", topics.Health);
    }

    [Theory]
    [InlineData("entryexit/#", "CAN", "0427", "gw")]
    [InlineData("entryexit/v1", "CAN/x", "0427", "gw")]
    [InlineData("entryexit/v1", "CAN", "+", "gw")]
    [InlineData("/entryexit", "CAN", "0427", "gw")]
    public void Topic_levels_with_separators_or_wildcards_are_refused(string prefix, string country, string port, string gateway) =>
        Assert.ThrowsAny<ArgumentException>(() => new TopicLayout(prefix, new GatewayIdentity(gateway, country, port, "1.0")));
}
