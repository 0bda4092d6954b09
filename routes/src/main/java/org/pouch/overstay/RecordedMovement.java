package org.pouch.overstay;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.pouch.formats.movements.Direction;
import org.pouch.formats.movements.Movement;

/**
 * One border crossing as the overstay answers need it: whose passport, which way, when. No names, no
 * border post.
 *
 * @param movementId the host authority's id for the record; recording it twice records it once
 * @param at the instant of the crossing
 * @param localDate the date at the border post, in the offset it recorded: what "on time" is judged by
 */
public record RecordedMovement(
        String movementId,
        String passportNumber,
        String nationality,
        Direction direction,
        Instant at,
        LocalDate localDate) {

    public RecordedMovement {
        Objects.requireNonNull(movementId);
        Objects.requireNonNull(passportNumber);
        Objects.requireNonNull(nationality);
        Objects.requireNonNull(direction);
        Objects.requireNonNull(at);
        Objects.requireNonNull(localDate);
    }

    /** What is kept of a reported movement; its time has passed the schema, so it parses. */
    public static RecordedMovement of(Movement movement) {
        OffsetDateTime time = OffsetDateTime.parse(movement.time());
        return new RecordedMovement(
                movement.id(),
                movement.traveller().passportNumber(),
                movement.traveller().nationality(),
                movement.direction(),
                time.toInstant(),
                time.toLocalDate());
    }
}
