package org.pouch.intake;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.pouch.audit.AuditEvent;
import org.pouch.audit.AuditEventType;
import org.pouch.audit.AuditTrail;
import org.pouch.envelope.ReceiptSigner;
import org.pouch.exchange.Header;
import org.pouch.exchange.Receipt;
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
    private final OneTransaction transaction;

    AcceptStep(
            IntakeSettings settings,
            ReceiptSigner receipts,
            ExchangeLedger ledger,
            AuditTrail audit,
            Clock clock,
            OverstayFacts overstay,
            OneTransaction transaction) {
        this.settings = settings;
        this.receipts = receipts;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
        this.overstay = overstay;
        this.transaction = transaction;
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
     * Records the queued exchange and its overstay facts in one transaction; a concurrent twin that won the
     * race (its ledger row is there, so ours is refused and nothing of ours stays) decides the answer instead.
     */
    IntakeOutcome record(AcceptedExchange exchange, GuardDecision.Fresh fresh) {
        OpenedSubmission opened = fresh.submission();
        try {
            transaction.run(() -> {
                ledger.record(exchange);
                overstay.record(
                        opened.message().document().header(),
                        exchange.exchangeId(),
                        exchange.acceptedAt(),
                        opened.message().document().payload(),
                        fresh.message());
            });
        } catch (ExchangeLedger.DuplicateMessageIdException raced) {
            AcceptedExchange winner = ledger.findByMessageId(exchange.sender(), exchange.messageId())
                    .orElseThrow(() -> raced);
            return repeat((GuardDecision.Repeat) GuardStep.repeatOrReplay(opened, winner));
        }
        auditAccepted(opened.received(), exchange, IntakeRoutes.ACCEPT);
        return new IntakeOutcome.Accepted(exchange.exchangeId(), exchange.receipt(), false);
    }

    /**
     * Answers a repeat with the first receipt. Its overstay facts are recorded again (recording is
     * idempotent): an exchange accepted before its ledger row and its facts were written in one transaction
     * may have lost its facts to a failure after the ledger took it, and the sender's retry is how they get
     * recorded.
     */
    IntakeOutcome repeat(GuardDecision.Repeat repeat) {
        Header header = repeat.submission().message().document().header();
        overstay.record(
                header,
                repeat.original().exchangeId(),
                repeat.original().acceptedAt(),
                repeat.submission().message().document().payload(),
                Optional.empty());
        auditAccepted(repeat.submission().received(), repeat.original(), IntakeRoutes.REPEAT);
        return new IntakeOutcome.Accepted(
                repeat.original().exchangeId(), repeat.original().receipt(), true);
    }

    private void auditAccepted(ReceivedSubmission received, AcceptedExchange exchange, String step) {
        audit.appendAll(List.of(
                received.auditEvent(),
                new AuditEvent(
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
                        Optional.empty())));
    }
}
