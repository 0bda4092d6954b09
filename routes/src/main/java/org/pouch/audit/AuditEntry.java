package org.pouch.audit;

import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * An event as the log holds it: at its position, counted from 0, which is its leaf index in the log's
 * Merkle tree. Times are kept to the microsecond, the precision both databases store, so that the entry
 * read back encodes to the same bytes as the entry appended.
 */
public record AuditEntry(long index, AuditEvent event) {

    public AuditEntry {
        if (index < 0) {
            throw new IllegalArgumentException("an entry's index is 0 or more, not " + index);
        }
        Objects.requireNonNull(event);
        if (event.at().getNano() % 1_000 != 0) {
            throw new IllegalArgumentException("an entry's time has at most microseconds: " + event.at());
        }
    }

    /** The entry at this index for an event, its time cut to the microsecond. */
    public static AuditEntry of(long index, AuditEvent event) {
        return new AuditEntry(index, toMicroseconds(event));
    }

    /** The same event with its time cut to the microsecond, as the log stores it. */
    public static AuditEvent toMicroseconds(AuditEvent event) {
        if (event.at().getNano() % 1_000 == 0) {
            return event;
        }
        return new AuditEvent(
                event.at().truncatedTo(ChronoUnit.MICROS),
                event.type(),
                event.step(),
                event.actor(),
                event.exchangeId(),
                event.messageId(),
                event.sender(),
                event.recipient(),
                event.messageType(),
                event.envelopeSha256(),
                event.reason(),
                event.incidentId(),
                event.details());
    }
}
