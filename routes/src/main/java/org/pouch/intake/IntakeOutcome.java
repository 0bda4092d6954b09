package org.pouch.intake;

import java.util.Objects;
import org.pouch.exchange.RejectionReason;

/** What the intake answers an edge: accepted with a signed receipt, or rejected with a reason. */
public sealed interface IntakeOutcome {

    /**
     * The exchange is durable and queued for its recipient.
     *
     * @param exchangeId the gateway's id for this exchange
     * @param receipt the DER CMS SignedData receipt the gateway signed, for the sender to keep
     * @param repeated whether this answers a resubmission of an envelope already accepted
     */
    record Accepted(String exchangeId, byte[] receipt, boolean repeated) implements IntakeOutcome {
        public Accepted {
            Objects.requireNonNull(exchangeId);
            Objects.requireNonNull(receipt);
        }
    }

    /**
     * The submission was refused; the detail is in the gateway's log under the incident id.
     *
     * @param incidentId quoted by the partner when asking the gateway's operators about it
     */
    record Rejected(RejectionReason reason, String incidentId) implements IntakeOutcome {
        public Rejected {
            Objects.requireNonNull(reason);
            Objects.requireNonNull(incidentId);
        }
    }
}
