package org.pouch.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.pouch.exchange.Header;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;
import org.pouch.formats.RuleViolation;
import org.pouch.formats.catalog.MessageTypes;
import org.pouch.overstay.OverstayFacts;
import org.pouch.partners.ParticipantDirectory;

/**
 * Step {@code intake.guard}: the checks on the exchange itself, once the envelope is known to be
 * authentic: message ids (the same envelope again is answered with its first receipt; a different
 * envelope under a used id is a replay), the creation time, the exchange policy, then the payload
 * against its type's schema and business rules, and the rules that need what passed through the gateway
 * before (movements name passports of the list they answer).
 */
final class GuardStep {

    private final ParticipantDirectory directory;
    private final ExchangeLedger ledger;
    private final Duration createdAtWindow;
    private final Clock clock;
    private final OverstayFacts overstay;

    GuardStep(
            ParticipantDirectory directory,
            ExchangeLedger ledger,
            Duration createdAtWindow,
            Clock clock,
            OverstayFacts overstay) {
        this.directory = directory;
        this.ledger = ledger;
        this.createdAtWindow = createdAtWindow;
        this.clock = clock;
        this.overstay = overstay;
    }

    GuardDecision guard(OpenedSubmission opened) {
        Header header = opened.message().document().header();
        Optional<AcceptedExchange> earlier = ledger.findByMessageId(header.from(), header.messageId());
        if (earlier.isPresent()) {
            return repeatOrReplay(opened, earlier.get());
        }
        Instant now = clock.instant();
        Duration skew = Duration.between(header.createdAt(), now).abs();
        if (skew.compareTo(createdAtWindow) > 0) {
            throw new RejectedException(
                    RejectionReason.CREATED_AT_OUT_OF_WINDOW,
                    "createdAt " + header.createdAt() + " is " + skew + " from the gateway's clock");
        }
        if (!directory.allows(header.from(), header.type(), header.to())) {
            throw new RejectedException(
                    RejectionReason.POLICY_DENIED,
                    header.from() + " may not send " + header.type() + " to " + header.to());
        }
        // Schema, then business rules: a typed rejection naming the field path and the rule. A pilgrim list is
        // checked as a stream and not bound; the rules that need the records concern movements only.
        Optional<?> message = MessageTypes.lookup(header.type(), header.schemaVersion())
                .validateStreamed(opened.message().document().payload());
        if (message.isPresent()) {
            RuleViolation.rejectIfAny(overstay.check(header, message.get()));
        }
        return new GuardDecision.Fresh(opened, message);
    }

    /**
     * Checked before the time window: a sender that lost our answer may resend the same envelope
     * much later and must get its receipt, not a refusal.
     */
    static GuardDecision repeatOrReplay(OpenedSubmission opened, AcceptedExchange earlier) {
        if (earlier.envelopeSha256().equals(opened.received().envelopeSha256())) {
            return new GuardDecision.Repeat(opened, earlier);
        }
        throw new RejectedException(
                RejectionReason.REPLAY,
                "message id " + earlier.messageId() + " of " + earlier.sender() + " was accepted as exchange "
                        + earlier.exchangeId() + " with another envelope");
    }
}
