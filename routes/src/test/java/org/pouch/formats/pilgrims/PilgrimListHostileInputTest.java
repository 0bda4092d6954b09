package org.pouch.formats.pilgrims;

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
import org.pouch.formats.catalog.MessageTypes;

/** Negative vectors for every parser: each is a SCHEMA_INVALID rejection naming where or which limit. */
class PilgrimListHostileInputTest {

    private static final String XML = PilgrimListFixtures.golden("valid.xml");
    private static final String JSON = PilgrimListFixtures.golden("valid.json");
    private static final String CSV = PilgrimListFixtures.golden("valid.csv");

    static Stream<Arguments> hostile() {
        return Stream.of(
                vector(
                        "XML external entity",
                        PayloadType.XML,
                        "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                                + "<pilgrimList xmlns=\"urn:pouch:pilgrim-list:1\">&x;</pilgrimList>",
                        "document type declarations and entities are refused"),
                vector(
                        "XML entity expansion",
                        PayloadType.XML,
                        "<!DOCTYPE p [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]><p>&b;</p>",
                        "document type declarations and entities are refused"),
                vector(
                        "XML external DTD",
                        PayloadType.XML,
                        "<!DOCTYPE p SYSTEM \"http://127.0.0.1:1/x.dtd\"><p/>",
                        "document type declarations and entities are refused"),
                vector("XML not well-formed", PayloadType.XML, "<pilgrimList", "not acceptable XML"),
                vector(
                        "XML in another namespace",
                        PayloadType.XML,
                        XML.replace("urn:pouch:pilgrim-list:1", "urn:other"),
                        "/pilgrimList: cvc-elt.1"),
                vector(
                        "XML bad sex",
                        PayloadType.XML,
                        XML.replaceFirst("<sex>M</sex>", "<sex>male</sex>"),
                        "/pilgrimList/pilgrims[1]/pilgrim[2]/sex[1]: cvc-enumeration-valid"),
                vector(
                        "XML impossible date",
                        PayloadType.XML,
                        XML.replace("<arrival>2027-02-14</arrival>", "<arrival>2027-02-30</arrival>"),
                        "/pilgrimList/group[1]/arrival[1]: cvc-datatype-valid"),
                vector(
                        "JSON nested too deep",
                        PayloadType.JSON,
                        "[".repeat(100) + "]".repeat(100),
                        "$: nesting deeper than 16"),
                vector(
                        "JSON string too long",
                        PayloadType.JSON,
                        JSON.replace("\"Khan\"", "\"" + "K".repeat(5000) + "\""),
                        "$: string longer than 4096"),
                vector(
                        "JSON number too long",
                        PayloadType.JSON,
                        JSON.replace("\"permittedStayDays\" : 20", "\"permittedStayDays\" : " + "9".repeat(30)),
                        "$: number longer than 20 digits"),
                vector(
                        "JSON duplicate key",
                        PayloadType.JSON,
                        JSON.replace("\"sex\" : \"F\",", "\"sex\" : \"F\", \"sex\" : \"M\","),
                        "$: not well-formed JSON"),
                vector("JSON trailing content", PayloadType.JSON, JSON + "{}", "$: not well-formed JSON"),
                vector("JSON not an object", PayloadType.JSON, "[]", "$: type"),
                vector("JSON empty", PayloadType.JSON, "", "$: empty payload"),
                vector(
                        "JSON unknown field",
                        PayloadType.JSON,
                        JSON.replace("\"surname\" : \"Khan\",", "\"surname\" : \"Khan\", \"religion\" : \"x\","),
                        "$.pilgrims[0].religion: additionalProperties"),
                vector(
                        "JSON missing field",
                        PayloadType.JSON,
                        JSON.replace("\"portOfEntry\" : \"NJF\",", ""),
                        "$.group.portOfEntry: required"),
                vector(
                        "JSON impossible date",
                        PayloadType.JSON,
                        JSON.replace("2027-02-14", "2027-02-30"),
                        "$.group.arrival: format"),
                vector(
                        "JSON bad MRZ alphabet",
                        PayloadType.JSON,
                        JSON.replace("AB12345671PAK", "ab12345671PAK"),
                        "$.pilgrims[0].mrz.line2: pattern"),
                vector(
                        "CSV header only",
                        PayloadType.CSV,
                        CSV.lines().findFirst().orElseThrow() + "\n",
                        "$.pilgrims: no pilgrim rows"),
                vector(
                        "CSV columns reordered",
                        PayloadType.CSV,
                        CSV.replaceFirst("group_reference,organiser_name", "organiser_name,group_reference"),
                        "not a pilgrim-list spreadsheet"),
                vector(
                        "CSV group columns differ",
                        PayloadType.CSV,
                        CSV.replaceFirst("(?s)(.*)2027-03-01", "$12027-03-02"),
                        "$.pilgrims[2]: group columns differ from the first row"),
                vector(
                        "CSV stay not a number",
                        PayloadType.CSV,
                        CSV.replace(",20,", ",twenty,"),
                        "$.group.permittedStayDays: type"),
                vector(
                        "CSV missing passport number",
                        PayloadType.CSV,
                        CSV.replace("CK7654321", ""),
                        "$.pilgrims[1].passport.number: required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void isRejectedAsSchemaInvalid(Payload payload, String detail) {
        assertThatThrownBy(() -> PilgrimListFixtures.TYPE.validate(payload))
                .isInstanceOfSatisfying(
                        RejectedException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.reason())
                                .isEqualTo(RejectionReason.SCHEMA_INVALID))
                .hasMessageContaining(detail);
    }

    @ParameterizedTest(name = "{0} {1}")
    @org.junit.jupiter.params.provider.CsvSource({"pilgrim-list, 2.0", "pilgrim-lists, 1.0"})
    void anUnknownTypeOrVersionIsRejected(String type, String version) {
        assertThatThrownBy(() -> MessageTypes.lookup(type, version))
                .isInstanceOfSatisfying(
                        RejectedException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.reason())
                                .isEqualTo(RejectionReason.SCHEMA_INVALID));
    }

    private static Arguments vector(String name, PayloadType type, String text, String detail) {
        return Arguments.of(Named.of(name, Payload.of(type, text)), detail);
    }
}
