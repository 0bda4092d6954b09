package org.pouch.formats.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;

/** Negative vectors for both parsers: each is a SCHEMA_INVALID rejection naming where or which limit. */
class TrainingScheduleHostileInputTest {

    private static final String XML = TrainingScheduleFixtures.golden("valid.xml");
    private static final String JSON = TrainingScheduleFixtures.golden("valid.json");

    static Stream<Arguments> hostile() {
        return Stream.of(
                vector(
                        "XML external entity",
                        PayloadType.XML,
                        "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                                + "<trainingSchedule xmlns=\"urn:pouch:training-schedule:1\">&x;</trainingSchedule>",
                        "document type declarations and entities are refused"),
                vector(
                        "XML entity expansion",
                        PayloadType.XML,
                        "<!DOCTYPE t [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]><t>&b;</t>",
                        "document type declarations and entities are refused"),
                vector(
                        "XML external DTD",
                        PayloadType.XML,
                        "<!DOCTYPE t SYSTEM \"http://127.0.0.1:1/x.dtd\"><t/>",
                        "document type declarations and entities are refused"),
                vector("XML not well-formed", PayloadType.XML, "<trainingSchedule", "not acceptable XML"),
                vector(
                        "XML in another namespace",
                        PayloadType.XML,
                        XML.replace("urn:pouch:training-schedule:1", "urn:other"),
                        "/trainingSchedule: cvc-elt.1"),
                vector(
                        "XML time with an offset",
                        PayloadType.XML,
                        XML.replace("<start>2027-04-12T09:00:00</start>", "<start>2027-04-12T09:00:00Z</start>"),
                        "/trainingSchedule/sessions[1]/session[1]/start[1]: cvc-pattern-valid"),
                vector(
                        "XML unknown status",
                        PayloadType.XML,
                        XML.replaceFirst("<status>SCHEDULED</status>", "<status>POSTPONED</status>"),
                        "/trainingSchedule/sessions[1]/session[1]/status[1]: cvc-enumeration-valid"),
                vector(
                        "JSON nested too deep",
                        PayloadType.JSON,
                        "[".repeat(100) + "]".repeat(100),
                        "$: nesting deeper than 16"),
                vector(
                        "JSON string too long",
                        PayloadType.JSON,
                        JSON.replace("\"FIA Academy\"", "\"" + "F".repeat(5000) + "\""),
                        "$: string longer than 4096"),
                vector(
                        "JSON number too long",
                        PayloadType.JSON,
                        JSON.replace("\"capacity\" : 24", "\"capacity\" : " + "9".repeat(30)),
                        "$: number longer than 20 digits"),
                vector(
                        "JSON duplicate key",
                        PayloadType.JSON,
                        JSON.replace("\"revision\" : 1,", "\"revision\" : 1, \"revision\" : 2,"),
                        "$: not well-formed JSON"),
                vector("JSON trailing content", PayloadType.JSON, JSON + "{}", "$: not well-formed JSON"),
                vector("JSON not an object", PayloadType.JSON, "[]", "$: type"),
                vector("JSON empty", PayloadType.JSON, "", "$: empty payload"),
                vector(
                        "JSON unknown field",
                        PayloadType.JSON,
                        JSON.replace("\"revision\" : 1,", "\"revision\" : 1, \"classified\" : true,"),
                        "$.classified: additionalProperties"),
                vector(
                        "JSON missing time zone",
                        PayloadType.JSON,
                        JSON.replace("\"timeZone\" : \"Asia/Karachi\",", ""),
                        "$.sessions[0].timeZone: required"),
                vector(
                        "JSON time with an offset",
                        PayloadType.JSON,
                        JSON.replace("2027-04-12T09:00:00", "2027-04-12T09:00:00+05:00"),
                        "$.sessions[0].start: pattern"),
                vector(
                        "JSON impossible date",
                        PayloadType.JSON,
                        JSON.replace("2027-04-12T09:00:00", "2027-02-30T09:00:00"),
                        "$: does not bind to the model"),
                vector(
                        "JSON session id with a dot, which would make UIDs ambiguous",
                        PayloadType.JSON,
                        JSON.replace("\"id\" : \"S1\"", "\"id\" : \"S1.JTP\""),
                        "$.sessions[0].id: pattern"),
                vector(
                        "JSON negative capacity",
                        PayloadType.JSON,
                        JSON.replace("\"capacity\" : 24", "\"capacity\" : -1"),
                        "$.sessions[0].capacity: minimum"),
                vector(
                        "CSV, which training schedules have no form for",
                        PayloadType.CSV,
                        "id,title\nS1,x\n",
                        "$: training-schedule has no CSV form"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void isRejectedAsSchemaInvalid(Payload payload, String detail) {
        assertThatThrownBy(() -> TrainingScheduleFixtures.TYPE.validate(payload))
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.SCHEMA_INVALID))
                .hasMessageContaining(detail);
    }

    private static Arguments vector(String name, PayloadType type, String text, String detail) {
        return Arguments.of(Named.of(name, Payload.of(type, text)), detail);
    }
}
