package org.pouch.overstay;

import java.time.Instant;
import java.util.Optional;

/**
 * One pilgrim who overstayed, as of a date.
 *
 * @param list the list that named the pilgrim, without its other pilgrims
 * @param entered the last entry recorded, if one was
 * @param exited the late exit, for {@link Status#LATE_EXIT}
 * @param daysOver days past {@link ListedGroup#permittedUntil()}: to the exit, or to the date asked about
 */
public record Overstay(
        ListedGroup list,
        ListedPilgrim pilgrim,
        Status status,
        Optional<Instant> entered,
        Optional<Instant> exited,
        long daysOver) {

    public enum Status {
        /** Entered, and no exit recorded since, past the permitted stay. */
        NO_EXIT,
        /** Left, but after the permitted stay had ended. */
        LATE_EXIT
    }
}
