package org.pouch.formats.training;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * The iCalendar form (RFC 5545) of a schedule, for partners who load sessions into their calendars. A
 * calendar replaces an event it already holds when the UID matches and the SEQUENCE is higher, so the UID
 * is derived only from the stable programme and session ids, and the SEQUENCE is the programme's revision.
 */
public final class TrainingScheduleIcal {

    /** The media type of what {@link #write} returns. */
    public static final String MEDIA_TYPE = "text/calendar";

    private static final String PRODUCT = "-//Pouch//training-schedule 1.0//EN";

    private TrainingScheduleIcal() {}

    /**
     * Writes a schedule that has passed its rules as one VEVENT per session. METHOD is CANCEL when every
     * session is cancelled, otherwise PUBLISH, with each cancelled session's event marked CANCELLED.
     *
     * @param clock the time written as every event's DTSTAMP
     * @return the calendar text, lines ending CRLF as RFC 5545 requires
     */
    public static String write(TrainingSchedule schedule, Clock clock) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(allCancelled(schedule) ? ImmutableMethod.CANCEL : ImmutableMethod.PUBLISH);
        // RFC 5545 3.2.19: every TZID a property names has its VTIMEZONE in the same object. These come from
        // ical4j's bundled definitions; its online update (net.fortuna.ical4j.timezone.update.enabled) is off
        // by default and stays off, so writing a calendar never reaches the network.
        TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();
        Set<String> zoneIds = new LinkedHashSet<>();
        schedule.sessions().forEach(session -> zoneIds.add(session.timeZone()));
        zoneIds.forEach(id -> calendar.add(zones.getTimeZone(id).getVTimeZone()));
        for (Session session : schedule.sessions()) {
            calendar.add(event(schedule, session, clock));
        }
        return calendar.toString();
    }

    /** The UID of a session's event: the same in every revision of the programme. */
    public static String uid(TrainingSchedule schedule, Session session) {
        return session.id() + "." + schedule.programmeId() + "@pouch";
    }

    private static VEvent event(TrainingSchedule schedule, Session session, Clock clock) {
        VEvent event = new VEvent(false);
        event.add(new Uid(uid(schedule, session)));
        event.add(new DtStamp(clock.instant()));
        event.add(new Sequence(schedule.revision()));
        event.add(new DtStart<>(session.zonedStart()));
        event.add(new DtEnd<>(session.zonedEnd()));
        event.add(new Summary(session.title()));
        event.add(new Location(location(session.place())));
        event.add(new Description(schedule.title()));
        // iTIP (RFC 5546) requires an ORGANIZER in a PUBLISH or CANCEL; the agency is no mailbox, so a URN.
        event.add(new Organizer(URI.create("urn:pouch:participant:" + schedule.organiser())));
        event.add(
                session.status() == SessionStatus.CANCELLED
                        ? ImmutableStatus.VEVENT_CANCELLED
                        : ImmutableStatus.VEVENT_CONFIRMED);
        return event;
    }

    private static String location(Place place) {
        return place.name() + ", " + place.address() + ", " + place.city() + ", " + place.country();
    }

    private static boolean allCancelled(TrainingSchedule schedule) {
        return schedule.sessions().stream().allMatch(session -> session.status() == SessionStatus.CANCELLED);
    }
}
