package org.pouch.formats.pilgrims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;
import org.pouch.formats.catalog.MessageTypes;

class PilgrimListCodecTest {

    private static final PilgrimListType TYPE = PilgrimListFixtures.TYPE;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"JSON, valid.json", "XML, valid.xml", "CSV, valid.csv"})
    void writingTheValidListGivesTheGoldenFile(PayloadType format, String golden) {
        assertThat(TYPE.write(PilgrimListFixtures.valid(), format).text())
                .isEqualTo(PilgrimListFixtures.golden(golden));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"JSON, valid.json", "XML, valid.xml", "CSV, valid.csv"})
    void readingTheGoldenFileGivesTheValidList(PayloadType format, String golden) {
        assertThat(TYPE.read(Payload.of(format, PilgrimListFixtures.golden(golden))))
                .isEqualTo(PilgrimListFixtures.valid());
    }

    @Test
    void jsonToModelToXmlToModelToJsonIsTheSameJson() {
        Payload json = Payload.of(PayloadType.JSON, PilgrimListFixtures.golden("valid.json"));
        Payload xml = TYPE.write(TYPE.read(json), PayloadType.XML);
        assertThat(TYPE.write(TYPE.read(xml), PayloadType.JSON)).isEqualTo(json);
    }

    @Test
    void csvWrittenByTheGatewayReadsBackDespiteNeutralisedCells() {
        PilgrimList list = PilgrimListFixtures.valid();
        Payload csv = TYPE.write(list, PayloadType.CSV);
        assertThat(csv.text()).contains("\"'+92 300 0000000\"");
        assertThat(TYPE.read(csv)).isEqualTo(list);
    }

    @Test
    void aSpreadsheetSavedWithAByteOrderMarkReads() {
        Payload csv = Payload.of(PayloadType.CSV, "\uFEFF" + PilgrimListFixtures.golden("valid.csv"));
        assertThat(TYPE.read(csv)).isEqualTo(PilgrimListFixtures.valid());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = PayloadType.class,
            names = {"JSON", "XML", "CSV"})
    void everyExampleInTheDocsValidatesAndKeepsTheRules(PayloadType format) throws IOException {
        String name = "pilgrim-list." + format.name().toLowerCase(java.util.Locale.ROOT);
        Payload example =
                Payload.of(format, Files.readString(docs().resolve("examples").resolve(name)));
        assertThat(MessageTypes.lookup("pilgrim-list", "1.0").validate(example)).isEqualTo(PilgrimListFixtures.valid());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"pilgrim-list-1.0.schema.json", "pilgrim-list-1.0.xsd"})
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
