package org.pouch.audit;

import java.security.MessageDigest;
import java.util.Objects;

/**
 * An entry as the store read it back, with the leaf hash it recorded when the entry was appended. The
 * two are kept apart on purpose: a field changed in the database afterwards makes them disagree, and
 * the disagreement names the entry.
 */
public record RecordedEntry(AuditEntry entry, byte[] recordedLeafHash) {

    public RecordedEntry {
        Objects.requireNonNull(entry);
        recordedLeafHash = recordedLeafHash.clone();
    }

    @Override
    public byte[] recordedLeafHash() {
        return recordedLeafHash.clone();
    }

    /** The leaf hash of the entry as it reads now. */
    public byte[] leafHash() {
        return AuditEntryEncoding.leafHash(entry);
    }

    /** Whether the entry still hashes to what was recorded when it was appended. */
    public boolean isIntact() {
        return MessageDigest.isEqual(leafHash(), recordedLeafHash);
    }
}
