using System.Text;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace EntryExit.Edge.Transport;

/// <summary>One publish and what its outcome does to the record.</summary>
public sealed partial class DeliveryPump
{
    /// <summary>The <c>schema</c> user property value of every record message.</summary>
    public const string SchemaName = "entry-record/v1";

    private static readonly ReadOnlyMemory<byte> SchemaNameUtf8 = Encoding.UTF8.GetBytes(SchemaName);

    private async Task PublishOneAsync(QueuedMessage message, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        var settled = false;
        Interlocked.Increment(ref _awaitingPubAck);
        try
        {
            settled = await PublishAndSettleAsync(message, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The queue itself failed (disk, lock). The record stays due and is read again.
            TransportLog.PumpFault(_logger, $"record {message.RecordId}: {ex.GetType().Name}: {ex.Message}", IdlePoll);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping (MQTTnet may report it as a timeout or a link fault): the record stays in the outbox.
        }
        finally
        {
            if (!settled)
            {
                _inFlight.TryRemove(message.RecordId, out _);
            }

            if (Interlocked.Decrement(ref _awaitingPubAck) == 0)
            {
                _noneAwaitingPubAck.Set();
            }

            slots.Release();
            _wake.Set();
        }
    }

    /// <summary>Returns true when the record was acknowledged (it stays "in flight" until marked delivered).</summary>
    private async Task<bool> PublishAndSettleAsync(QueuedMessage message, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        MqttClientPublishResult result;
        var deadline = _deadlines.Start(); // cancelled at PubAckTimeout, or when the pump stops
        try
        {
            result = await _link.PublishAsync(BuildMessage(message), deadline.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or MqttCommunicationTimedOutException && !cancellationToken.IsCancellationRequested)
        {
            // MQTTnet reports our own PUBACK deadline as MqttCommunicationTimedOutException.
            await RetryAsync(message, "puback-timeout", backOff: true, cancellationToken);
            return false;
        }
        catch (MqttCommunicationException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Link fault (not connected, dropped mid-publish): the record is not to blame. Record the error,
            // keep it due at once, and let the pump wait for the supervisor instead of spinning.
            await RetryAsync(message, "link-" + ex.GetType().Name, backOff: false, cancellationToken);
            return false;
        }
        finally
        {
            _deadlines.End(deadline);
        }

        switch (PublishOutcomes.Classify(result.ReasonCode, _options.AcceptNoMatchingSubscribers))
        {
            case PublishOutcome.Delivered:
                _metrics.PublishLatency(_time.GetElapsedTime(started));
                _acknowledged.Enqueue(message.RecordId);
                _acknowledgedSignal.Set();
                return true;
            case PublishOutcome.Permanent:
                var reason = PublishOutcomes.Describe(result.ReasonCode);
                await _queue.MarkDeadLetterAsync(message.RecordId, reason, cancellationToken);
                _metrics.DeadLettered(reason);
                TransportLog.DeadLettered(_logger, message.RecordId, reason);
                return false;
            default:
                if (result.ReasonCode == MqttClientPublishReasonCode.NoMatchingSubscribers)
                {
                    TransportLog.NoSubscribers(_logger, message.RecordId);
                }

                await RetryAsync(message, PublishOutcomes.Describe(result.ReasonCode), backOff: true, cancellationToken);
                return false;
        }
    }

    private async Task RetryAsync(QueuedMessage message, string reason, bool backOff, CancellationToken cancellationToken)
    {
        var delay = backOff ? RetryBackoff.Compute(message.Attempts, _options.RetryInitialDelay, Random.Shared) : TimeSpan.Zero;
        var notBefore = _time.GetUtcNow() + delay;
        _metrics.Failed(reason);
        await _queue.ScheduleRetryAsync(message.RecordId, reason, notBefore, cancellationToken);
        TransportLog.RetryScheduled(_logger, message.RecordId, reason, notBefore);
    }

    private MqttApplicationMessage BuildMessage(QueuedMessage message)
    {
        var builder = new MqttApplicationMessageBuilder()
            .WithTopic(_link.Topics.Entries)
            .WithPayloadSegment(message.Payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        // No message expiry, on purpose: a record must never vanish at the broker.
        if (_link.IsMqtt5)
        {
            builder = builder
                .WithContentType("application/json")
                .WithUserProperty("record-id", RecordIdUtf8(message.RecordId))
                .WithUserProperty("schema", SchemaNameUtf8);
        }

        return builder.Build();
    }

    private static byte[] RecordIdUtf8(Guid id)
    {
        var utf8 = new byte[36];
        id.TryFormat(utf8, out _, "D");
        return utf8;
    }
}
