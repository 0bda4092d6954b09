package org.pouch.formats.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;
import org.pouch.formats.MessageType;

/**
 * The CSV examples in {@code docs/examples/} are what the gateway's own writers make of the JSON examples,
 * minimised where the name says so. Each case writes the example again and compares it
 * with the file; when they differ, the fresh output is left in {@code target/outbound-examples/} to
 * review and copy over.
 */
class OutboundExamplesTest {

    // Surefire runs in the module directory; the docs are at the repository root.
    private static final Path EXAMPLES = Path.of("..", "docs", "examples");

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // The organiser's spreadsheet and the gateway's CSV are one format: the inbound example is also
                // what the gateway delivers.
                "pilgrim-list.json  | pilgrim-list.csv                     | CSV |",
                "pilgrim-list.json  | outbound/pilgrim-list-minimised.csv  | CSV | pilgrims[*].nationalId pilgrims[*].mrz pilgrims[*].visaNumber",
                "watchlist-hit.json | outbound/watchlist-hit.csv           | CSV |",
                "watchlist-hit.json | outbound/watchlist-hit-minimised.csv | CSV | subject.documents subject.dateOfBirth",
            })
    void theExampleIsWhatTheWriterMakesOfTheJsonExample(String source, String example, PayloadType format, String strip)
            throws IOException {
        String type = source.substring(0, source.lastIndexOf('.'));
        Payload json = Payload.of(PayloadType.JSON, Files.readString(EXAMPLES.resolve(source)));
        Set<String> paths =
                strip == null ? Set.of() : Arrays.stream(strip.split(" ")).collect(Collectors.toSet());

        String written = write(MessageTypes.lookup(type, "1.0"), json, paths, format);

        Path fresh = Path.of("target", "outbound-examples").resolve(example);
        Files.createDirectories(fresh.getParent());
        Files.writeString(fresh, written, StandardCharsets.UTF_8);
        assertThat(EXAMPLES.resolve(example))
                .as("docs/examples/%s against a fresh copy in %s", example, fresh)
                .hasContent(written);
    }

    private static <T> String write(MessageType<T> type, Payload json, Set<String> strip, PayloadType format) {
        return type.write(type.minimise(type.validate(json), strip), format).text();
    }
}
