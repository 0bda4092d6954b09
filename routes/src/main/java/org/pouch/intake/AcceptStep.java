package org.pouch.intake;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.pouch.audit.AuditEvent;
import org.pouch.audit.AuditEventType;
import org.pouch.audit.AuditTrail;
import org.pouch.envelope.ReceiptSigner;
import org.pouch.exchange.Header;
import org.pouch.exchange.Receipt;
import org.pouch.formats.catalog.MessageTypes;
import org.pouch.overstay.OverstayFacts;

/**
 * Step {@code intake.accept}: give the exchange its id and signed receipt, make it durable (the route
 * queues it, then this step records it), record what the overstay answers need of it, and audit the
 * acceptance.
 */
final class AcceptStep {

    private final IntakeSettings settings;
    private final ReceiptSigner receipts;
    private final ExchangeLedger ledger;
    private final AuditTrail audit;
    private final Clock clock;
    private final OverstayFacts overstay;

    AcceptStep(
            IntakeSettings settings,
            ReceiptSigner receipts,
            ExchangeLedger ledger,
            AuditTrail audit,
            Clock clock,
            OverstayFacts overstay) {
        this.settings = settings;
        this.receipts = receipts;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
        this.overstay = overstay;
    }

    AcceptedExchange prepare(GuardDecision.Fresh fresh) {
        OpenedSubmission opened = fresh.submission();
        Header header = opened.message().document().header();
        String exchangeId = UUID.randomUUID().toString();
        Receipt receipt = new Receipt(
                settings.gateway(),
                exchangeId,
                header.messageId(),
                header.from(),
                header.to(),
                opened.received().envelopeSha256(),
                clock.instant(),
                Receipt.Status.ACCEPTED);
        return new AcceptedExchange(
                exchangeId,
                header.messageId(),
                header.from(),
                header.to(),
                header.type(),
                receipt.envelopeSha256(),
                receipt.acceptedAt(),
                opened.received().submission().envelope(),
                receipts.sign(receipt));
    }

    /**
     * Records the queued exchange, then its overstay facts; a concurrent twin that won the race decides the
     * answer instead.
     */
    IntakeOutcome record(AcceptedExchange exchange, GuardDecision.Fresh fresh) {
        OpenedSubmission opened = fresh.submission();
        try {
            ledger.record(exchange);
        } catch (ExchangeLedger.DuplicateMessageIdException raced) {
            AcceptedExchange winner = ledger.findByMessageId(exchange.sender(), exchange.messageId())
                    .orElseThrow(() -> raced);
            return repeat((GuardDecision.Repeat) GuardStep.repeatOrReplay(opened, winner));
        }
        overstay.record(
                opened.message().document().header(), exchange.exchangeId(), exchange.acceptedAt(), fresh.message());
        auditAccepted(exchange, IntakeRoutes.ACCEPT);
        return new IntakeOutcome.Accepted(exchange.exchangeId(), exchange.receipt(), false);
    }

    /**
     * Answers a repeat with the first receipt. Its overstay facts are recorded again (recording is
     * idempotent): if recording them failed after the ledger took the exchange, the sender's retry is how
     * they get recorded.
     */
    IntakeOutcome repeat(GuardDecision.Repeat repeat) {
        Header header = repeat.submission().message().document().header();
        if (OverstayFacts.concerns(header.type())) {
            Object message = MessageTypes.lookup(header.type(), header.schemaVersion())
                    .read(repeat.submission().message().document().payload());
            overstay.record(
                    header, repeat.original().exchangeId(), repeat.original().acceptedAt(), message);
        }
        auditAccepted(repeat.original(), IntakeRoutes.REPEAT);
        return new IntakeOutcome.Accepted(
                repeat.original().exchangeId(), repeat.original().receipt(), true);
    }

    private void auditAccepted(AcceptedExchange exchange, String step) {
        audit.append(new AuditEvent(
                clock.instant(),
                AuditEventType.ACCEPTED,
                step,
                exchange.sender().value(),
                Optional.of(exchange.exchangeId()),
                Optional.of(exchange.messageId()),
                Optional.of(exchange.sender()),
                Optional.of(exchange.recipient()),
                Optional.of(exchange.messageType()),
                Optional.of(exchange.envelopeSha256()),
                Optional.empty(),
                Optional.empty()));
    }
}
