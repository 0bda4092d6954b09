package org.pouch.formats.training;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;
import org.pouch.formats.JsonForm;
import org.pouch.formats.MessageType;
import org.pouch.formats.RuleViolation;

/**
 * {@code training-schedule} version 1.0: JSON and XML in and out, and iCalendar out ({@link
 * TrainingScheduleIcal}): one event per session, stable UIDs, SEQUENCE from the revision, so that a
 * partner's calendar updates in place. The calendar's DTSTAMP is the time it is written, so that one form
 * alone is not a pure function of the schedule.
 */
public final class TrainingScheduleType implements MessageType<TrainingSchedule> {

    private final Clock clock;

    /** Stamps calendars with the system clock. */
    public TrainingScheduleType() {
        this(Clock.systemUTC());
    }

    /** @param clock the time written as a calendar's DTSTAMP */
    public TrainingScheduleType(Clock clock) {
        this.clock = clock;
    }

    /** The canonical JSON form, checked against the type's JSON Schema. */
    static final JsonForm<TrainingSchedule> JSON =
            JsonForm.of("/schemas/training-schedule-1.0.schema.json", TrainingSchedule.class);

    @Override
    public String name() {
        return TrainingSchedule.TYPE;
    }

    @Override
    public String schemaVersion() {
        return TrainingSchedule.SCHEMA_VERSION;
    }

    @Override
    public Set<PayloadType> inboundFormats() {
        return EnumSet.of(PayloadType.JSON, PayloadType.XML);
    }

    @Override
    public Set<PayloadType> outboundFormats() {
        return EnumSet.of(PayloadType.JSON, PayloadType.XML, PayloadType.CALENDAR);
    }

    @Override
    public TrainingSchedule read(Payload payload) {
        return switch (payload.type()) {
            case JSON -> JSON.read(payload);
            case XML -> TrainingScheduleXml.read(payload);
            case CSV, CALENDAR -> throw unsupported(payload.type());
        };
    }

    @Override
    public Payload write(TrainingSchedule schedule, PayloadType format) {
        return switch (format) {
            case JSON -> JSON.write(schedule);
            case XML -> TrainingScheduleXml.write(schedule);
            case CALENDAR -> Payload.of(PayloadType.CALENDAR, TrainingScheduleIcal.write(schedule, clock));
            case CSV -> throw new IllegalArgumentException("training-schedule has no CSV form");
        };
    }

    @Override
    public List<RuleViolation> check(TrainingSchedule schedule) {
        return TrainingScheduleRules.check(schedule);
    }

    private static RejectedException unsupported(PayloadType format) {
        return new RejectedException(
                RejectionReason.SCHEMA_INVALID, "$: training-schedule has no " + format.name() + " form");
    }
}
