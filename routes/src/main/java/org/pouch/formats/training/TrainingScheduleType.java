package org.pouch.formats.training;

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
 * {@code training-schedule} version 1.0: JSON and XML in and out. iCalendar is not a {@link PayloadType}
 * (a calendar is delivered beside the exchange document, not inside it), so it has its own entry point,
 * {@link TrainingScheduleIcal#write}.
 */
public final class TrainingScheduleType implements MessageType<TrainingSchedule> {

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
        return EnumSet.of(PayloadType.JSON, PayloadType.XML);
    }

    @Override
    public TrainingSchedule read(Payload payload) {
        return switch (payload.type()) {
            case JSON -> JSON.read(payload);
            case XML -> TrainingScheduleXml.read(payload);
            case CSV -> throw unsupported(payload.type());
        };
    }

    @Override
    public Payload write(TrainingSchedule schedule, PayloadType format) {
        return switch (format) {
            case JSON -> JSON.write(schedule);
            case XML -> TrainingScheduleXml.write(schedule);
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
