package org.pouch.formats.watchlist;

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
class WatchlistHitHostileInputTest {

    private static final String XML = WatchlistHitFixtures.golden("valid.xml");
    private static final String JSON = WatchlistHitFixtures.golden("valid.json");

    static Stream<Arguments> hostile() {
        return Stream.of(
                vector(
                        "XML external entity",
                        PayloadType.XML,
                        "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                                + "<watchlistHit xmlns=\"urn:pouch:watchlist-hit:1\">&x;</watchlistHit>",
                        "document type declarations and entities are refused"),
                vector(
                        "XML entity expansion",
                        PayloadType.XML,
                        "<!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]><w>&b;</w>",
                        "document type declarations and entities are refused"),
                vector(
                        "XML external DTD",
                        PayloadType.XML,
                        "<!DOCTYPE w SYSTEM \"http://127.0.0.1:1/x.dtd\"><w/>",
                        "document type declarations and entities are refused"),
                vector("XML not well-formed", PayloadType.XML, "<watchlistHit", "not acceptable XML"),
                vector(
                        "XML in another namespace",
                        PayloadType.XML,
                        XML.replace("urn:pouch:watchlist-hit:1", "urn:other"),
                        "/watchlistHit: cvc-elt.1"),
                vector(
                        "XML unknown list",
                        PayloadType.XML,
                        XML.replace("<list>migrant-smuggling</list>", "<list>MIGRANT_SMUGGLING</list>"),
                        "/watchlistHit/listEntry[1]/list[1]: cvc-enumeration-valid"),
                vector(
                        "XML time without offset",
                        PayloadType.XML,
                        XML.replace("2027-03-14T22:41:09+05:00", "2027-03-14T22:41:09"),
                        "/watchlistHit/encounter[1]/time[1]: cvc-pattern-valid"),
                vector(
                        "XML second document without issuing country",
                        PayloadType.XML,
                        XML.replace("<issuingCountry>BEL</issuingCountry>", ""),
                        "/watchlistHit/subject[1]/documents[2]: cvc-complex-type.2.4.b"),
                vector(
                        "JSON nested too deep",
                        PayloadType.JSON,
                        "[".repeat(100) + "]".repeat(100),
                        "$: nesting deeper than 16"),
                vector(
                        "JSON string too long",
                        PayloadType.JSON,
                        JSON.replace("\"Abu Hamza\"", "\"" + "A".repeat(5000) + "\""),
                        "$: string longer than 4096"),
                vector(
                        "JSON number too long",
                        PayloadType.JSON,
                        JSON.replace("\"score\" : 87", "\"score\" : " + "9".repeat(30)),
                        "$: number longer than 20 digits"),
                vector(
                        "JSON score too large for the model",
                        PayloadType.JSON,
                        JSON.replace("\"score\" : 87", "\"score\" : 99999999999"),
                        "$: does not bind to the model"),
                vector(
                        "JSON duplicate key",
                        PayloadType.JSON,
                        JSON.replace("\"score\" : 87,", "\"score\" : 87, \"score\" : 100,"),
                        "$: not well-formed JSON"),
                vector("JSON trailing content", PayloadType.JSON, JSON + "{}", "$: not well-formed JSON"),
                vector("JSON not an object", PayloadType.JSON, "[]", "$: type"),
                vector("JSON empty", PayloadType.JSON, "", "$: empty payload"),
                vector(
                        "JSON unknown list",
                        PayloadType.JSON,
                        JSON.replace("\"migrant-smuggling\"", "\"MIGRANT_SMUGGLING\""),
                        "$.listEntry.list: enum"),
                vector(
                        "JSON unknown field",
                        PayloadType.JSON,
                        JSON.replace("\"nationality\" : \"PAK\",", "\"nationality\" : \"PAK\", \"religion\" : \"x\","),
                        "$.subject.religion: additionalProperties"),
                vector(
                        "JSON no names",
                        PayloadType.JSON,
                        JSON.replace("[ \"Tariq Mahmood Qureshi\", \"Tariq Mehmood Qureshi\" ]", "[ ]"),
                        "$.subject.names: minItems"),
                vector(
                        "JSON date of birth with a time",
                        PayloadType.JSON,
                        JSON.replace("\"1984-07\"", "\"1984-07-15T00:00:00Z\""),
                        "$.subject.dateOfBirth: pattern"),
                vector(
                        "JSON time without offset",
                        PayloadType.JSON,
                        JSON.replace("2027-03-14T22:41:09+05:00", "2027-03-14T22:41:09"),
                        "$.encounter.time"),
                vector(
                        "JSON impossible time",
                        PayloadType.JSON,
                        JSON.replace("2027-03-14T22:41:09+05:00", "2027-03-14T25:41:09+05:00"),
                        "$.encounter.time: format"),
                vector(
                        "JSON lower-case nationality",
                        PayloadType.JSON,
                        JSON.replace("\"nationality\" : \"PAK\"", "\"nationality\" : \"pak\""),
                        "$.subject.nationality: pattern"),
                vector(
                        "JSON unknown classification",
                        PayloadType.JSON,
                        JSON.replace("\"CONFIDENTIAL\"", "\"TOP SECRET\""),
                        "$.handling.classification: enum"),
                vector(
                        "CSV is not accepted",
                        PayloadType.CSV,
                        WatchlistHitFixtures.golden("valid.csv"),
                        "$: watchlist-hit is not accepted as CSV"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void isRejectedAsSchemaInvalid(Payload payload, String detail) {
        assertThatThrownBy(() -> WatchlistHitFixtures.TYPE.validate(payload))
                .isInstanceOfSatisfying(
                        RejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.SCHEMA_INVALID))
                .hasMessageContaining(detail);
    }

    private static Arguments vector(String name, PayloadType type, String text, String detail) {
        return Arguments.of(Named.of(name, Payload.of(type, text)), detail);
    }
}
