package org.pouch.formats.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;
import org.pouch.formats.RuleViolation;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** One valid hit, and one copy broken per rule: each names its field path and rule. */
class WatchlistHitRulesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theValidHitKeepsEveryRule() {
        assertThat(WatchlistHitFixtures.TYPE.check(WatchlistHitFixtures.valid()))
                .isEmpty();
    }

    static Stream<Arguments> brokenCopies() {
        return Stream.of(
                broken("score above 100", h -> object(h, "match").put("score", 101), "$.match.score", "score-in-range"),
                broken("negative score", h -> object(h, "match").put("score", -1), "$.match.score", "score-in-range"),
                broken(
                        "a nationality that is no ISO 3166 country",
                        h -> object(h, "subject").put("nationality", "XYZ"),
                        "$.subject.nationality",
                        "iso-3166-alpha-3"),
                broken(
                        "a document issued by no ISO 3166 country",
                        h -> document(h, 1).put("issuingCountry", "BEX"),
                        "$.subject.documents[1].issuingCountry",
                        "iso-3166-alpha-3"),
                broken(
                        "an encounter in no ISO 3166 country",
                        h -> place(h).put("country", "QQQ"),
                        "$.encounter.place.country",
                        "iso-3166-alpha-3"),
                broken(
                        "a reporting agency without a country",
                        h -> h.put("reportingAgency", "FIA"),
                        "$.reportingAgency",
                        "participant-id"),
                broken(
                        "a reporting agency in lower case",
                        h -> h.put("reportingAgency", "pk-fia"),
                        "$.reportingAgency",
                        "participant-id"),
                broken(
                        "a reporting agency of no ISO 3166 country",
                        h -> h.put("reportingAgency", "XX-FIA"),
                        "$.reportingAgency",
                        "participant-id"),
                broken(
                        "a day that is not in the calendar",
                        h -> object(h, "subject").put("dateOfBirth", "1984-02-30"),
                        "$.subject.dateOfBirth",
                        "real-date"),
                broken(
                        "born the day after the encounter",
                        h -> object(h, "subject").put("dateOfBirth", "2027-03-15"),
                        "$.subject.dateOfBirth",
                        "born-before-encounter"),
                broken(
                        "born the month after the encounter",
                        h -> object(h, "subject").put("dateOfBirth", "2027-04"),
                        "$.subject.dateOfBirth",
                        "born-before-encounter"),
                broken(
                        "born the year after the encounter",
                        h -> object(h, "subject").put("dateOfBirth", "2028"),
                        "$.subject.dateOfBirth",
                        "born-before-encounter"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCopies")
    void aBrokenCopyIsRejectedNamingTheFieldAndTheRule(Consumer<ObjectNode> breakIt, String field, String rule) {
        Payload payload = payload(breakIt);

        assertThat(WatchlistHitFixtures.TYPE.check(WatchlistHitFixtures.TYPE.read(payload)))
                .contains(new RuleViolation(field, rule));
        assertThatThrownBy(() -> WatchlistHitFixtures.TYPE.validate(payload))
                .isInstanceOfSatisfying(RejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RejectionReason.BUSINESS_RULE_VIOLATED);
                    assertThat(e.detail()).contains(field + ": " + rule);
                });
    }

    static Stream<Arguments> partialDatesOfBirth() {
        return Stream.of(
                Arguments.of(Named.of("year only", "1984")),
                Arguments.of(Named.of("year and month", "1984-07")),
                Arguments.of(Named.of("full date", "1984-07-15")),
                Arguments.of(Named.of("the year of the encounter", "2027")),
                Arguments.of(Named.of("the month of the encounter", "2027-03")),
                Arguments.of(Named.of("the day of the encounter", "2027-03-14")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("partialDatesOfBirth")
    void aDateOfBirthAtAnyPrecisionUpToTheEncounterKeepsTheRules(String dateOfBirth) {
        Payload payload = payload(h -> object(h, "subject").put("dateOfBirth", dateOfBirth));

        WatchlistHit hit = WatchlistHitFixtures.TYPE.validate(payload);

        assertThat(hit.subject().dateOfBirth()).isEqualTo(dateOfBirth);
    }

    @Test
    void everyViolationIsReportedNotOnlyTheFirst() {
        Payload payload = payload(h -> {
            object(h, "subject").put("nationality", "XYZ");
            object(h, "match").put("score", 250);
        });

        assertThatThrownBy(() -> WatchlistHitFixtures.TYPE.validate(payload))
                .hasMessageContaining("$.subject.nationality: iso-3166-alpha-3")
                .hasMessageContaining("(and 1 more: [$.match.score: score-in-range])");
    }

    private static Payload payload(Consumer<ObjectNode> breakIt) {
        ObjectNode hit = (ObjectNode) JSON.readTree(WatchlistHitFixtures.golden("valid.json"));
        breakIt.accept(hit);
        return Payload.of(PayloadType.JSON, JSON.writeValueAsString(hit));
    }

    private static Arguments broken(String name, Consumer<ObjectNode> breakIt, String field, String rule) {
        return Arguments.of(Named.of(name, breakIt), field, rule);
    }

    private static ObjectNode object(ObjectNode hit, String field) {
        return (ObjectNode) hit.get(field);
    }

    private static ObjectNode document(ObjectNode hit, int index) {
        return (ObjectNode) object(hit, "subject").get("documents").get(index);
    }

    private static ObjectNode place(ObjectNode hit) {
        return (ObjectNode) object(hit, "encounter").get("place");
    }
}
