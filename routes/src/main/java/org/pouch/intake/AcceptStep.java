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

/**
 * Step {@code intake.accept}: give the exchange its id and signed receipt, make it durable (the route
 * queues it, then this step records it), and audit the acceptance.
 */
final class AcceptStep {

    private final IntakeSettings settings;
    private final ReceiptSigner receipts;
    private final ExchangeLedger ledger;
    private final AuditTrail audit;
    private final Clock clock;

    AcceptStep(IntakeSettings settings, ReceiptSigner receipts, ExchangeLedger ledger, AuditTrail audit, Clock clock) {
        this.settings = settings;
        this.receipts = receipts;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
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

    /** Records the queued exchange; a concurrent twin that won the race decides the answer instead. */
    IntakeOutcome record(AcceptedExchange exchange, OpenedSubmission opened) {
        try {
            ledger.record(exchange);
        } catch (ExchangeLedger.DuplicateMessageIdException raced) {
            AcceptedExchange winner = ledger.findByMessageId(exchange.sender(), exchange.messageId())
                    .orElseThrow(() -> raced);
            return repeat((GuardDecision.Repeat) GuardStep.repeatOrReplay(opened, winner));
        }
        auditAccepted(exchange, IntakeRoutes.ACCEPT);
        return new IntakeOutcome.Accepted(exchange.exchangeId(), exchange.receipt(), false);
    }

    IntakeOutcome repeat(GuardDecision.Repeat repeat) {
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
