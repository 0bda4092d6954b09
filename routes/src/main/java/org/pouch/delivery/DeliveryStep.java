package org.pouch.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pouch.audit.AuditEvent;
import org.pouch.audit.AuditEventType;
import org.pouch.audit.AuditTrail;
import org.pouch.exchange.ParticipantId;
import org.pouch.exchange.RejectedException;
import org.pouch.intake.AcceptedExchange;
import org.pouch.intake.ExchangeLedger;
import org.pouch.intake.ExchangesBeingRecorded;
import org.pouch.partners.Endpoint;
import org.pouch.partners.Participant;
import org.pouch.partners.ParticipantDirectory;

/**
 * Step {@code delivery}: what one queue message means. The ledger is the authority: an id it does not
 * hold is waited for a bounded time (the intake queues before it records), then dropped as an orphan.
 * An id the intake of this process is still recording is waited for (here, up to the recheck interval,
 * then again from the queue) however long that takes. A delivery
 * that is settled already ignores the message; a pending one is prepared once and attempted.
 */
final class DeliveryStep {

    private final DeliverySettings settings;
    private final ExchangeLedger ledger;
    private final ExchangesBeingRecorded beingRecorded;
    private final ParticipantDirectory directory;
    private final DeliveryStore store;
    private final PrepareStep prepare;
    private final SendStep send;
    private final AuditTrail audit;
    private final Clock clock;

    DeliveryStep(
            DeliverySettings settings,
            ExchangeLedger ledger,
            ExchangesBeingRecorded beingRecorded,
            ParticipantDirectory directory,
            DeliveryStore store,
            PrepareStep prepare,
            SendStep send,
            AuditTrail audit,
            Clock clock) {
        this.settings = settings;
        this.ledger = ledger;
        this.beingRecorded = beingRecorded;
        this.directory = directory;
        this.store = store;
        this.prepare = prepare;
        this.send = send;
        this.audit = audit;
        this.clock = clock;
    }

    DeliveryDecision deliver(DeliveryRequest request) {
        Optional<AcceptedExchange> accepted = ledger.findByExchangeId(request.exchangeId());
        if (accepted.isEmpty()
                && beingRecorded.contains(request.exchangeId())
                && beingRecorded.awaitFinished(request.exchangeId(), settings.orphanRecheck())) {
            // Usually milliseconds: cheaper than putting the id back on the queue for a later look.
            accepted = ledger.findByExchangeId(request.exchangeId());
        }
        if (accepted.isEmpty()) {
            return orphan(request);
        }
        AcceptedExchange exchange = accepted.get();
        Optional<Delivery> existing = store.find(exchange.exchangeId());
        if (request.replayBy().isPresent()) {
            // Only a dead letter is replayed: a second request for the same one finds it pending and stops
            // here, so two chains of retries never run for one exchange.
            if (existing.isEmpty() || existing.get().status() != DeliveryStatus.DEAD_LETTERED) {
                return new DeliveryDecision.Done();
            }
            store.restartBudget(exchange.exchangeId(), clock.instant());
            existing = store.find(exchange.exchangeId());
        } else if (existing.isPresent() && existing.get().status() != DeliveryStatus.PENDING) {
            return new DeliveryDecision.Done();
        }
        Optional<Participant> recipient =
                directory.find(exchange.recipient()).filter(p -> p.endpoint().isPresent());
        if (recipient.isEmpty()) {
            return unpreparable(exchange, existing, "recipient-not-deliverable");
        }
        if (existing.isPresent() && existing.get().sealed()) {
            return send.attempt(exchange, existing.get(), recipient.get());
        }
        PrepareStep.Prepared prepared;
        try {
            prepared = prepare.prepare(exchange, recipient.get());
        } catch (RejectedException e) {
            // The archived envelope no longer opens (its decryption key retired, its sender's
            // certificate untrusted since): no retry will change that, an operator must look.
            return unpreparable(exchange, existing, "cannot-open-" + e.reason().code());
        } catch (IllegalArgumentException e) {
            return unpreparable(exchange, existing, "cannot-transform");
        } catch (PrepareStep.MisaddressedException e) {
            return unpreparable(exchange, existing, "recipient-mismatch");
        }
        // The first attempt sends from the spool the envelope was sealed into; it is deleted after.
        try (prepared) {
            return send.attempt(exchange, store.prepare(prepared.delivery()), recipient.get());
        }
    }

    private DeliveryDecision unpreparable(AcceptedExchange exchange, Optional<Delivery> existing, String reason) {
        Instant now = clock.instant();
        Delivery placeholder = existing.orElseGet(() -> store.prepare(new Delivery(
                exchange.exchangeId(),
                exchange.recipient(),
                exchange.exchangeId(),
                Delivery.NO_ENVELOPE,
                PrepareStep.sha256Hex(new byte[0]),
                directory
                        .find(exchange.recipient())
                        .flatMap(Participant::endpoint)
                        .map(Endpoint::format)
                        .orElse("none"),
                List.of(),
                DeliveryStatus.PENDING,
                0,
                exchange.acceptedAt(),
                Optional.empty(),
                Optional.empty())));
        return send.deadLetter(exchange, placeholder, reason, now);
    }

    private DeliveryDecision orphan(DeliveryRequest request) {
        Instant now = clock.instant();
        // Still being recorded here, or recorded just after the lookup that missed it: not an orphan.
        if (Duration.between(request.queuedAt(), now).compareTo(settings.orphanGrace()) < 0
                || beingRecorded.contains(request.exchangeId())
                || ledger.findByExchangeId(request.exchangeId()).isPresent()) {
            return new DeliveryDecision.Retry(now.plus(settings.orphanRecheck()), 0);
        }
        audit.append(new AuditEvent(
                now,
                AuditEventType.ORPHAN_DROPPED,
                DeliveryRoutes.DELIVERY,
                settings.gateway().value(),
                Optional.of(request.exchangeId()),
                Optional.empty(),
                Optional.empty(),
                Optional.<ParticipantId>empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Map.of(
                        "queuedAt",
                        request.queuedAt().toString(),
                        "waited",
                        Duration.between(request.queuedAt(), now).toString())));
        return new DeliveryDecision.Dropped();
    }
}
