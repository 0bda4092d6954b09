package org.pouch.formats.training;

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

/** One valid schedule, and one copy broken per rule: each names its field path and rule. */
class TrainingScheduleRulesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theValidScheduleKeepsEveryRule() {
        assertThat(TrainingScheduleFixtures.TYPE.check(TrainingScheduleFixtures.valid()))
                .isEmpty();
    }

    static Stream<Arguments> brokenCopies() {
        return Stream.of(
                broken("revision zero", s -> s.put("revision", 0), "$.revision", "revision-at-least-one"),
                broken(
                        "ends when it starts",
                        s -> session(s, 0).put("end", "2027-04-12T09:00:00"),
                        "$.sessions[0].end",
                        "end-after-start"),
                broken(
                        "ends before it starts",
                        s -> session(s, 1).put("end", "2027-10-25T16:00:00"),
                        "$.sessions[1].end",
                        "end-after-start"),
                broken(
                        "a zone that does not exist",
                        s -> session(s, 0).put("timeZone", "Asia/Lahore"),
                        "$.sessions[0].timeZone",
                        "iana-time-zone"),
                broken(
                        "an offset instead of a zone",
                        s -> session(s, 0).put("timeZone", "UTC+5"),
                        "$.sessions[0].timeZone",
                        "iana-time-zone"),
                broken(
                        "capacity zero",
                        s -> session(s, 1).put("capacity", 0),
                        "$.sessions[1].capacity",
                        "capacity-positive"),
                broken(
                        "the same session id twice",
                        s -> session(s, 1).put("id", "S1"),
                        "$.sessions[1].id",
                        "session-id-unique-in-programme"),
                broken(
                        "a country that is no ISO 3166 country",
                        s -> ((ObjectNode) session(s, 0).get("place")).put("country", "XX"),
                        "$.sessions[0].place.country",
                        "iso-3166-alpha-2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCopies")
    void aBrokenCopyIsRejectedNamingTheFieldAndTheRule(Consumer<ObjectNode> breakIt, String field, String rule) {
        ObjectNode schedule = (ObjectNode) JSON.readTree(TrainingScheduleFixtures.golden("valid.json"));
        breakIt.accept(schedule);
        Payload payload = Payload.of(PayloadType.JSON, JSON.writeValueAsString(schedule));

        assertThat(TrainingScheduleFixtures.TYPE.check(TrainingScheduleFixtures.TYPE.read(payload)))
                .contains(new RuleViolation(field, rule));
        assertThatThrownBy(() -> TrainingScheduleFixtures.TYPE.validate(payload))
                .isInstanceOfSatisfying(RejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RejectionReason.BUSINESS_RULE_VIOLATED);
                    assertThat(e.detail()).contains(field + ": " + rule);
                });
    }

    private static Arguments broken(String name, Consumer<ObjectNode> breakIt, String field, String rule) {
        return Arguments.of(Named.of(name, breakIt), field, rule);
    }

    private static ObjectNode session(ObjectNode schedule, int index) {
        return (ObjectNode) schedule.get("sessions").get(index);
    }
}
