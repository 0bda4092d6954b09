package org.pouch.intake;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.pouch.audit.AuditEvent;
import org.pouch.audit.AuditEventType;
import org.pouch.audit.AuditTrail;
import org.pouch.exchange.Header;
import org.pouch.exchange.ParticipantId;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;
import org.pouch.partners.ParticipantDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns any failure of the intake, and any refusal an edge makes on its own, into an audited rejection
 * with an incident id. The caller gets the reason code and the incident id; the detail goes to the
 * gateway's log under that id, and only there.
 */
final class RejectionStep {

    private static final Logger LOG = LoggerFactory.getLogger(RejectionStep.class);

    /** The actor of a refusal whose request came without a TLS client certificate. */
    static final String ANONYMOUS = "anonymous client";

    private final ParticipantDirectory directory;
    private final AuditTrail audit;
    private final Clock clock;

    RejectionStep(ParticipantDirectory directory, AuditTrail audit, Clock clock) {
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param received the submission as received, if the failure came after that
     * @param opened the opened submission, if the failure came after opening
     * @param step the route in which it failed
     */
    IntakeOutcome.Rejected reject(
            Throwable failure, Optional<ReceivedSubmission> received, Optional<OpenedSubmission> opened, String step) {
        String incidentId = UUID.randomUUID().toString();
        RejectionReason reason = logged(failure, incidentId, step);
        AuditEvent rejected = rejected(
                step,
                received.map(ReceiveStep::actor).orElse("unknown"),
                opened.map(o -> o.message().document().header()),
                received.map(ReceivedSubmission::envelopeSha256),
                reason,
                incidentId);
        audit.appendAll(received.map(r -> List.of(r.auditEvent(), rejected)).orElse(List.of(rejected)));
        return new IntakeOutcome.Rejected(reason, incidentId);
    }

    /**
     * A request an edge refused before it had a submission to hand over; see {@link Intake#refuse}. Never
     * throws: when the audit trail cannot take the entry, the log says so under the incident id, and the
     * edge still answers with the refusal, which is all it could answer anyway.
     */
    IntakeOutcome.Rejected refuseAtEdge(Channel channel, Optional<X509Certificate> client, RejectedException refusal) {
        String incidentId = UUID.randomUUID().toString();
        String step = edgeStep(channel);
        RejectionReason reason = logged(refusal, incidentId, step);
        try {
            audit.append(rejected(
                    step,
                    client.map(this::actor).orElse(ANONYMOUS),
                    Optional.empty(),
                    Optional.empty(),
                    reason,
                    incidentId));
        } catch (RuntimeException e) {
            LOG.error("incident {}: the refusal ({}, step {}) was not audited", incidentId, reason.code(), step, e);
        }
        return new IntakeOutcome.Rejected(reason, incidentId);
    }

    private AuditEvent rejected(
            String step,
            String actor,
            Optional<Header> header,
            Optional<String> envelopeSha256,
            RejectionReason reason,
            String incidentId) {
        return new AuditEvent(
                clock.instant(),
                AuditEventType.REJECTED,
                step,
                actor,
                Optional.empty(),
                header.map(Header::messageId),
                header.map(Header::from),
                header.map(Header::to),
                header.map(Header::type),
                envelopeSha256,
                Optional.of(reason),
                Optional.of(incidentId));
    }

    private String actor(X509Certificate client) {
        Optional<ParticipantId> participant = directory.participantAuthenticatedBy(client);
        return ReceiveStep.actor(participant, client);
    }

    private static String edgeStep(Channel channel) {
        return switch (channel) {
            case REST -> IntakeRoutes.EDGE_REST;
            case SOAP -> IntakeRoutes.EDGE_SOAP;
        };
    }

    /**
     * Logs the failure under the incident id and says which reason it is: the sender's rejections with
     * their detail, the gateway's own failures (anything but a sender's rejection) with the stack trace.
     */
    private static RejectionReason logged(Throwable failure, String incidentId, String step) {
        if (failure instanceof RejectedException rejected
                && rejected.reason().faultSide() == RejectionReason.FaultSide.SENDER) {
            Throwable cause = rejected.getCause();
            LOG.warn(
                    "rejected: incident {} step {} {}{}",
                    incidentId,
                    step,
                    rejected.detail(),
                    cause == null ? "" : " (" + cause + ")");
            return rejected.reason();
        }
        LOG.error("failed: incident {} step {}", incidentId, step, failure);
        return failure instanceof RejectedException rejected ? rejected.reason() : RejectionReason.INTERNAL_ERROR;
    }
}
