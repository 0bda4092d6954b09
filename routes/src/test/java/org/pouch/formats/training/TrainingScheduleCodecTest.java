package org.pouch.formats.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;
import org.pouch.formats.catalog.MessageTypes;

class TrainingScheduleCodecTest {

    private static final TrainingScheduleType TYPE = TrainingScheduleFixtures.TYPE;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"JSON, valid.json", "XML, valid.xml"})
    void writingTheValidScheduleGivesTheGoldenFile(PayloadType format, String golden) {
        assertThat(TYPE.write(TrainingScheduleFixtures.valid(), format).text())
                .isEqualTo(TrainingScheduleFixtures.golden(golden));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"JSON, valid.json", "XML, valid.xml"})
    void readingTheGoldenFileGivesTheValidSchedule(PayloadType format, String golden) {
        assertThat(TYPE.read(Payload.of(format, TrainingScheduleFixtures.golden(golden))))
                .isEqualTo(TrainingScheduleFixtures.valid());
    }

    @Test
    void jsonToModelToXmlToModelToJsonIsTheSameJson() {
        Payload json = Payload.of(PayloadType.JSON, TrainingScheduleFixtures.golden("valid.json"));
        Payload xml = TYPE.write(TYPE.read(json), PayloadType.XML);
        assertThat(TYPE.write(TYPE.read(xml), PayloadType.JSON)).isEqualTo(json);
    }

    @Test
    void theCatalogKnowsTheType() {
        assertThat(MessageTypes.lookup("training-schedule", "1.0")).isInstanceOf(TrainingScheduleType.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"JSON, training-schedule.json", "XML, training-schedule.xml"})
    void everyExampleInTheDocsValidatesAndKeepsTheRules(PayloadType format, String name) throws IOException {
        Payload example =
                Payload.of(format, Files.readString(docs().resolve("examples").resolve(name)));
        assertThat(MessageTypes.lookup("training-schedule", "1.0").validate(example))
                .isEqualTo(TrainingScheduleFixtures.valid());
    }

    @Test
    void theCalendarExampleInTheDocsIsWhatTheGatewayWritesForTheJsonExample() throws IOException, ParserException {
        String json = Files.readString(docs().resolve("examples").resolve("training-schedule.json"));
        TrainingSchedule schedule = TYPE.validate(Payload.of(PayloadType.JSON, json));
        String example = Files.readString(docs().resolve("examples").resolve("training-schedule.ics"));
        assertThat(TrainingScheduleIcal.write(schedule, TrainingScheduleFixtures.CLOCK))
                .isEqualTo(example);
        assertThat(new CalendarBuilder()
                        .build(new StringReader(example))
                        .validate()
                        .getEntries())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"training-schedule-1.0.schema.json", "training-schedule-1.0.xsd"})
    void thePublishedSchemaIsTheOneTheGatewayUses(String schema) throws IOException {
        try (var resource = getClass().getResourceAsStream("/schemas/" + schema)) {
            assertThat(Files.readAllBytes(docs().resolve("schemas").resolve(schema)))
                    .isEqualTo(resource.readAllBytes());
        }
    }

    // Surefire runs in the module directory; the docs are at the repository root.
    private static Path docs() {
        return Path.of("..", "docs");
    }
}
