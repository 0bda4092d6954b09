package org.pouch.formats.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

class TrainingScheduleIcalTest {

    @Test
    void theValidScheduleGivesTheGoldenCalendar() {
        assertThat(TrainingScheduleIcal.write(TrainingScheduleFixtures.valid(), TrainingScheduleFixtures.CLOCK))
                .isEqualTo(TrainingScheduleFixtures.golden("valid.ics"));
    }

    @Test
    void theCalendarParsesBackAndPassesIcal4jsValidation() throws Exception {
        Calendar calendar =
                parse(TrainingScheduleIcal.write(TrainingScheduleFixtures.valid(), TrainingScheduleFixtures.CLOCK));

        assertThat(calendar.validate().getEntries()).isEmpty();
        assertThat(events(calendar)).hasSize(2);
        assertThat(property(calendar, Property.METHOD)).isEqualTo("PUBLISH");
        VEvent first = events(calendar).get(0);
        assertThat(first.getProperty(Property.DTSTART).orElseThrow().toString())
                .isEqualTo("DTSTART;TZID=Asia/Karachi:20270412T090000\r\n");
    }

    @Test
    void anUpdateKeepsEveryUidAndRaisesTheSequence() throws Exception {
        TrainingSchedule first = TrainingScheduleFixtures.valid();
        TrainingSchedule moved = revise(
                first,
                2,
                0,
                session -> new Session(
                        session.id(),
                        session.title(),
                        session.start().plusDays(1),
                        session.end().plusDays(1),
                        session.timeZone(),
                        session.place(),
                        session.units(),
                        session.instructors(),
                        session.capacity(),
                        SessionStatus.UPDATED));

        List<VEvent> before = events(parse(TrainingScheduleIcal.write(first, TrainingScheduleFixtures.CLOCK)));
        List<VEvent> after = events(parse(TrainingScheduleIcal.write(moved, TrainingScheduleFixtures.CLOCK)));

        assertThat(after)
                .extracting(e -> value(e, Property.UID))
                .containsExactlyElementsOf(
                        before.stream().map(e -> value(e, Property.UID)).toList())
                .containsExactly("S1.JTP-2027-01@pouch", "S2.JTP-2027-01@pouch");
        assertThat(after).extracting(e -> value(e, Property.SEQUENCE)).containsOnly("2");
        assertThat(value(after.get(0), Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(value(after.get(0), Property.DTSTART)).isEqualTo("20270413T090000");
    }

    @Test
    void aCancelledSessionKeepsItsUidAndIsMarkedCancelledInAPublishedCalendar() throws Exception {
        TrainingSchedule schedule = revise(TrainingScheduleFixtures.valid(), 3, 1, TrainingScheduleIcalTest::cancelled);

        Calendar calendar = parse(TrainingScheduleIcal.write(schedule, TrainingScheduleFixtures.CLOCK));

        assertThat(calendar.validate().getEntries()).isEmpty();
        assertThat(property(calendar, Property.METHOD)).isEqualTo("PUBLISH");
        VEvent cancelled = events(calendar).get(1);
        assertThat(value(cancelled, Property.UID)).isEqualTo("S2.JTP-2027-01@pouch");
        assertThat(value(cancelled, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(cancelled, Property.SEQUENCE)).isEqualTo("3");
        assertThat(value(events(calendar).get(0), Property.STATUS)).isEqualTo("CONFIRMED");
    }

    @Test
    void cancellingEverySessionSendsACancelCalendar() throws Exception {
        TrainingSchedule valid = TrainingScheduleFixtures.valid();
        TrainingSchedule schedule = new TrainingSchedule(
                valid.programmeId(),
                valid.title(),
                valid.organiser(),
                valid.partners(),
                2,
                valid.sessions().stream()
                        .map(TrainingScheduleIcalTest::cancelled)
                        .toList());

        Calendar calendar = parse(TrainingScheduleIcal.write(schedule, TrainingScheduleFixtures.CLOCK));

        assertThat(property(calendar, Property.METHOD)).isEqualTo("CANCEL");
        assertThat(events(calendar)).extracting(e -> value(e, Property.STATUS)).containsOnly("CANCELLED");
        assertThat(events(calendar))
                .extracting(e -> value(e, Property.UID))
                .containsExactly("S1.JTP-2027-01@pouch", "S2.JTP-2027-01@pouch");
    }

    private static Session cancelled(Session session) {
        return new Session(
                session.id(),
                session.title(),
                session.start(),
                session.end(),
                session.timeZone(),
                session.place(),
                session.units(),
                session.instructors(),
                session.capacity(),
                SessionStatus.CANCELLED);
    }

    /** The schedule at a new revision with the session at index changed. */
    private static TrainingSchedule revise(
            TrainingSchedule schedule, int revision, int index, UnaryOperator<Session> change) {
        List<Session> sessions = new ArrayList<>(schedule.sessions());
        sessions.set(index, change.apply(sessions.get(index)));
        return new TrainingSchedule(
                schedule.programmeId(),
                schedule.title(),
                schedule.organiser(),
                schedule.partners(),
                revision,
                sessions);
    }

    private static Calendar parse(String ics) throws IOException, ParserException {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static List<VEvent> events(Calendar calendar) {
        return calendar.getComponents(Component.VEVENT);
    }

    private static String property(Calendar calendar, String name) {
        return calendar.getProperty(name).orElseThrow().getValue();
    }

    private static String value(VEvent event, String name) {
        return event.getProperty(name).orElseThrow().getValue();
    }
}
