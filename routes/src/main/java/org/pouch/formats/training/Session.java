package org.pouch.formats.training;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * One session of a programme. Start and end are wall-clock times where the session is held, with that
 * place's IANA zone: a zone id rather than an offset, so a session planned months ahead stays at 09:00
 * local time if daylight-saving rules change.
 *
 * @param id stable across revisions of the programme; a partner's calendar matches sessions by it
 * @param timeZone an IANA time zone id, for example {@code Asia/Karachi}, for both start and end
 * @param capacity how many trainees the session takes
 */
public record Session(
        String id,
        String title,
        LocalDateTime start,
        LocalDateTime end,
        String timeZone,
        Place place,
        List<String> units,
        List<String> instructors,
        int capacity,
        SessionStatus status) {

    public Session {
        units = List.copyOf(units);
        instructors = List.copyOf(instructors);
    }

    /** The start in its zone; only for a session whose zone the rules have accepted. */
    ZonedDateTime zonedStart() {
        return start.atZone(ZoneId.of(timeZone));
    }

    /** The end in its zone; only for a session whose zone the rules have accepted. */
    ZonedDateTime zonedEnd() {
        return end.atZone(ZoneId.of(timeZone));
    }
}
