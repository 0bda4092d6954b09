package org.pouch.intake;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.builder.endpoint.StaticEndpointBuilders;
import org.apache.camel.builder.endpoint.dsl.DirectEndpointBuilderFactory.DirectEndpointBuilder;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.SynchronizationAdapter;
import org.pouch.audit.AuditTrail;
import org.pouch.envelope.EnvelopeOpener;
import org.pouch.envelope.ReceiptSigner;
import org.pouch.exchange.MessageHeaders;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;
import org.pouch.overstay.OverstayFacts;
import org.pouch.overstay.OverstayRecords;
import org.pouch.partners.ParticipantDirectory;

/**
 * The intake: {@code intake} (receive) → {@code intake.open} → {@code intake.guard} →
 * {@code intake.accept}, each route named as its step is in the audit log. Errors are handled once,
 * in {@code intake}: the steps below it have no error handler, so every failure comes back up and
 * becomes one audited rejection.
 *
 * <p>Accepting queues the exchange id for delivery, then records the exchange in the ledger, then
 * answers. The ledger is the authority: delivery delivers only exchanges the ledger holds, so a queued
 * id whose recording failed is never delivered, and the sender, told of an internal error, sends again.
 */
public final class IntakeRoutes extends EndpointRouteBuilder {

    public static final String INTAKE = "intake";
    public static final String OPEN = "intake.open";
    public static final String GUARD = "intake.guard";
    public static final String ACCEPT = "intake.accept";
    public static final String REPEAT = "intake.repeat";
    /** The audit step of a refusal the REST edge makes on its own; see {@link Intake#refuse}. */
    public static final String EDGE_REST = "edge.rest";
    /** The audit step of a refusal the SOAP edge makes on its own; see {@link Intake#refuse}. */
    public static final String EDGE_SOAP = "edge.soap";

    private static final String RECEIVED = "pouch.received";
    private static final String OPENED = "pouch.opened";
    private static final String GUARDED = "pouch.guarded";
    /** The step under way, named in the audit entry when it fails. */
    private static final String STEP = "pouch.step";

    /** The opened message's spool is deleted once the intake has answered, accepted or rejected. */
    private static final Synchronization CLOSE_OPENED = new SynchronizationAdapter() {
        @Override
        public void onDone(Exchange exchange) {
            OpenedSubmission opened = exchange.getProperty(OPENED, OpenedSubmission.class);
            if (opened != null) {
                opened.message().close();
            }
        }
    };

    private final ReceiveStep receive;
    private final OpenStep open;
    private final GuardStep guard;
    private final AcceptStep accept;
    private final RejectionStep rejection;
    private final DeliveryQueue deliveryQueue;
    private final ExchangesBeingRecorded beingRecorded;
    private final AcceptedDocuments documents;

    /**
     * @param deliveryQueue where accepted exchange ids are queued for delivery, and how it says it is full
     * @param overstay what the gateway remembers of pilgrim lists and movements: the guard checks movements
     *     against it, the accept step records into it
     * @param transaction runs the accept step's ledger row and overstay facts in one transaction
     * @param beingRecorded where the accept step lists an exchange from queueing until the intake is done
     *     with it, so that delivery does not take it for an orphan meanwhile
     * @param documents where the accept step holds the verified document of an exchange it queues, for its
     *     delivery in this process to take instead of opening the envelope again
     */
    public IntakeRoutes(
            IntakeSettings settings,
            EnvelopeOpener opener,
            ParticipantDirectory directory,
            ExchangeLedger ledger,
            AuditTrail audit,
            ReceiptSigner receipts,
            DeliveryQueue deliveryQueue,
            OverstayRecords overstay,
            OneTransaction transaction,
            ExchangesBeingRecorded beingRecorded,
            AcceptedDocuments documents,
            Clock clock) {
        OverstayFacts overstayFacts = new OverstayFacts(overstay);
        this.receive = new ReceiveStep(directory, clock);
        this.open = new OpenStep(opener);
        this.guard = new GuardStep(directory, ledger, settings.createdAtWindow(), clock, overstayFacts);
        this.accept = new AcceptStep(settings, receipts, ledger, audit, clock, overstayFacts, transaction);
        this.rejection = new RejectionStep(directory, audit, clock);
        this.deliveryQueue = deliveryQueue;
        this.beingRecorded = beingRecorded;
        this.documents = documents;
    }

    /** Records a refusal an edge made on its own, the way the intake records its rejections. */
    IntakeOutcome.Rejected refuseAtEdge(Channel channel, Optional<X509Certificate> client, RejectedException refusal) {
        return rejection.refuseAtEdge(channel, client, refusal);
    }

    /** The endpoint an {@link Intake} sends submissions to. */
    static DirectEndpointBuilder entry() {
        return StaticEndpointBuilders.direct(INTAKE);
    }

    @Override
    public void configure() {
        // spotless:off
        from(entry()).routeId(INTAKE)
                .onException(Throwable.class).handled(true).process(this::rejected).end()
                .setProperty(STEP, constant(INTAKE))
                .process(e -> e.getExchangeExtension().addOnCompletion(CLOSE_OPENED))
                .process(e -> e.getMessage().setBody(receive.receive(e.getMessage().getBody(Submission.class))))
                .setProperty(RECEIVED, body())
                .to(direct(OPEN))
                .to(direct(GUARD))
                .choice()
                    .when(body().isInstanceOf(GuardDecision.Repeat.class))
                        .process(e -> e.getMessage().setBody(accept.repeat(e.getMessage().getBody(GuardDecision.Repeat.class))))
                    .otherwise()
                        .to(direct(ACCEPT))
                .end();

        from(direct(OPEN)).routeId(OPEN).errorHandler(noErrorHandler())
                .setProperty(STEP, constant(OPEN))
                .process(e -> e.getMessage().setBody(open.open(e.getMessage().getBody(ReceivedSubmission.class))))
                .setProperty(OPENED, body());

        from(direct(GUARD)).routeId(GUARD).errorHandler(noErrorHandler())
                .setProperty(STEP, constant(GUARD))
                .process(e -> e.getMessage().setBody(guard.guard(e.getMessage().getBody(OpenedSubmission.class))));

        from(direct(ACCEPT)).routeId(ACCEPT).errorHandler(noErrorHandler())
                .setProperty(STEP, constant(ACCEPT))
                .setProperty(GUARDED, body())
                .process(this::queueForDelivery)
                .to(ExchangePattern.InOnly, deliveryQueue.endpoint())
                .process(this::record);
        // spotless:on
    }

    private void queueForDelivery(Exchange e) {
        GuardDecision.Fresh fresh = e.getMessage().getBody(GuardDecision.Fresh.class);
        AcceptedExchange accepted = accept.prepare(fresh);
        e.setProperty(ACCEPT, accepted);
        beingRecorded.started(accepted.exchangeId());
        // Held before queueing: delivery may take the id off the queue before the accept step records it.
        documents.hold(
                accepted.exchangeId(),
                accepted.envelopeSha256(),
                fresh.submission().message().document());
        e.getMessage().setHeader(MessageHeaders.EXCHANGE_ID, accepted.exchangeId());
        e.getMessage().setHeader(MessageHeaders.RECIPIENT, accepted.recipient().value());
        e.getMessage().setHeader(MessageHeaders.MESSAGE_TYPE, accepted.messageType());
        e.getMessage().setBody(accepted.exchangeId());
    }

    private void record(Exchange e) {
        AcceptedExchange accepted = e.getProperty(ACCEPT, AcceptedExchange.class);
        try {
            IntakeOutcome outcome = accept.record(accepted, e.getProperty(GUARDED, GuardDecision.Fresh.class));
            // A twin that won the race answers with its own exchange id: ours was not recorded. A failure
            // goes to rejected(), which releases what was held.
            if (!(outcome instanceof IntakeOutcome.Accepted answer
                    && answer.exchangeId().equals(accepted.exchangeId()))) {
                documents.release(accepted.exchangeId());
            }
            e.getMessage().setBody(outcome);
        } finally {
            beingRecorded.finished(accepted.exchangeId());
        }
    }

    private void rejected(Exchange e) {
        // Queueing or recording failed once the exchange was listed: nothing stays held for it (should the
        // ledger have taken it after all, delivery opens the archived envelope).
        Optional.ofNullable(e.getProperty(ACCEPT, AcceptedExchange.class)).ifPresent(queued -> {
            documents.release(queued.exchangeId());
            beingRecorded.finished(queued.exchangeId());
        });
        Throwable failure = e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String step = Optional.ofNullable(e.getProperty(STEP, String.class)).orElse(INTAKE);
        if (ACCEPT.equals(step) && deliveryQueue.refusedAsFull().test(failure)) {
            // Nothing was recorded: the ledger row comes after the queue took the id.
            failure = new RejectedException(
                    RejectionReason.UNAVAILABLE, "the delivery queue refused the exchange for want of room", failure);
        }
        e.getMessage()
                .setBody(rejection.reject(
                        failure,
                        Optional.ofNullable(e.getProperty(RECEIVED, ReceivedSubmission.class)),
                        Optional.ofNullable(e.getProperty(OPENED, OpenedSubmission.class)),
                        step));
    }
}
