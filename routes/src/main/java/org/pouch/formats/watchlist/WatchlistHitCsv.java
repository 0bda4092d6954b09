package org.pouch.formats.watchlist;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;
import org.pouch.formats.CsvCells;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The spreadsheet form, outbound only: one header row and one row for the hit, lists joined with
 * {@code "; "} in one cell. Every cell is neutralised against formula injection, names above all, since
 * they come from whoever compiled the list.
 */
final class WatchlistHitCsv {

    static final String LIST_SEPARATOR = "; ";

    private static final CsvMapper MAPPER = CsvMapper.builder().build();
    private static final CsvSchema SCHEMA =
            MAPPER.schemaFor(WatchlistHitCsvRow.class).withHeader();

    private WatchlistHitCsv() {}

    static Payload write(WatchlistHit hit) {
        Subject subject = hit.subject();
        Match match = hit.match();
        Place place = hit.encounter().place();
        Handling handling = hit.handling();
        WatchlistHitCsvRow row = new WatchlistHitCsvRow(
                cell(wire(hit.listEntry().list())),
                cell(hit.listEntry().entryId()),
                cell(String.join(LIST_SEPARATOR, subject.names())),
                cell(String.join(LIST_SEPARATOR, subject.aliases())),
                cell(subject.nameNative()),
                cell(subject.dateOfBirth()),
                cell(subject.nationality()),
                cell(subject.documents().stream()
                        .map(d -> wire(d.type()) + " " + d.number() + " " + d.issuingCountry())
                        .collect(Collectors.joining(LIST_SEPARATOR))),
                cell(Integer.toString(match.score())),
                cell(String.join(LIST_SEPARATOR, match.matchedFields())),
                cell(wire(match.method())),
                cell(wire(place.kind())),
                cell(place.name()),
                cell(place.country()),
                cell(hit.encounter().time().toString()),
                cell(hit.reportingAgency()),
                cell(wire(handling.classification())),
                cell(handling.handlingCode()),
                cell(wire(handling.requestedAction())));
        return Payload.of(PayloadType.CSV, MAPPER.writer(SCHEMA).writeValueAsString(List.of(row)));
    }

    // The value the JSON form carries (migrant-smuggling), not the Java constant's name.
    private static String wire(Enum<?> value) {
        return WatchlistHitType.JSON.convert(value, String.class);
    }

    private static String cell(String value) {
        return CsvCells.neutralise(Objects.toString(value, ""));
    }
}
