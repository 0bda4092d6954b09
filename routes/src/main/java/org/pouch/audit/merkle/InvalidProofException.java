package org.pouch.audit.merkle;

/**
 * A proof that does not prove what it claims. The message says which check failed, for the auditor
 * reading it; callers treat every instance the same.
 */
public final class InvalidProofException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidProofException(String message) {
        super(message);
    }
}
