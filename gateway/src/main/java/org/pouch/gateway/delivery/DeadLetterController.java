package org.pouch.gateway.delivery;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pouch.audit.AuditEvent;
import org.pouch.audit.AuditEventType;
import org.pouch.audit.AuditTrail;
import org.pouch.delivery.Delivery;
import org.pouch.delivery.DeliveryAttempt;
import org.pouch.delivery.DeliveryRoutes;
import org.pouch.delivery.DeliveryStatus;
import org.pouch.delivery.DeliveryStore;
import org.pouch.gateway.access.ManagementApi;
import org.pouch.gateway.access.RequiresRole;
import org.pouch.gateway.access.StaffMember;
import org.pouch.gateway.access.StaffRole;
import org.pouch.intake.AcceptedExchange;
import org.pouch.intake.ExchangeLedger;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The operators' view of dead letters on the management port: list, inspect, replay. Identities,
 * digests, attempts and outcomes only; never the payload, which the gateway holds sealed anyway.
 */
@ManagementApi
@RequiresRole(StaffRole.OPERATOR)
class DeadLetterController {

    static final String PATH = "/api/v1/dead-letters";
    private static final int MAX_PAGE_SIZE = 100;

    /** One dead letter in the list. */
    record DeadLetter(
            String exchangeId,
            String messageId,
            String sender,
            String recipient,
            String messageType,
            String acceptedAt,
            int attempts,
            String lastError) {}

    record Page(int page, int size, long total, List<DeadLetter> items) {}

    /** One dead letter in full. */
    record Inspection(
            DeadLetter deadLetter,
            String status,
            String deliveryMessageId,
            String envelopeSha256,
            String format,
            List<String> stripped,
            List<DeliveryAttempt> attempts) {}

    record Replay(String exchangeId, String status) {}

    private final DeliveryStore deliveries;
    private final ExchangeLedger ledger;
    private final DeadLetterReplays replays;
    private final AuditTrail audit;
    private final Clock clock;

    DeadLetterController(
            DeliveryStore deliveries, ExchangeLedger ledger, DeadLetterReplays replays, AuditTrail audit, Clock clock) {
        this.deliveries = deliveries;
        this.ledger = ledger;
        this.replays = replays;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping(PATH)
    Page list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw problem(HttpStatus.BAD_REQUEST, "bad-page", "page must be 0 or more, size 1 to " + MAX_PAGE_SIZE);
        }
        List<DeadLetter> items = deliveries.deadLetters(page * size, size).stream()
                .map(this::deadLetter)
                .toList();
        return new Page(page, size, deliveries.countDeadLetters(), items);
    }

    @GetMapping(PATH + "/{exchangeId}")
    Inspection inspect(@PathVariable String exchangeId) {
        Delivery delivery = deadLettered(exchangeId);
        return new Inspection(
                deadLetter(delivery),
                delivery.status().name(),
                delivery.messageId(),
                delivery.envelopeSha256(),
                delivery.format(),
                delivery.stripped(),
                deliveries.attempts(exchangeId));
    }

    @PostMapping(PATH + "/{exchangeId}/replay")
    ResponseEntity<Replay> replay(@PathVariable String exchangeId, StaffMember caller) {
        Delivery delivery = deadLettered(exchangeId);
        AcceptedExchange exchange = ledger.findByExchangeId(exchangeId).orElseThrow();
        replays.requeue(exchange, caller.name());
        audit.append(new AuditEvent(
                clock.instant(),
                AuditEventType.REPLAYED,
                DeliveryRoutes.REPLAY,
                caller.name(),
                Optional.of(exchangeId),
                Optional.of(delivery.messageId()),
                Optional.of(exchange.sender()),
                Optional.of(exchange.recipient()),
                Optional.of(exchange.messageType()),
                Optional.of(delivery.envelopeSha256()),
                Optional.empty(),
                Optional.empty(),
                Map.of("lastError", delivery.lastError().orElse(""))));
        return ResponseEntity.accepted().body(new Replay(exchangeId, "queued"));
    }

    private Delivery deadLettered(String exchangeId) {
        return deliveries
                .find(exchangeId)
                .filter(d -> d.status() == DeliveryStatus.DEAD_LETTERED)
                .orElseThrow(() -> problem(
                        HttpStatus.NOT_FOUND, "not-a-dead-letter", "no dead letter with exchange id " + exchangeId));
    }

    private DeadLetter deadLetter(Delivery delivery) {
        Optional<AcceptedExchange> exchange = ledger.findByExchangeId(delivery.exchangeId());
        return new DeadLetter(
                delivery.exchangeId(),
                exchange.map(AcceptedExchange::messageId).orElse(null),
                exchange.map(e -> e.sender().value()).orElse(null),
                delivery.recipient().value(),
                exchange.map(AcceptedExchange::messageType).orElse(null),
                exchange.map(e -> e.acceptedAt().toString()).orElse(null),
                delivery.attempts(),
                delivery.lastError().orElse(null));
    }

    private static ErrorResponseException problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:pouch:management:" + type));
        return new ErrorResponseException(status, problem, null);
    }
}
