package org.pouch.audit;

/**
 * The stored log is not what was appended: an entry no longer matches the hash recorded with it, or an
 * index is missing. The gateway then refuses to sign a checkpoint over it.
 */
public final class LogDamagedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long index;

    public LogDamagedException(long index, String message) {
        super(message);
        this.index = index;
    }

    /** The first index found damaged. */
    public long index() {
        return index;
    }
}
