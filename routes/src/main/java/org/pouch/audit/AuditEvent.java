package org.pouch.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pouch.exchange.ParticipantId;
import org.pouch.exchange.RejectionReason;

/**
 * One entry of the exchange log: identities and digests, never payload plaintext.
 *
 * @param step the route step that recorded it, for example {@code intake.open}
 * @param actor who caused it: a participant id for exchange events, an officer's name for key events
 * @param envelopeSha256 hex SHA-256 of the envelope concerned, when there is one
 * @param details further facts of this event (attempt number, HTTP status, fields stripped, key
 *     fingerprint); short identities and figures, never payload plaintext
 */
public record AuditEvent(
        Instant at,
        AuditEventType type,
        String step,
        String actor,
        Optional<String> exchangeId,
        Optional<String> messageId,
        Optional<ParticipantId> sender,
        Optional<ParticipantId> recipient,
        Optional<String> messageType,
        Optional<String> envelopeSha256,
        Optional<RejectionReason> reason,
        Optional<String> incidentId,
        Map<String, String> details) {

    public AuditEvent {
        Objects.requireNonNull(at);
        Objects.requireNonNull(type);
        Objects.requireNonNull(step);
        Objects.requireNonNull(actor);
        Objects.requireNonNull(exchangeId);
        Objects.requireNonNull(messageId);
        Objects.requireNonNull(sender);
        Objects.requireNonNull(recipient);
        Objects.requireNonNull(messageType);
        Objects.requireNonNull(envelopeSha256);
        Objects.requireNonNull(reason);
        Objects.requireNonNull(incidentId);
        details = Map.copyOf(details);
    }

    /** An event with no further details. */
    public AuditEvent(
            Instant at,
            AuditEventType type,
            String step,
            String actor,
            Optional<String> exchangeId,
            Optional<String> messageId,
            Optional<ParticipantId> sender,
            Optional<ParticipantId> recipient,
            Optional<String> messageType,
            Optional<String> envelopeSha256,
            Optional<RejectionReason> reason,
            Optional<String> incidentId) {
        this(
                at,
                type,
                step,
                actor,
                exchangeId,
                messageId,
                sender,
                recipient,
                messageType,
                envelopeSha256,
                reason,
                incidentId,
                Map.of());
    }

    /**
     * An event that concerns no exchange and no rejected submission: a key step, an operator's or
     * auditor's action, a refused management request, a purge.
     */
    public static AuditEvent administrative(
            Instant at, AuditEventType type, String step, String actor, Map<String, String> details) {
        return new AuditEvent(
                at,
                type,
                step,
                actor,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                details);
    }
}
