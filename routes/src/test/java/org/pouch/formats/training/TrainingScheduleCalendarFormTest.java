package org.pouch.formats.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;

/** iCalendar as a delivered form of the type: what a recipient whose directory format is calendar gets. */
class TrainingScheduleCalendarFormTest {

    private static final TrainingScheduleType TYPE = new TrainingScheduleType(TrainingScheduleFixtures.CLOCK);

    @Test
    void theCalendarFormIsTheICalendarWriterOutputWithTheCalendarMediaType() {
        TrainingSchedule schedule = TrainingScheduleFixtures.valid();

        Payload calendar = TYPE.write(schedule, PayloadType.CALENDAR);

        assertThat(TYPE.outboundFormats()).contains(PayloadType.CALENDAR);
        assertThat(calendar.type().mediaType()).isEqualTo("text/calendar");
        assertThat(calendar.text()).isEqualTo(TrainingScheduleIcal.write(schedule, TrainingScheduleFixtures.CLOCK));
        for (Session session : schedule.sessions()) {
            assertThat(calendar.text()).contains("UID:" + TrainingScheduleIcal.uid(schedule, session));
        }
        assertThat(calendar.text()).contains("SEQUENCE:" + schedule.revision());
    }

    @Test
    void aTransformFromJsonGivesTheSameCalendarAsTheModel() {
        TrainingSchedule schedule = TrainingScheduleFixtures.valid();
        Payload json = TYPE.write(schedule, PayloadType.JSON);

        assertThat(TYPE.transform(json, PayloadType.CALENDAR)).isEqualTo(TYPE.write(schedule, PayloadType.CALENDAR));
    }

    @Test
    void noSenderSubmitsACalendar() {
        Payload calendar = TYPE.write(TrainingScheduleFixtures.valid(), PayloadType.CALENDAR);

        assertThat(TYPE.inboundFormats()).doesNotContain(PayloadType.CALENDAR);
        assertThatThrownBy(() -> TYPE.read(calendar))
                .isInstanceOfSatisfying(
                        RejectedException.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(RejectionReason.SCHEMA_INVALID));
    }
}
