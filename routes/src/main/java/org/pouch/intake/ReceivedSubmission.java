package org.pouch.intake;

import java.time.Instant;
import java.util.Optional;
import org.pouch.audit.AuditEvent;
import org.pouch.audit.AuditEventType;
import org.pouch.exchange.ParticipantId;

/**
 * A submission as the intake first sees it.
 *
 * @param envelopeSha256 lower-case hex SHA-256 of the envelope bytes as received
 * @param client the participant the TLS client certificate belongs to, if any
 */
record ReceivedSubmission(
        Submission submission, String envelopeSha256, Optional<ParticipantId> client, Instant receivedAt) {

    /**
     * The audit log's note of who delivered which envelope, and when. It is appended together with the
     * intake's outcome (accepted or rejected), in one append: see {@link ReceiveStep}.
     */
    AuditEvent auditEvent() {
        return new AuditEvent(
                receivedAt,
                AuditEventType.RECEIVED,
                IntakeRoutes.INTAKE,
                ReceiveStep.actor(this),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(envelopeSha256),
                Optional.empty(),
                Optional.empty());
    }
}
