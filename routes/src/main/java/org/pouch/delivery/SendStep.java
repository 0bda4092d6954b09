package org.pouch.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.pouch.audit.AuditEvent;
import org.pouch.audit.AuditEventType;
import org.pouch.audit.AuditTrail;
import org.pouch.envelope.ReceiptVerifier;
import org.pouch.exchange.Receipt;
import org.pouch.exchange.RejectedException;
import org.pouch.intake.AcceptedExchange;
import org.pouch.partners.Endpoint;
import org.pouch.partners.Participant;

/**
 * Step {@code delivery.send}: one attempt, if the partner's circuit lets it through, and what follows
 * from its outcome: delivered, another attempt later, or the dead-letter queue. Every attempt is audited
 * and then recorded before the route commits the queue message.
 */
final class SendStep {

    /** Attempts that reach no one count against the partner's circuit; a refusal shows the partner is up. */
    private static final class PartnerFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PartnerFailure(String outcome) {
            super(outcome, null, false, false);
        }
    }

    private record Outcome(
            String name,
            boolean delivered,
            boolean retryable,
            Optional<Integer> httpStatus,
            Optional<String> error,
            Optional<byte[]> receipt,
            String receiptNote) {}

    private final DeliverySettings settings;
    private final Map<Endpoint.Protocol, PartnerTransport> transports;
    private final PartnerBreakers breakers;
    private final ReceiptVerifier receipts;
    private final DeliveryStore store;
    private final AuditTrail audit;
    private final Clock clock;

    SendStep(
            DeliverySettings settings,
            Map<Endpoint.Protocol, PartnerTransport> transports,
            PartnerBreakers breakers,
            ReceiptVerifier receipts,
            DeliveryStore store,
            AuditTrail audit,
            Clock clock) {
        this.settings = settings;
        this.transports = Map.copyOf(transports);
        this.breakers = breakers;
        this.receipts = receipts;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Audits, then records: the log is written before the state it explains, so a crash in between makes
     * the log show an attempt the store does not (the queue message comes back and the envelope goes out
     * again, which the partner's idempotency key absorbs), never the other way round.
     */
    DeliveryDecision attempt(AcceptedExchange exchange, Delivery delivery, Participant recipient) {
        RetryPolicy policy = settings.retryFor(recipient.id());
        Instant now = clock.instant();
        Instant deadline = delivery.budgetSince().plus(policy.maxAge());
        if (delivery.attempts() >= policy.maxAttempts()) {
            return deadLetter(exchange, delivery, "attempts-exhausted", now);
        }
        if (now.isAfter(deadline)) {
            return deadLetter(exchange, delivery, "too-old", now);
        }
        CircuitBreaker breaker = breakers.forPartner(recipient.id());
        if (!breaker.tryAcquirePermission()) {
            // Not an attempt: nothing was sent. Try again once the circuit may have half-opened.
            return new DeliveryDecision.Retry(now.plus(settings.breaker().waitInOpenState()), delivery.attempts());
        }
        int number = store.attempts(delivery.exchangeId()).size() + 1;
        long started = System.nanoTime();
        Outcome outcome = send(delivery, recipient);
        long took = System.nanoTime() - started;
        if (outcome.httpStatus().isPresent() && !outcome.retryable()) {
            breaker.onSuccess(took, TimeUnit.NANOSECONDS);
        } else {
            breaker.onError(took, TimeUnit.NANOSECONDS, new PartnerFailure(outcome.name()));
        }

        int attempts = delivery.attempts() + 1;
        Instant next = now.plus(policy.backoffAfter(attempts));
        DeliveryStatus status;
        if (outcome.delivered()) {
            status = DeliveryStatus.DELIVERED;
        } else if (!outcome.retryable() || attempts >= policy.maxAttempts() || next.isAfter(deadline)) {
            status = DeliveryStatus.DEAD_LETTERED;
        } else {
            status = DeliveryStatus.PENDING;
        }
        // One append: the transform when this is the first attempt, the attempt, and what came of it. One
        // wait for the log, and no log that shows the one without the others.
        List<AuditEvent> events = new ArrayList<>(3);
        if (number == 1) {
            events.add(transformed(exchange, delivery));
        }
        Map<String, String> details = new HashMap<>();
        details.put("attempt", Integer.toString(number));
        details.put("outcome", outcome.name());
        details.put("idempotencyKey", delivery.messageId());
        outcome.httpStatus().ifPresent(code -> details.put("httpStatus", code.toString()));
        outcome.error().ifPresent(error -> details.put("error", error));
        events.add(event(AuditEventType.DELIVERY_ATTEMPTED, exchange, delivery, details));
        DeliveryDecision decision = switch (status) {
            case DELIVERED -> {
                events.add(event(
                        AuditEventType.DELIVERED,
                        exchange,
                        delivery,
                        Map.of("attempt", Integer.toString(number), "receipt", outcome.receiptNote())));
                yield new DeliveryDecision.Done();
            }
            case PENDING -> new DeliveryDecision.Retry(next, attempts);
            case DEAD_LETTERED -> {
                String reason = outcome.retryable()
                        ? (attempts >= policy.maxAttempts() ? "attempts-exhausted" : "too-old")
                        : "refused-" + outcome.name();
                events.add(event(
                        AuditEventType.DEAD_LETTERED,
                        exchange,
                        delivery,
                        Map.of(
                                "reason",
                                reason,
                                "attempts",
                                Integer.toString(attempts),
                                "lastOutcome",
                                outcome.name())));
                yield new DeliveryDecision.DeadLettered(reason);
            }
        };
        audit.appendAll(events);
        store.recordAttempt(
                delivery.exchangeId(),
                new DeliveryAttempt(number, now, outcome.name(), outcome.httpStatus(), outcome.error()),
                status,
                outcome.receipt());
        return decision;
    }

    /**
     * Dead-letters without an attempt: the budget ran out while the delivery waited, or it could not be
     * prepared. A sealed envelope never attempted has its transform audited here.
     */
    DeliveryDecision deadLetter(AcceptedExchange exchange, Delivery delivery, String reason, Instant now) {
        List<AuditEvent> events = new ArrayList<>(2);
        if (delivery.sealed() && store.attempts(delivery.exchangeId()).isEmpty()) {
            events.add(transformed(exchange, delivery));
        }
        events.add(event(
                AuditEventType.DEAD_LETTERED,
                exchange,
                delivery,
                Map.of("reason", reason, "attempts", Integer.toString(delivery.attempts()))));
        audit.appendAll(events);
        store.deadLetter(delivery.exchangeId(), reason, now);
        return new DeliveryDecision.DeadLettered(reason);
    }

    /**
     * What {@link PrepareStep} made of the exchange: the recipient's format, the fields it was denied,
     * and the digest of the envelope sealed for it. Audited with the first attempt (or the dead-lettering
     * that comes instead of one), so it is also audited again when a crash came between the attempt and
     * its record: the log may show a transform twice, never a sent envelope without one.
     */
    private AuditEvent transformed(AcceptedExchange exchange, Delivery delivery) {
        return event(
                AuditEventType.TRANSFORMED,
                exchange,
                delivery,
                Map.of(
                        "format", delivery.format(),
                        "stripped", String.join(",", delivery.stripped()),
                        "originalMessageId", exchange.messageId(),
                        "originalSender", exchange.sender().value()));
    }

    private Outcome send(Delivery delivery, Participant recipient) {
        Endpoint.Protocol protocol = recipient.endpoint().orElseThrow().protocol();
        PartnerTransport transport = transports.get(protocol);
        if (transport == null) {
            return new Outcome(
                    "no-transport-" + protocol.name().toLowerCase(Locale.ROOT),
                    false,
                    false,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    "none");
        }
        PartnerTransport.Result result = transport.send(recipient, delivery.messageId(), delivery.envelope());
        if (result instanceof PartnerTransport.NoAnswer none) {
            return new Outcome(
                    "no-answer", false, true, Optional.empty(), Optional.of(none.error()), Optional.empty(), "none");
        }
        PartnerTransport.Answered answered = (PartnerTransport.Answered) result;
        int status = answered.status();
        if (status >= 200 && status < 300) {
            return delivered(delivery, status, answered.receipt());
        }
        // Asking again can help after a timeout, "too early", rate limiting and server errors; any other
        // refusal says the partner will not take this message as it is.
        boolean retryable = status == 408 || status == 425 || status == 429 || status >= 500;
        return new Outcome(
                "http-" + status, false, retryable, Optional.of(status), Optional.empty(), Optional.empty(), "none");
    }

    /**
     * A 2xx is a delivery. A receipt that verifies is kept as the partner's proof; one that does not is
     * noted in the audit and dropped: resending would not make the partner sign it better.
     */
    private Outcome delivered(Delivery delivery, int status, Optional<byte[]> receipt) {
        if (receipt.isEmpty()) {
            return new Outcome(
                    "delivered", true, false, Optional.of(status), Optional.empty(), Optional.empty(), "none");
        }
        String note = receiptProblem(delivery, receipt.get())
                .map(problem -> "invalid: " + problem)
                .orElse("verified");
        return new Outcome(
                "delivered",
                true,
                false,
                Optional.of(status),
                Optional.empty(),
                note.equals("verified") ? receipt : Optional.empty(),
                note);
    }

    private Optional<String> receiptProblem(Delivery delivery, byte[] signed) {
        Receipt receipt;
        try {
            receipt = receipts.verify(signed).receipt();
        } catch (RejectedException e) {
            return Optional.of(e.reason().code());
        }
        if (!receipt.gateway().equals(delivery.recipient())) {
            return Optional.of("signed-by-" + receipt.gateway());
        }
        if (!receipt.messageId().equals(delivery.messageId())
                || !receipt.envelopeSha256().equals(delivery.envelopeSha256())) {
            return Optional.of("names-another-message");
        }
        return Optional.empty();
    }

    private AuditEvent event(
            AuditEventType type, AcceptedExchange exchange, Delivery delivery, Map<String, String> details) {
        String step = switch (type) {
            case TRANSFORMED -> DeliveryRoutes.PREPARE;
            case DEAD_LETTERED -> DeliveryRoutes.DEAD_LETTER;
            default -> DeliveryRoutes.SEND;
        };
        return new AuditEvent(
                clock.instant(),
                type,
                step,
                settings.gateway().value(),
                Optional.of(delivery.exchangeId()),
                Optional.of(delivery.messageId()),
                Optional.of(settings.gateway()),
                Optional.of(delivery.recipient()),
                Optional.of(exchange.messageType()),
                Optional.of(delivery.envelopeSha256()),
                Optional.empty(),
                Optional.empty(),
                details);
    }
}
