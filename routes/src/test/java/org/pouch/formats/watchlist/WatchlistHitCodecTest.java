package org.pouch.formats.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;
import org.pouch.formats.catalog.MessageTypes;

class WatchlistHitCodecTest {

    private static final WatchlistHitType TYPE = WatchlistHitFixtures.TYPE;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"JSON, valid.json", "XML, valid.xml", "CSV, valid.csv"})
    void writingTheValidHitGivesTheGoldenFile(PayloadType format, String golden) {
        assertThat(TYPE.write(WatchlistHitFixtures.valid(), format).text())
                .isEqualTo(WatchlistHitFixtures.golden(golden));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"JSON, valid.json", "XML, valid.xml"})
    void readingTheGoldenFileGivesTheValidHit(PayloadType format, String golden) {
        assertThat(TYPE.read(Payload.of(format, WatchlistHitFixtures.golden(golden))))
                .isEqualTo(WatchlistHitFixtures.valid());
    }

    @Test
    void jsonToModelToXmlToModelToJsonIsTheSameJson() {
        Payload json = Payload.of(PayloadType.JSON, WatchlistHitFixtures.golden("valid.json"));
        Payload xml = TYPE.write(TYPE.read(json), PayloadType.XML);
        assertThat(TYPE.write(TYPE.read(xml), PayloadType.JSON)).isEqualTo(json);
    }

    @Test
    void theEncounterKeepsTheOffsetItWasReportedWith() {
        assertThat(WatchlistHitFixtures.valid().encounter().time().getOffset()).isEqualTo(ZoneOffset.ofHours(5));
    }

    @Test
    void aHitWithoutAnyOptionalFieldRoundTripsThroughXml() {
        WatchlistHit bare =
                WatchlistHitMinimisation.without(WatchlistHitFixtures.valid(), EnumSet.allOf(StrippableField.class));
        Payload xml = TYPE.write(bare, PayloadType.XML);
        assertThat(TYPE.validate(xml)).isEqualTo(bare);
        assertThat(TYPE.write(bare, PayloadType.JSON).text()).doesNotContain("aliases", "documents");
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAreNeutralised() {
        WatchlistHit valid = WatchlistHitFixtures.valid();
        Subject s = valid.subject();
        Subject hostile = new Subject(
                List.of("=HYPERLINK(\"http://x\")"),
                List.of("@SUM(A1)"),
                "+cmd",
                s.dateOfBirth(),
                s.nationality(),
                s.documents());
        WatchlistHit hit = new WatchlistHit(
                valid.listEntry(),
                hostile,
                valid.match(),
                valid.encounter(),
                valid.reportingAgency(),
                valid.handling());

        String csv = TYPE.write(hit, PayloadType.CSV).text();

        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://x\"\")\"", "'@SUM(A1)", "'+cmd");
    }

    @Test
    void csvIsNotAcceptedInbound() {
        assertThat(TYPE.inboundFormats()).doesNotContain(PayloadType.CSV);
        assertThatThrownBy(() -> TYPE.read(Payload.of(PayloadType.CSV, WatchlistHitFixtures.golden("valid.csv"))))
                .hasMessageContaining("not accepted as CSV");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"JSON", "XML"})
    void everyExampleInTheDocsValidatesAndKeepsTheRules(PayloadType format) throws IOException {
        String name = "watchlist-hit." + format.name().toLowerCase(Locale.ROOT);
        Payload example =
                Payload.of(format, Files.readString(docs().resolve("examples").resolve(name)));
        assertThat(MessageTypes.lookup("watchlist-hit", "1.0").validate(example))
                .isEqualTo(WatchlistHitFixtures.valid());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"watchlist-hit-1.0.schema.json", "watchlist-hit-1.0.xsd"})
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
