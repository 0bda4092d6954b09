package org.pouch.formats.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;

/** The golden files under {@code formats/training-schedule/} and the valid schedule they hold. */
final class TrainingScheduleFixtures {

    static final TrainingScheduleType TYPE = new TrainingScheduleType();

    /** The DTSTAMP of every golden calendar. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2027-03-01T10:00:00Z"), ZoneOffset.UTC);

    private TrainingScheduleFixtures() {}

    static String golden(String name) {
        try (InputStream in =
                TrainingScheduleFixtures.class.getResourceAsStream("/formats/training-schedule/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no golden file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TrainingSchedule valid() {
        return TYPE.read(Payload.of(PayloadType.JSON, golden("valid.json")));
    }
}
