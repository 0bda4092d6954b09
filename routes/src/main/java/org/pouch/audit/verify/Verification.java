package org.pouch.audit.verify;

import java.util.OptionalLong;
import org.pouch.audit.checkpoint.Checkpoint;

/** The outcome of verifying an export. */
public sealed interface Verification {

    /**
     * Every entry hashes to what was recorded, the tree matches every signed checkpoint in the export,
     * and the log extends the previous checkpoint if one was given.
     */
    record Verified(long entries, Checkpoint checkpoint) implements Verification {}

    /**
     * The first problem found.
     *
     * @param firstBadEntry the index of the first entry found bad, when one entry can be named
     * @param reason what is wrong, for a person to read
     */
    record Failed(OptionalLong firstBadEntry, String reason) implements Verification {

        static Failed at(long index, String reason) {
            return new Failed(OptionalLong.of(index), reason);
        }

        static Failed overall(String reason) {
            return new Failed(OptionalLong.empty(), reason);
        }
    }
}
