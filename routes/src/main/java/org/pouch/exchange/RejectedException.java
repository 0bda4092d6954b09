package org.pouch.exchange;

import java.util.Objects;

/**
 * The one failure type of the exchange pipeline. The reason goes on the wire; the detail stays in the
 * gateway's log and must never hold secrets or payload plaintext.
 */
public final class RejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final RejectionReason reason;

    public RejectedException(RejectionReason reason, String detail) {
        super(reason.code() + ": " + detail);
        this.reason = Objects.requireNonNull(reason);
    }

    public RejectedException(RejectionReason reason, String detail, Throwable cause) {
        super(reason.code() + ": " + detail, cause);
        this.reason = Objects.requireNonNull(reason);
    }

    public RejectionReason reason() {
        return reason;
    }

    /** The detail for the gateway's own log, never for the caller. */
    public String detail() {
        return getMessage();
    }
}
