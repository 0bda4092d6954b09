package org.pouch.formats.movements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;
import org.pouch.formats.catalog.MessageTypes;

class PilgrimMovementsCodecTest {

    private static final PilgrimMovementsType TYPE = PilgrimMovementsFixtures.TYPE;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"JSON, valid.json", "XML, valid.xml"})
    void writingTheValidReportGivesTheGoldenFile(PayloadType format, String golden) {
        assertThat(TYPE.write(PilgrimMovementsFixtures.valid(), format).text())
                .isEqualTo(PilgrimMovementsFixtures.golden(golden));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"JSON, valid.json", "XML, valid.xml"})
    void readingTheGoldenFileGivesTheValidReport(PayloadType format, String golden) {
        assertThat(TYPE.read(Payload.of(format, PilgrimMovementsFixtures.golden(golden))))
                .isEqualTo(PilgrimMovementsFixtures.valid());
    }

    @Test
    void jsonToModelToXmlToModelToJsonIsTheSameJson() {
        Payload json = Payload.of(PayloadType.JSON, PilgrimMovementsFixtures.golden("valid.json"));
        Payload xml = TYPE.write(TYPE.read(json), PayloadType.XML);
        assertThat(TYPE.write(TYPE.read(xml), PayloadType.JSON)).isEqualTo(json);
    }

    @Test
    void theBorderPostsOffsetSurvivesTheRoundTrip() {
        Movement first = PilgrimMovementsFixtures.valid().movements().get(0);
        Payload xml = TYPE.write(PilgrimMovementsFixtures.valid(), PayloadType.XML);
        assertThat(TYPE.read(xml).movements().get(0).time())
                .isEqualTo(first.time())
                .endsWith("+03:00");
    }

    @Test
    void thereIsNoCsvFormInOrOut() {
        assertThat(TYPE.inboundFormats()).doesNotContain(PayloadType.CSV);
        assertThat(TYPE.outboundFormats()).doesNotContain(PayloadType.CSV);
        assertThatThrownBy(() -> TYPE.read(Payload.of(PayloadType.CSV, "id\n1\n")))
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.SCHEMA_INVALID));
        assertThatThrownBy(() -> TYPE.write(PilgrimMovementsFixtures.valid(), PayloadType.CSV))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCatalogKnowsTheType() {
        assertThat(MessageTypes.lookup("pilgrim-movements", "1.0")).isInstanceOf(PilgrimMovementsType.class);
    }

    // The catalog's instance checks against the system clock: the examples lie in the past.
    @ParameterizedTest(name = "{0}")
    @CsvSource({"JSON", "XML"})
    void everyExampleInTheDocsValidatesAndKeepsTheRules(PayloadType format) throws IOException {
        String name = "pilgrim-movements." + format.name().toLowerCase(Locale.ROOT);
        Payload example =
                Payload.of(format, Files.readString(docs().resolve("examples").resolve(name)));
        assertThat(MessageTypes.lookup("pilgrim-movements", "1.0").validate(example))
                .isEqualTo(PilgrimMovementsFixtures.valid());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"pilgrim-movements-1.0.schema.json", "pilgrim-movements-1.0.xsd"})
    void thePublishedSchemaIsTheOneTheGatewayUses(String schema) throws IOException {
        try (InputStream resource = getClass().getResourceAsStream("/schemas/" + schema)) {
            assertThat(Files.readAllBytes(docs().resolve("schemas").resolve(schema)))
                    .isEqualTo(resource.readAllBytes());
        }
    }

    // Surefire runs in the module directory; the docs are at the repository root.
    private static Path docs() {
        return Path.of("..", "docs");
    }
}
