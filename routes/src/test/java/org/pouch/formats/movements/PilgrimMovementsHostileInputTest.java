package org.pouch.formats.movements;

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
class PilgrimMovementsHostileInputTest {

    private static final String XML = PilgrimMovementsFixtures.golden("valid.xml");
    private static final String JSON = PilgrimMovementsFixtures.golden("valid.json");

    static Stream<Arguments> hostile() {
        return Stream.of(
                vector(
                        "XML external entity",
                        PayloadType.XML,
                        "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                                + "<pilgrimMovements xmlns=\"urn:pouch:pilgrim-movements:1\">&x;</pilgrimMovements>",
                        "document type declarations and entities are refused"),
                vector(
                        "XML entity expansion",
                        PayloadType.XML,
                        "<!DOCTYPE m [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]><m>&b;</m>",
                        "document type declarations and entities are refused"),
                vector(
                        "XML external DTD",
                        PayloadType.XML,
                        "<!DOCTYPE m SYSTEM \"http://127.0.0.1:1/x.dtd\"><m/>",
                        "document type declarations and entities are refused"),
                vector("XML not well-formed", PayloadType.XML, "<pilgrimMovements", "not acceptable XML"),
                vector(
                        "XML in another namespace",
                        PayloadType.XML,
                        XML.replace("urn:pouch:pilgrim-movements:1", "urn:other"),
                        "/pilgrimMovements: cvc-elt.1"),
                vector(
                        "XML a pilgrim list instead",
                        PayloadType.XML,
                        XML.replace("urn:pouch:pilgrim-movements:1", "urn:pouch:pilgrim-list:1"),
                        "/pilgrimMovements: cvc-elt.1"),
                vector(
                        "XML bad direction",
                        PayloadType.XML,
                        XML.replaceFirst("<direction>ENTRY</direction>", "<direction>IN</direction>"),
                        "/pilgrimMovements/movements[1]/movement[1]/direction[1]: cvc-enumeration-valid"),
                vector(
                        "XML time without offset",
                        PayloadType.XML,
                        XML.replace("2026-07-29T14:05:00+03:00", "2026-07-29T14:05:00"),
                        "/pilgrimMovements/movements[1]/movement[2]/time[1]: cvc-pattern-valid"),
                vector(
                        "XML impossible time",
                        PayloadType.XML,
                        XML.replace("2026-07-29T14:05:00+03:00", "2026-02-30T14:05:00+03:00"),
                        "/pilgrimMovements/movements[1]/movement[2]/time[1]: cvc-datatype-valid"),
                vector(
                        "JSON nested too deep",
                        PayloadType.JSON,
                        "[".repeat(100) + "]".repeat(100),
                        "$: nesting deeper than 16"),
                vector(
                        "JSON string too long",
                        PayloadType.JSON,
                        JSON.replace("\"Hussain\"", "\"" + "H".repeat(5000) + "\""),
                        "$: string longer than 4096"),
                vector(
                        "JSON number too long",
                        PayloadType.JSON,
                        JSON.replace("\"direction\" : \"EXIT\"", "\"direction\" : " + "9".repeat(30)),
                        "$: number longer than 20 digits"),
                vector(
                        "JSON duplicate key",
                        PayloadType.JSON,
                        JSON.replace(
                                "\"direction\" : \"EXIT\",", "\"direction\" : \"EXIT\", \"direction\" : \"ENTRY\","),
                        "$: not well-formed JSON"),
                vector("JSON trailing content", PayloadType.JSON, JSON + "{}", "$: not well-formed JSON"),
                vector("JSON not an object", PayloadType.JSON, "[]", "$: type"),
                vector("JSON empty", PayloadType.JSON, "", "$: empty payload"),
                vector(
                        "JSON unknown field",
                        PayloadType.JSON,
                        JSON.replace("\"surname\" : \"Khan\",", "\"surname\" : \"Khan\", \"religion\" : \"x\","),
                        "$.movements[0].traveller.religion: additionalProperties"),
                vector(
                        "JSON missing border post",
                        PayloadType.JSON,
                        JSON.replaceFirst(
                                ",\\s*\"borderPost\" : \\{\\s*\"code\" : \"NJF\",\\s*\"name\" : \"[^\"]+\"\\s*}", ""),
                        "$.movements[0].borderPost: required"),
                vector(
                        "JSON no movements",
                        PayloadType.JSON,
                        JSON.replaceFirst("(?s)\"movements\" : \\[.*]", "\"movements\" : [ ]"),
                        "$.movements: minItems"),
                vector(
                        "JSON time without offset",
                        PayloadType.JSON,
                        JSON.replace("2026-07-29T14:05:00+03:00", "2026-07-29T14:05:00"),
                        "$.movements[1].time"),
                vector(
                        "JSON impossible time",
                        PayloadType.JSON,
                        JSON.replace("2026-07-29T14:05:00+03:00", "2026-07-29T25:05:00+03:00"),
                        "$.movements[1].time: format"),
                vector(
                        "JSON leap second, which the time line cannot hold",
                        PayloadType.JSON,
                        JSON.replace("2026-07-29T14:05:00+03:00", "2026-12-31T23:59:60Z"),
                        "$.movements[1].time"),
                vector(
                        "JSON bad direction",
                        PayloadType.JSON,
                        JSON.replace("\"direction\" : \"EXIT\"", "\"direction\" : \"exit\""),
                        "$.movements[2].direction: enum"),
                vector(
                        "JSON reporter not a participant id",
                        PayloadType.JSON,
                        JSON.replace("\"IQ-MOI\"", "\"Iraq\""),
                        "$.reportedBy.participantId: pattern"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void isRejectedAsSchemaInvalid(Payload payload, String detail) {
        assertThatThrownBy(() -> PilgrimMovementsFixtures.TYPE.validate(payload))
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.SCHEMA_INVALID))
                .hasMessageContaining(detail);
    }

    private static Arguments vector(String name, PayloadType type, String text, String detail) {
        return Arguments.of(Named.of(name, Payload.of(type, text)), detail);
    }
}
