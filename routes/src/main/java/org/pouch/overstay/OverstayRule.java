package org.pouch.overstay;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.pouch.formats.movements.Direction;

/**
 * Whether one listed pilgrim has overstayed, as of a date, from the movements recorded for the passport.
 *
 * <ul>
 *   <li>Not due: the permitted stay has not ended by the date asked about (it ends on
 *       {@link ListedGroup#permittedUntil()}, the last day a pilgrim may still leave).
 *   <li>{@link Overstay.Status#NO_EXIT}: the last movement recorded by that date is an entry.
 *   <li>{@link Overstay.Status#LATE_EXIT}: otherwise, an exit whose date at the border post is after the
 *       permitted stay.
 *   <li>No movement at all is no overstay: the gateway cannot tell a pilgrim who never travelled from
 *       one whose entry was never reported (docs/overstay.md).
 * </ul>
 *
 * Movements recorded after the date asked about are ignored, so an answer about a past date is what the
 * gateway could have said then.
 */
public final class OverstayRule {

    private OverstayRule() {}

    /**
     * @param movements the movements recorded for this pilgrim's passport against the list's group, in any
     *     order
     */
    public static Optional<Overstay> of(
            ListedGroup list, ListedPilgrim pilgrim, List<RecordedMovement> movements, LocalDate asOf) {
        LocalDate permittedUntil = list.permittedUntil();
        if (!permittedUntil.isBefore(asOf)) {
            return Optional.empty();
        }
        List<RecordedMovement> known = movements.stream()
                .filter(m -> m.passportNumber().equals(pilgrim.passportNumber())
                        && m.nationality().equals(pilgrim.nationality()))
                .filter(m -> !m.localDate().isAfter(asOf))
                .sorted(Comparator.comparing(RecordedMovement::at))
                .toList();
        if (known.isEmpty()) {
            return Optional.empty();
        }
        ListedGroup named = list.withoutPilgrims();
        RecordedMovement last = known.get(known.size() - 1);
        if (last.direction() == Direction.ENTRY) {
            return Optional.of(new Overstay(
                    named,
                    pilgrim,
                    Overstay.Status.NO_EXIT,
                    Optional.of(last.at()),
                    Optional.empty(),
                    ChronoUnit.DAYS.between(permittedUntil, asOf)));
        }
        return known.stream()
                .filter(m -> m.direction() == Direction.EXIT && m.localDate().isAfter(permittedUntil))
                .findFirst()
                .map(exit -> new Overstay(
                        named,
                        pilgrim,
                        Overstay.Status.LATE_EXIT,
                        lastEntryBefore(known, exit),
                        Optional.of(exit.at()),
                        ChronoUnit.DAYS.between(permittedUntil, exit.localDate())));
    }

    private static Optional<Instant> lastEntryBefore(List<RecordedMovement> known, RecordedMovement exit) {
        return known.stream()
                .filter(m -> m.direction() == Direction.ENTRY && m.at().isBefore(exit.at()))
                .reduce((first, second) -> second)
                .map(RecordedMovement::at);
    }
}
