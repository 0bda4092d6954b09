package org.pouch.formats.pilgrims;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;
import org.pouch.formats.CsvCells;
import org.pouch.formats.JsonInput;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The spreadsheet form. Inbound rows become the canonical JSON tree, so that the JSON Schema and its
 * field paths apply to CSV as they do to JSON ({@code $.pilgrims[0]} is the first data row). Outbound
 * cells are neutralised against formula injection.
 */
final class PilgrimListCsv {

    private static final CsvMapper MAPPER = CsvMapper.builder().build();
    private static final CsvSchema SCHEMA =
            MAPPER.schemaFor(PilgrimCsvRow.class).withHeader().withStrictHeaders(true);
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private PilgrimListCsv() {}

    static PilgrimList read(Payload payload) {
        List<PilgrimCsvRow> rows = rows(payload);
        if (rows.isEmpty()) {
            throw new RejectedException(RejectionReason.SCHEMA_INVALID, "$.pilgrims: no pilgrim rows");
        }
        PilgrimCsvRow first = rows.get(0);
        for (int i = 1; i < rows.size(); i++) {
            if (!rows.get(i).groupColumns().equals(first.groupColumns())) {
                throw new RejectedException(
                        RejectionReason.SCHEMA_INVALID,
                        "$.pilgrims[" + i + "]: group columns differ from the first row");
            }
        }
        ObjectNode root = JsonInput.mapper().createObjectNode();
        root.set("group", group(first));
        ArrayNode pilgrims = root.putArray("pilgrims");
        rows.forEach(row -> pilgrims.add(pilgrim(row)));
        return PilgrimListType.JSON.fromTree(root);
    }

    private static List<PilgrimCsvRow> rows(Payload payload) {
        try (Reader in = withoutByteOrderMark(payload.openStream());
                MappingIterator<PilgrimCsvRow> rows =
                        MAPPER.readerFor(PilgrimCsvRow.class).with(SCHEMA).readValues(in)) {
            return rows.readAll();
        } catch (JacksonException e) {
            // Jackson's message may quote a cell; name the place only.
            throw new RejectedException(
                    RejectionReason.SCHEMA_INVALID,
                    "$: not a pilgrim-list spreadsheet (header and columns as documented)"
                            + (e.getLocation() == null
                                    ? ""
                                    : " at line " + e.getLocation().getLineNr()),
                    e);
        } catch (IOException e) {
            throw new IllegalStateException("reading an in-memory payload", e);
        }
    }

    // Spreadsheets save "CSV UTF-8" with a byte order mark, which would otherwise be part of the first name.
    private static Reader withoutByteOrderMark(InputStream in) throws IOException {
        Reader reader = new java.io.BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        reader.mark(1);
        if (reader.read() != BYTE_ORDER_MARK) {
            reader.reset();
        }
        return reader;
    }

    private static ObjectNode group(PilgrimCsvRow row) {
        ObjectNode group = JsonInput.mapper().createObjectNode();
        put(group, "reference", row.groupReference());
        ObjectNode organiser = group.putObject("organiser");
        put(organiser, "name", row.organiserName());
        put(organiser, "licence", row.organiserLicence());
        ObjectNode leader = group.putObject("leader");
        put(leader, "name", row.leaderName());
        put(leader, "nameNative", row.leaderNameNative());
        put(leader, "phone", row.leaderPhone());
        put(group, "portOfEntry", row.portOfEntry());
        put(group, "arrival", row.arrival());
        put(group, "departure", row.departure());
        String days = cell(row.permittedStayDays());
        if (days != null && days.matches("[0-9]{1,9}")) {
            group.put("permittedStayDays", Integer.parseInt(days));
        } else {
            // Not a number: left as text for the schema to reject with its path.
            put(group, "permittedStayDays", days);
        }
        return group;
    }

    private static ObjectNode pilgrim(PilgrimCsvRow row) {
        ObjectNode pilgrim = JsonInput.mapper().createObjectNode();
        put(pilgrim, "surname", row.surname());
        put(pilgrim, "givenNames", row.givenNames());
        put(pilgrim, "nameNative", row.nameNative());
        put(pilgrim, "sex", row.sex());
        put(pilgrim, "dateOfBirth", row.dateOfBirth());
        put(pilgrim, "nationality", row.nationality());
        ObjectNode passport = pilgrim.putObject("passport");
        put(passport, "number", row.passportNumber());
        put(passport, "expiry", row.passportExpiry());
        put(pilgrim, "nationalId", row.nationalId());
        if (cell(row.mrzLine1()) != null || cell(row.mrzLine2()) != null) {
            ObjectNode mrz = pilgrim.putObject("mrz");
            put(mrz, "line1", row.mrzLine1());
            put(mrz, "line2", row.mrzLine2());
        }
        put(pilgrim, "visaNumber", row.visaNumber());
        return pilgrim;
    }

    /** An empty cell is an absent field; the schema says whether it may be absent. */
    private static void put(ObjectNode node, String field, String value) {
        String cell = cell(value);
        if (cell != null) {
            node.put(field, cell);
        }
    }

    private static String cell(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = CsvCells.unneutralise(value.strip());
        return trimmed.isEmpty() ? null : trimmed;
    }

    static Payload write(PilgrimList list) {
        List<PilgrimCsvRow> rows = new ArrayList<>();
        Group group = list.group();
        for (Pilgrim pilgrim : list.pilgrims()) {
            Function<Object, String> text = value -> CsvCells.neutralise(Objects.toString(value, ""));
            rows.add(new PilgrimCsvRow(
                    text.apply(group.reference()),
                    text.apply(group.organiser().name()),
                    text.apply(group.organiser().licence()),
                    text.apply(group.leader().name()),
                    text.apply(group.leader().nameNative()),
                    text.apply(group.leader().phone()),
                    text.apply(group.portOfEntry()),
                    text.apply(date(group.arrival())),
                    text.apply(date(group.departure())),
                    text.apply(group.permittedStayDays()),
                    text.apply(pilgrim.surname()),
                    text.apply(pilgrim.givenNames()),
                    text.apply(pilgrim.nameNative()),
                    text.apply(pilgrim.sex()),
                    text.apply(date(pilgrim.dateOfBirth())),
                    text.apply(pilgrim.nationality()),
                    text.apply(pilgrim.passport().number()),
                    text.apply(date(pilgrim.passport().expiry())),
                    text.apply(pilgrim.nationalId()),
                    text.apply(pilgrim.mrz() == null ? null : pilgrim.mrz().line1()),
                    text.apply(pilgrim.mrz() == null ? null : pilgrim.mrz().line2()),
                    text.apply(pilgrim.visaNumber())));
        }
        return Payload.of(PayloadType.CSV, MAPPER.writer(SCHEMA).writeValueAsString(rows));
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
