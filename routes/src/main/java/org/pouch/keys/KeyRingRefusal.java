package org.pouch.keys;

import java.util.Objects;

/**
 * A key-ring change that is not allowed, with a code an officer's tool can act on and a message that says
 * what to do instead. Never carries key material.
 */
public final class KeyRingRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the change was refused. The wire codes are public: the officer API and command line show them. */
    public enum Reason {
        UNKNOWN_KEY("unknown-key"),
        FORBIDDEN_TRANSITION("forbidden-transition"),
        PRIMARY_NOT_RETIRABLE("primary-not-retirable"),
        NO_CERTIFICATE("no-certificate"),
        CERTIFICATE_MISMATCH("certificate-mismatch"),
        CERTIFICATE_NOT_TRUSTED("certificate-not-trusted"),
        DUPLICATE_KEY("duplicate-key"),
        GRACE_NOT_OVER("grace-not-over"),
        SECOND_OFFICER_REQUIRED("second-officer-required"),
        SAME_OFFICER("same-officer"),
        UNSUPPORTED("unsupported"),
        CONCURRENT_CHANGE("concurrent-change");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public KeyRingRefusal(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason);
    }

    public Reason reason() {
        return reason;
    }
}
