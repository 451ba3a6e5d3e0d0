using EntryExit.Edge.Transport.Tests.Fixtures;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace EntryExit.Edge.Transport.Tests;

/// <summary>The pump against MQTTnet's in-process broker: what is sent, what is marked, what is retried.</summary>
public sealed class DeliveryPumpTests
{
    [Fact]
    public async Task Records_arrive_with_topic_content_type_user_properties_and_no_expiry_then_are_marked_delivered()
    {
        await using var broker = await InProcessBroker.StartAsync();
        await using var exchange = await ExchangeSubscriber.ConnectAsync(broker.Port);
        await using var gateway = Gateway.Start(Gateway.PlainOptions(broker.Port));
        var ids = gateway.Queue.AddMany(20);

        await Eventually.TrueAsync(() => gateway.Queue.DeliveredCount == 20, "all 20 marked delivered");
        await exchange.WaitForAsync(ids);

        var entries = exchange.Entries.ToList();
        Assert.Equal(ids.Select(i => i.ToString("D")).Order(), entries.Select(e => e.RecordId!).Distinct().Order());
        Assert.All(entries, e =>
        {
            Assert.Equal("entryexit/v1/CAN/0427/entries", e.Topic);
            Assert.Equal("application/json", e.ContentType);
            Assert.Equal("entry-record/v1", e.Schema);
            Assert.Equal(0u, e.MessageExpiry);
            Assert.False(e.Retain);
        });
        Assert.All(broker.Entries, e => Assert.Equal((int)MqttQualityOfServiceLevel.AtLeastOnce, e.QoS));
        var first = ids[0];
        Assert.Equal("{\"n\":0}", entries.First(e => e.RecordId == first.ToString("D")).Payload);
    }

    [Fact]
    public async Task Once_no_publish_awaits_its_PubAck_the_acknowledged_records_are_marked_without_waiting_for_more()
    {
        await using var broker = await InProcessBroker.StartAsync();
        await using var exchange = await ExchangeSubscriber.ConnectAsync(broker.Port);
        await using var gateway = Gateway.Create(Gateway.PlainOptions(broker.Port));
        gateway.Pump.MarkGatherTime = TimeSpan.FromHours(1); // a gather that ran its course would outlast the test
        gateway.StartLink();
        gateway.StartPump();

        gateway.Queue.AddMany(1);
        await Eventually.TrueAsync(() => gateway.Queue.DeliveredCount == 1, "the lone record marked delivered");
        gateway.Queue.AddMany(30);
        await Eventually.TrueAsync(() => gateway.Queue.DeliveredCount == 31, "the last of a burst marked delivered");
    }

    [Fact]
    public async Task A_mark_cancelled_by_the_stop_is_made_by_the_final_flush()
    {
        await using var broker = await InProcessBroker.StartAsync();
        await using var exchange = await ExchangeSubscriber.ConnectAsync(broker.Port);
        var queue = new InMemoryDeliveryQueue(TimeProvider.System);
        var cancelledMark = new TaskCompletionSource<IReadOnlyCollection<Guid>>(TaskCreationOptions.RunContinuationsAsynchronously);
        queue.BeforeMark = async (ids, ct) =>
        {
            if (cancelledMark.TrySetResult([.. ids]))
            {
                // The first mark is still writing when the service stops.
                await Task.Delay(Timeout.Infinite, ct);
            }
        };
        var gateway = Gateway.Start(Gateway.PlainOptions(broker.Port), queue);
        queue.AddMany(10);

        var acknowledged = await cancelledMark.Task.WaitAsync(Eventually.DefaultLimit, TestContext.Current.CancellationToken);
        await gateway.DisposeAsync();

        Assert.NotEmpty(acknowledged);
        Assert.All(acknowledged, id => Assert.True(queue.IsDelivered(id), "acknowledged before the stop, marked at the stop"));
    }

    [Fact]
    public async Task Broker_down_at_start_then_up_delivers_everything()
    {
        var port = FreePort.Next();
        await using var gateway = Gateway.Start(Gateway.PlainOptions(port));
        var ids = gateway.Queue.AddMany(30);
        await Eventually.TrueAsync(() => gateway.LinkLog.Lines.Count(l => l.Id.Id == 4003) >= 2, "two refused connection attempts");
        Assert.Equal(0, gateway.Queue.DeliveredCount);
        Assert.All(ids, id => Assert.Empty(gateway.Queue.Errors(id)));

        await using var broker = await InProcessBroker.StartAsync(port);
        await using var exchange = await ExchangeSubscriber.ConnectAsync(port);

        await Eventually.TrueAsync(() => gateway.Queue.DeliveredCount == 30, "all 30 delivered after the broker came up");
        await exchange.WaitForAsync(ids);
    }

    [Fact]
    public async Task Broker_stopped_mid_stream_and_restarted_loses_nothing_and_does_not_burn_attempts_while_down()
    {
        var port = FreePort.Next();
        var broker = await InProcessBroker.StartAsync(port);
        var exchange = await ExchangeSubscriber.ConnectAsync(port);
        await using var gateway = Gateway.Start(Gateway.PlainOptions(port));
        var firstWave = gateway.Queue.AddMany(50);
        await Eventually.TrueAsync(() => gateway.Queue.DeliveredCount == 50, "first wave delivered");
        var inFlightWave = gateway.Queue.AddMany(500);
        await exchange.DisposeAsync();
        await broker.DisposeAsync();
        await Eventually.TrueAsync(() => gateway.Link.State != LinkState.Connected, "link noticed the broker is gone");

        var secondWave = gateway.Queue.AddMany(50);
        await Eventually.TrueAsync(() => gateway.LinkLog.Lines.Count(l => l.Id.Id == 4003) >= 3, "three refused reconnects");
        Assert.All(secondWave, id => Assert.Empty(gateway.Queue.Errors(id)));

        await using var restarted = await InProcessBroker.StartAsync(port);
        await using var exchange2 = await ExchangeSubscriber.ConnectAsync(port);
        await Eventually.TrueAsync(() => gateway.Queue.DeliveredCount == 600, "all waves delivered");
        Assert.All(inFlightWave, id => Assert.True(gateway.Queue.IsDelivered(id)));
        await exchange2.WaitForAsync(secondWave);
        Assert.True(gateway.Link.ReconnectCount >= 1);
        Assert.DoesNotContain(firstWave, id => !gateway.Queue.IsDelivered(id));
    }

    [Fact]
    public async Task Lost_PubAck_times_out_and_the_record_is_sent_again_with_the_same_record_id()
    {
        await using var broker = await InProcessBroker.StartAsync();
        await using var exchange = await ExchangeSubscriber.ConnectAsync(broker.Port);
        var dropped = 0;
        broker.Server.InterceptingOutboundPacketAsync += args =>
        {
            // The first PUBACK after the record arrived (the retained status publish before it keeps its PUBACK).
            if (args.Packet is MqttPubAckPacket && args.ClientId == Gateway.Identity.GatewayId && broker.Entries.Any()
                && Interlocked.Exchange(ref dropped, 1) == 0)
            {
                args.ProcessPacket = false;
            }

            return Task.CompletedTask;
        };
        var options = Gateway.PlainOptions(broker.Port);
        // Real time: long enough that the resent publish is acknowledged in time even on a loaded machine.
        options.PubAckTimeout = TimeSpan.FromSeconds(2);
        await using var gateway = Gateway.Create(options);
        var id = gateway.Queue.Add();
        gateway.StartLink();
        gateway.StartPump();

        await Eventually.TrueAsync(() => gateway.Queue.IsDelivered(id), "record delivered after the lost PUBACK");
        // Each timeout sends the record once more, with the same record id (a very slow machine may time out twice).
        var errors = gateway.Queue.Errors(id);
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal("puback-timeout", e));
        Assert.Equal(errors.Count + 1, broker.Entries.Count(e => e.RecordId == id.ToString("D")));
    }

    [Fact]
    public async Task Not_authorized_goes_to_dead_letter_with_the_reason_code_and_is_not_retried()
    {
        await using var broker = await InProcessBroker.StartAsync();
        await using var exchange = await ExchangeSubscriber.ConnectAsync(broker.Port);
        broker.Server.InterceptingPublishAsync += args =>
        {
            if (args.ApplicationMessage.Topic.EndsWith("/entries", StringComparison.Ordinal))
            {
                args.ProcessPublish = false;
                args.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            }

            return Task.CompletedTask;
        };
        await using var gateway = Gateway.Start(Gateway.PlainOptions(broker.Port));
        var refused = gateway.Queue.Add();

        await Eventually.TrueAsync(() => gateway.Queue.DeadLetterReason(refused) is not null, "dead-lettered");
        Assert.Equal("mqtt-135-NotAuthorized", gateway.Queue.DeadLetterReason(refused));
        Assert.False(gateway.Queue.IsDelivered(refused));
        Assert.Empty(gateway.Queue.Errors(refused));
        Assert.Single(broker.Entries, e => e.RecordId == refused.ToString("D"));
        Assert.Empty(exchange.Entries);
    }

    [Theory]
    [InlineData(MqttPubAckReasonCode.QuotaExceeded, "mqtt-151-QuotaExceeded")]
    [InlineData(MqttPubAckReasonCode.UnspecifiedError, "mqtt-128-UnspecifiedError")]
    [InlineData(MqttPubAckReasonCode.ImplementationSpecificError, "mqtt-131-ImplementationSpecificError")]
    public async Task Transient_refusal_is_retried_with_backoff_then_delivered(MqttPubAckReasonCode code, string expectedError)
    {
        await using var broker = await InProcessBroker.StartAsync();
        await using var exchange = await ExchangeSubscriber.ConnectAsync(broker.Port);
        var refusals = 0;
        broker.Server.InterceptingPublishAsync += args =>
        {
            if (args.ApplicationMessage.Topic.EndsWith("/entries", StringComparison.Ordinal) && Interlocked.Increment(ref refusals) <= 2)
            {
                args.ProcessPublish = false;
                args.Response.ReasonCode = code;
            }

            return Task.CompletedTask;
        };
        await using var gateway = Gateway.Start(Gateway.PlainOptions(broker.Port));
        var id = gateway.Queue.Add();

        await Eventually.TrueAsync(() => gateway.Queue.IsDelivered(id), "delivered after two refusals");
        Assert.Equal([expectedError, expectedError], gateway.Queue.Errors(id));
        Assert.Equal(3, broker.Entries.Count(e => e.RecordId == id.ToString("D")));
        Assert.Null(gateway.Queue.DeadLetterReason(id));
    }

    [Fact]
    public async Task No_matching_subscribers_keeps_the_record_until_the_exchange_subscribes()
    {
        await using var broker = await InProcessBroker.StartAsync();
        await using var gateway = Gateway.Start(Gateway.PlainOptions(broker.Port));
        var id = gateway.Queue.Add();

        await Eventually.TrueAsync(() => gateway.Queue.Errors(id).Count >= 2, "two attempts answered 16");
        Assert.All(gateway.Queue.Errors(id), e => Assert.Equal("mqtt-16-NoMatchingSubscribers", e));
        Assert.False(gateway.Queue.IsDelivered(id));
        Assert.Contains(gateway.PumpLog.Lines, l => l.Id.Id == 4013);

        await using var exchange = await ExchangeSubscriber.ConnectAsync(broker.Port);
        await Eventually.TrueAsync(() => gateway.Queue.IsDelivered(id), "delivered once the exchange subscribed");
        await exchange.WaitForAsync([id]);
    }
}
