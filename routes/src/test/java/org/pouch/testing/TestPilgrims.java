package org.pouch.testing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.ParticipantId;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;
import org.pouch.formats.movements.Direction;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pilgrim lists and movement reports made to measure for the overstay tests: a group of its own (a fresh
 * reference, so tests sharing a gateway never see each other's lists), chosen dates and passports. Every
 * list and report passes its schema and the type's own rules.
 */
public final class TestPilgrims {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestPilgrims() {}

    /** A group reference no other test uses. */
    public static String freshGroupReference() {
        return "TST-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
    }

    /** One pilgrim of a made-to-measure list: a Pakistani passport. */
    public record Listed(String passportNumber, String surname, String givenNames) {}

    /** One crossing of a made-to-measure report. */
    public record Crossing(String passportNumber, Direction direction, OffsetDateTime time) {}

    /**
     * A pilgrim list arriving on {@code arrival}, leaving {@code stayDays} days later, permitted exactly that
     * stay.
     */
    public static Payload list(String groupReference, LocalDate arrival, int stayDays, List<Listed> pilgrims) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode group = root.putObject("group");
        group.put("reference", groupReference);
        group.putObject("organiser").put("name", "Test Ziyarat Services").put("licence", "MORA-TS-0001");
        group.putObject("leader").put("name", "Test Leader");
        group.put("portOfEntry", "NJF");
        group.put("arrival", arrival.toString());
        group.put("departure", arrival.plusDays(stayDays).toString());
        group.put("permittedStayDays", stayDays);
        ArrayNode list = root.putArray("pilgrims");
        int i = 0;
        for (Listed pilgrim : pilgrims) {
            ObjectNode p = list.addObject();
            p.put("surname", pilgrim.surname());
            p.put("givenNames", pilgrim.givenNames());
            p.put("sex", "F");
            p.put("dateOfBirth", "1970-01-01");
            p.put("nationality", "PAK");
            p.putObject("passport")
                    .put("number", pilgrim.passportNumber())
                    .put("expiry", arrival.plusYears(5).toString());
            p.put("nationalId", String.format("35202-%07d-1", i++));
        }
        return Payload.of(PayloadType.JSON, JSON.writeValueAsString(root));
    }

    /** A report from IQ-MOI answering the group, naming the list's message id when it is given. */
    public static Payload movements(String groupReference, String listMessageId, List<Crossing> crossings) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode answers = root.putObject("answers").put("groupReference", groupReference);
        if (listMessageId != null) {
            answers.put("listMessageId", listMessageId);
        }
        root.putObject("reportedBy").put("participantId", "IQ-MOI").put("name", "Ministry of Interior, Iraq");
        ArrayNode movements = root.putArray("movements");
        for (Crossing crossing : crossings) {
            ObjectNode m = movements.addObject();
            m.put("id", "M-" + UUID.randomUUID());
            m.putObject("traveller")
                    .put("passportNumber", crossing.passportNumber())
                    .put("nationality", "PAK")
                    .put("surname", "Traveller")
                    .put("givenNames", "Test");
            m.put("direction", crossing.direction().name());
            m.put("time", crossing.time().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            m.putObject("borderPost").put("code", "NJF").put("name", "Al Najaf International Airport");
        }
        return Payload.of(PayloadType.JSON, JSON.writeValueAsString(root));
    }

    /** The list as an exchange document from {@code home} to {@code host}. */
    public static ExchangeDocument listDocument(ParticipantId home, ParticipantId host, Payload list) {
        return TestDocuments.document(home, host, "pilgrim-list", list);
    }

    /** The report as an exchange document from {@code host} to {@code home}. */
    public static ExchangeDocument movementsDocument(ParticipantId host, ParticipantId home, Payload report) {
        return TestDocuments.document(host, home, "pilgrim-movements", report);
    }
}
