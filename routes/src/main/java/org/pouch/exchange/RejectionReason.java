package org.pouch.exchange;

/**
 * Why the gateway refuses a submission. The codes are public API: partners branch on them, auditors
 * search for them. Changing or removing one needs a decision record and a changelog line; adding one
 * needs a changelog line.
 */
public enum RejectionReason {
    MALFORMED_ENVELOPE("malformed-envelope", 400, FaultSide.SENDER, false),
    NOT_ADDRESSED_TO_GATEWAY("not-addressed-to-gateway", 422, FaultSide.SENDER, false),
    DECRYPTION_FAILED("decryption-failed", 422, FaultSide.SENDER, false),
    KEY_RETIRED("key-retired", 422, FaultSide.SENDER, false),
    SIGNATURE_INVALID("signature-invalid", 422, FaultSide.SENDER, false),
    CERTIFICATE_UNTRUSTED("certificate-untrusted", 422, FaultSide.SENDER, false),
    CERTIFICATE_EXPIRED("certificate-expired", 422, FaultSide.SENDER, false),
    CERTIFICATE_NOT_YET_VALID("certificate-not-yet-valid", 422, FaultSide.SENDER, false),
    CERTIFICATE_REVOKED("certificate-revoked", 422, FaultSide.SENDER, false),
    SIGNER_UNKNOWN("signer-unknown", 422, FaultSide.SENDER, false),
    SIGNER_NOT_SENDER("signer-not-sender", 403, FaultSide.SENDER, false),
    CLIENT_NOT_SIGNER("client-not-signer", 403, FaultSide.SENDER, false),
    ALGORITHM_NOT_ALLOWED("algorithm-not-allowed", 422, FaultSide.SENDER, false),
    CREATED_AT_OUT_OF_WINDOW("created-at-out-of-window", 422, FaultSide.SENDER, false),
    REPLAY("replay", 409, FaultSide.SENDER, false),
    POLICY_DENIED("policy-denied", 403, FaultSide.SENDER, false),
    SCHEMA_INVALID("schema-invalid", 422, FaultSide.SENDER, false),
    BUSINESS_RULE_VIOLATED("business-rule-violated", 422, FaultSide.SENDER, false),
    TOO_LARGE("too-large", 413, FaultSide.SENDER, false),
    RATE_LIMITED("rate-limited", 429, FaultSide.SENDER, true),
    INTERNAL_ERROR("internal-error", 500, FaultSide.RECEIVER, true),
    /** The gateway cannot keep a message durably now (its broker's disk is full): send it again later. */
    UNAVAILABLE("unavailable", 503, FaultSide.RECEIVER, true);

    /** Whose fault a rejection is, in SOAP's terms: the sender's message or the receiver's state. */
    public enum FaultSide {
        SENDER,
        RECEIVER
    }

    private final String code;
    private final int httpStatus;
    private final FaultSide faultSide;
    private final boolean retryable;

    RejectionReason(String code, int httpStatus, FaultSide faultSide, boolean retryable) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.faultSide = faultSide;
        this.retryable = retryable;
    }

    /** The stable wire code, for example {@code signature-invalid}. */
    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public FaultSide faultSide() {
        return faultSide;
    }

    /** Whether sending the same envelope again later can succeed. */
    public boolean retryable() {
        return retryable;
    }

    public static RejectionReason fromCode(String code) {
        for (RejectionReason reason : values()) {
            if (reason.code.equals(code)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("unknown rejection code: " + code);
    }
}
