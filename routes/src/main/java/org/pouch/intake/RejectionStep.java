package org.pouch.intake;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.pouch.audit.AuditEvent;
import org.pouch.audit.AuditEventType;
import org.pouch.audit.AuditTrail;
import org.pouch.exchange.Header;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns any failure of the intake into an audited rejection with an incident id. The caller gets the
 * reason code and the incident id; the detail goes to the gateway's log under that id, and only there.
 */
final class RejectionStep {

    private static final Logger LOG = LoggerFactory.getLogger(RejectionStep.class);

    private final AuditTrail audit;
    private final Clock clock;

    RejectionStep(AuditTrail audit, Clock clock) {
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
        RejectionReason reason;
        if (failure instanceof RejectedException rejected) {
            reason = rejected.reason();
            LOG.warn("intake rejected: incident {} step {} {}", incidentId, step, rejected.detail());
        } else {
            reason = RejectionReason.INTERNAL_ERROR;
            LOG.error("intake failed: incident {} step {}", incidentId, step, failure);
        }
        Optional<Header> header = opened.map(o -> o.message().document().header());
        audit.append(new AuditEvent(
                clock.instant(),
                AuditEventType.REJECTED,
                step,
                received.map(ReceiveStep::actor).orElse("unknown"),
                Optional.empty(),
                header.map(Header::messageId),
                header.map(Header::from),
                header.map(Header::to),
                header.map(Header::type),
                received.map(ReceivedSubmission::envelopeSha256),
                Optional.of(reason),
                Optional.of(incidentId)));
        return new IntakeOutcome.Rejected(reason, incidentId);
    }
}
