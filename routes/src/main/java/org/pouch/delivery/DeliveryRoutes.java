package org.pouch.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Message;
import org.apache.camel.builder.EndpointConsumerBuilder;
import org.apache.camel.builder.EndpointProducerBuilder;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.pouch.audit.AuditTrail;
import org.pouch.envelope.EnvelopeOpener;
import org.pouch.envelope.EnvelopeSealer;
import org.pouch.envelope.ReceiptVerifier;
import org.pouch.exchange.MessageHeaders;
import org.pouch.intake.AcceptedDocuments;
import org.pouch.intake.ExchangeLedger;
import org.pouch.intake.ExchangesBeingRecorded;
import org.pouch.partners.Endpoint;
import org.pouch.partners.ParticipantDirectory;

/**
 * Delivery: {@code delivery} takes an exchange id off the queue and runs one attempt; {@code delivery.retry}
 * queues it again for later; {@code delivery.dead-letter} moves it to the dead-letter queue. The queue is
 * consumed in a transaction that also covers the sends to the queues, so a message is taken off only
 * together with its successor; a failure the steps do not expect (the database gone) rolls it all back
 * and the broker redelivers.
 *
 * <p>Audit steps: {@code delivery.prepare} (transformed), {@code delivery.send} (attempts, delivered),
 * {@code delivery.dead-letter}, {@code delivery.replay}, and {@code delivery} for orphans.
 */
public final class DeliveryRoutes extends EndpointRouteBuilder {

    public static final String DELIVERY = "delivery";
    public static final String PREPARE = "delivery.prepare";
    public static final String SEND = "delivery.send";
    public static final String RETRY = "delivery.retry";
    public static final String DEAD_LETTER = "delivery.dead-letter";
    public static final String REPLAY = "delivery.replay";

    private static final String JMS_TIMESTAMP = "JMSTimestamp";

    private final DeliveryStep step;
    private final EndpointConsumerBuilder queue;
    private final EndpointProducerBuilder requeue;
    private final EndpointProducerBuilder deadLetterQueue;

    /**
     * @param accepted the documents this process's intake holds for delivery, taken instead of opening the
     *     envelope again
     * @param queue where accepted exchange ids arrive: a transacted JMS consumer in the gateway
     * @param requeue the same queue, for retries, in the consumer's transaction
     * @param deadLetterQueue where exchange ids go when delivery gives up, in the consumer's transaction
     */
    public DeliveryRoutes(
            DeliverySettings settings,
            ExchangeLedger ledger,
            ExchangesBeingRecorded beingRecorded,
            ParticipantDirectory directory,
            DeliveryStore store,
            EnvelopeOpener opener,
            AcceptedDocuments accepted,
            EnvelopeSealer sealer,
            Minimisation minimisation,
            ReceiptVerifier receipts,
            Map<Endpoint.Protocol, PartnerTransport> transports,
            PartnerBreakers breakers,
            AuditTrail audit,
            EndpointConsumerBuilder queue,
            EndpointProducerBuilder requeue,
            EndpointProducerBuilder deadLetterQueue,
            Clock clock) {
        PrepareStep prepare = new PrepareStep(settings, opener, accepted, sealer, minimisation, clock);
        SendStep send = new SendStep(settings, transports, breakers, receipts, store, audit, clock);
        this.step = new DeliveryStep(settings, ledger, beingRecorded, directory, store, prepare, send, audit, clock);
        this.queue = queue;
        this.requeue = requeue;
        this.deadLetterQueue = deadLetterQueue;
    }

    @Override
    public void configure() {
        // spotless:off
        from(queue).routeId(DELIVERY).errorHandler(noErrorHandler())
                .process(this::deliver)
                .choice()
                    .when(body().isInstanceOf(DeliveryDecision.Retry.class)).to(direct(RETRY))
                    .when(body().isInstanceOf(DeliveryDecision.DeadLettered.class)).to(direct(DEAD_LETTER))
                .end();

        from(direct(RETRY)).routeId(RETRY).errorHandler(noErrorHandler())
                .process(this::asRetry)
                .to(ExchangePattern.InOnly, requeue);

        from(direct(DEAD_LETTER)).routeId(DEAD_LETTER).errorHandler(noErrorHandler())
                .process(this::asDeadLetter)
                .to(ExchangePattern.InOnly, deadLetterQueue);
        // spotless:on
    }

    private void deliver(Exchange e) {
        Message in = e.getMessage();
        String exchangeId = in.getHeader(MessageHeaders.EXCHANGE_ID, String.class);
        Long queuedAt = Optional.ofNullable(in.getHeader(MessageHeaders.QUEUED_AT, Long.class))
                .orElseGet(() -> in.getHeader(JMS_TIMESTAMP, Long.class));
        DeliveryRequest request = new DeliveryRequest(
                exchangeId,
                queuedAt == null ? Instant.now() : Instant.ofEpochMilli(queuedAt),
                Optional.ofNullable(in.getHeader(MessageHeaders.REPLAY_BY, String.class)));
        e.setProperty(MessageHeaders.QUEUED_AT, request.queuedAt().toEpochMilli());
        in.setBody(step.deliver(request));
    }

    private void asRetry(Exchange e) {
        DeliveryDecision.Retry retry = e.getMessage().getBody(DeliveryDecision.Retry.class);
        Message out = e.getMessage();
        out.removeHeader(MessageHeaders.REPLAY_BY);
        out.setHeader(MessageHeaders.ATTEMPT, retry.attempts());
        out.setHeader(MessageHeaders.QUEUED_AT, e.getProperty(MessageHeaders.QUEUED_AT, Long.class));
        out.setHeader(MessageHeaders.SCHEDULED_DELIVERY_TIME, retry.at().toEpochMilli());
        out.setBody(out.getHeader(MessageHeaders.EXCHANGE_ID, String.class));
    }

    private void asDeadLetter(Exchange e) {
        Message out = e.getMessage();
        out.removeHeader(MessageHeaders.REPLAY_BY);
        out.removeHeader(MessageHeaders.SCHEDULED_DELIVERY_TIME);
        out.setHeader(MessageHeaders.QUEUED_AT, e.getProperty(MessageHeaders.QUEUED_AT, Long.class));
        out.setBody(out.getHeader(MessageHeaders.EXCHANGE_ID, String.class));
    }
}
