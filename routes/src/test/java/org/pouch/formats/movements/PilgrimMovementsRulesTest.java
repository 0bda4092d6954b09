package org.pouch.formats.movements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** One valid report, and one copy broken per rule: each names its field path and rule. */
class PilgrimMovementsRulesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theValidReportKeepsEveryRule() {
        assertThat(PilgrimMovementsFixtures.TYPE.check(PilgrimMovementsFixtures.valid()))
                .isEmpty();
    }

    static Stream<Arguments> brokenCopies() {
        return Stream.of(
                broken(
                        "two movements with one id",
                        r -> movement(r, 2).put("id", "NJF-2026-0728-000811"),
                        "$.movements[2].id",
                        "movement-id-unique"),
                broken(
                        "a nationality that is no ISO 3166 country",
                        r -> traveller(r, 1).put("nationality", "XYZ"),
                        "$.movements[1].traveller.nationality",
                        "iso-3166-alpha-3"),
                broken(
                        "a time beyond the allowed clock skew",
                        r -> movement(r, 3).put("time", "2026-08-12T12:06:00+03:00"),
                        "$.movements[3].time",
                        "time-not-in-future"),
                broken(
                        "two entries in a row",
                        r -> movement(r, 2).put("direction", "ENTRY"),
                        "$.movements[2].direction",
                        "entry-exit-alternate"),
                broken(
                        "two exits in a row",
                        r -> movement(r, 0).put("direction", "EXIT"),
                        "$.movements[2].direction",
                        "entry-exit-alternate"),
                broken(
                        "a second entry, later in the document, timed before the exit",
                        r -> movements(r)
                                .add(copyOf(r, 0)
                                        .put("id", "NJF-2026-0801-000999")
                                        .put("time", "2026-08-01T08:00:00+03:00")),
                        "$.movements[4].direction",
                        "entry-exit-alternate"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCopies")
    void aBrokenCopyIsRejectedNamingTheFieldAndTheRule(Consumer<ObjectNode> breakIt, String field, String rule) {
        Payload payload = brokenPayload(breakIt);

        assertThat(PilgrimMovementsFixtures.TYPE.check(PilgrimMovementsFixtures.TYPE.read(payload)))
                .contains(new RuleViolation(field, rule));
        assertThatThrownBy(() -> PilgrimMovementsFixtures.TYPE.validate(payload))
                .isInstanceOfSatisfying(RejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RejectionReason.BUSINESS_RULE_VIOLATED);
                    assertThat(e.detail()).contains(field + ": " + rule);
                });
    }

    static Stream<Arguments> acceptedCopies() {
        return Stream.of(
                Arguments.of(Named.<Consumer<ObjectNode>>of(
                        "an exit first, its entry reported in an earlier document",
                        r -> movements(r).remove(0))),
                Arguments.of(Named.<Consumer<ObjectNode>>of(
                        "a time ahead of the gateway within the clock skew",
                        r -> movement(r, 3).put("time", "2026-08-12T12:04:59+03:00"))),
                Arguments.of(Named.<Consumer<ObjectNode>>of(
                        "movements out of document order but alternating in time", r -> {
                            ObjectNode exit = copyOf(r, 2);
                            movements(r).set(2, copyOf(r, 0));
                            movements(r).set(0, exit);
                        })),
                Arguments.of(Named.<Consumer<ObjectNode>>of(
                        "a re-entry after an exit",
                        r -> movements(r)
                                .add(copyOf(r, 0)
                                        .put("id", "NJF-2026-0811-000999")
                                        .put("time", "2026-08-11T08:00:00+03:00")))),
                Arguments.of(Named.<Consumer<ObjectNode>>of(
                        "an exit timed before the entry: left, then came back",
                        r -> movement(r, 2).put("time", "2026-07-27T22:15:00+03:00"))),
                Arguments.of(Named.<Consumer<ObjectNode>>of(
                        "two exits in a row for different passports",
                        r -> traveller(r, 2).put("passportNumber", "ZZ0000001"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedCopies")
    void anAcceptableVariationKeepsEveryRule(Consumer<ObjectNode> vary) {
        Payload payload = brokenPayload(vary);

        assertThat(PilgrimMovementsFixtures.TYPE.check(PilgrimMovementsFixtures.TYPE.read(payload)))
                .isEmpty();
    }

    @Test
    void theFutureIsJudgedByTheClockTheTypeWasGiven() {
        Instant beforeTheLastMovement = Instant.parse("2026-08-10T00:00:00Z");
        PilgrimMovementsType type = new PilgrimMovementsType(Clock.fixed(beforeTheLastMovement, ZoneOffset.UTC));

        assertThat(type.check(PilgrimMovementsFixtures.valid()))
                .containsExactly(
                        new RuleViolation("$.movements[2].time", "time-not-in-future"),
                        new RuleViolation("$.movements[3].time", "time-not-in-future"));
    }

    @Test
    void everyViolationIsReportedNotOnlyTheFirst() {
        Payload payload = brokenPayload(r -> {
            traveller(r, 1).put("nationality", "XYZ");
            movement(r, 2).put("direction", "ENTRY");
        });

        assertThatThrownBy(() -> PilgrimMovementsFixtures.TYPE.validate(payload))
                .hasMessageContaining("$.movements[1].traveller.nationality: iso-3166-alpha-3")
                .hasMessageContaining("(and 1 more: [$.movements[2].direction: entry-exit-alternate])");
    }

    private static Payload brokenPayload(Consumer<ObjectNode> breakIt) {
        ObjectNode report = (ObjectNode) JSON.readTree(PilgrimMovementsFixtures.golden("valid.json"));
        breakIt.accept(report);
        return Payload.of(PayloadType.JSON, JSON.writeValueAsString(report));
    }

    private static Arguments broken(String name, Consumer<ObjectNode> breakIt, String field, String rule) {
        return Arguments.of(Named.of(name, breakIt), field, rule);
    }

    private static ArrayNode movements(ObjectNode report) {
        return (ArrayNode) report.get("movements");
    }

    private static ObjectNode movement(ObjectNode report, int index) {
        return (ObjectNode) movements(report).get(index);
    }

    private static ObjectNode copyOf(ObjectNode report, int index) {
        return movement(report, index).deepCopy();
    }

    private static ObjectNode traveller(ObjectNode report, int index) {
        return (ObjectNode) movement(report, index).get("traveller");
    }
}
