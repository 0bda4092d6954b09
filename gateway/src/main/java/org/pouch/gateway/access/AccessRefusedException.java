package org.pouch.gateway.access;

/** A management request refused for want of a role; answered 403 with a problem detail. */
final class AccessRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AccessRefusedException(String message) {
        super(message, null, false, false);
    }
}
