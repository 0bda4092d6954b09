package org.pouch.formats.movements;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One crossing of the host country's border.
 *
 * @param id the host authority's id for this record, unique in the document
 * @param time RFC 3339 with the offset the border post recorded, kept as sent so that a delivered
 *     document shows the post's local time exactly as the host authority wrote it
 */
public record Movement(String id, Traveller traveller, Direction direction, String time, BorderPost borderPost) {

    /** Where the movement falls on the time line, whatever the offset; the schema has made sure it parses. */
    Instant instant() {
        return OffsetDateTime.parse(time).toInstant();
    }
}
