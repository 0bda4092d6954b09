package org.pouch.formats.movements;

import java.time.OffsetDateTime;

/**
 * One crossing of the host country's border.
 *
 * @param id the host authority's id for this record, unique in the document
 * @param time RFC 3339 with the offset the border post recorded, kept as sent so that a delivered
 *     document shows the post's local time exactly as the host authority wrote it
 */
public record Movement(String id, Traveller traveller, Direction direction, String time, BorderPost borderPost) {

    /** The time as an instant on the time line; the schema has already made sure it parses. */
    OffsetDateTime parsedTime() {
        return OffsetDateTime.parse(time);
    }
}
