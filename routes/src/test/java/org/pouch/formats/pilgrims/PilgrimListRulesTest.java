package org.pouch.formats.pilgrims;

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

/** One valid list, and one copy broken per rule: each names its field path and rule. */
class PilgrimListRulesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theValidListKeepsEveryRule() {
        assertThat(PilgrimListFixtures.TYPE.check(PilgrimListFixtures.valid())).isEmpty();
    }

    static Stream<Arguments> brokenCopies() {
        return Stream.of(
                broken(
                        "departure on the day of arrival",
                        l -> group(l).put("departure", "2027-02-14"),
                        "$.group.departure",
                        "departure-after-arrival"),
                broken(
                        "departure before arrival",
                        l -> group(l).put("departure", "2027-02-01"),
                        "$.group.departure",
                        "departure-after-arrival"),
                broken(
                        "one day longer than permitted",
                        l -> group(l).put("permittedStayDays", 14),
                        "$.group.departure",
                        "stay-within-permitted-period"),
                broken(
                        "passport expires on the day of departure",
                        l -> passport(l, 1).put("expiry", "2027-03-01"),
                        "$.pilgrims[1].passport.expiry",
                        "passport-valid-past-departure"),
                broken(
                        "the same passport twice",
                        l -> passport(l, 1).put("number", "AB1234567"),
                        "$.pilgrims[1].passport.number",
                        "passport-number-unique-in-list"),
                broken(
                        "a Pakistani without a CNIC",
                        l -> pilgrim(l, 1).put("nationalId", "4210176543215"),
                        "$.pilgrims[1].nationalId",
                        "cnic-format"),
                broken(
                        "a nationality that is no ISO 3166 country",
                        l -> pilgrim(l, 1).put("nationality", "XYZ"),
                        "$.pilgrims[1].nationality",
                        "iso-3166-alpha-3"),
                broken(
                        "born on the day of arrival",
                        l -> pilgrim(l, 1).put("dateOfBirth", "2027-02-14"),
                        "$.pilgrims[1].dateOfBirth",
                        "born-before-arrival"),
                broken(
                        "passport number check digit",
                        l -> mrz(l, 0, "AB12345672PAK7905023F31063053520212345678<84"),
                        "$.pilgrims[0].mrz.line2",
                        "mrz-passport-number-check-digit"),
                broken(
                        "date of birth check digit",
                        l -> mrz(l, 0, "AB12345671PAK7905024F31063053520212345678<84"),
                        "$.pilgrims[0].mrz.line2",
                        "mrz-date-of-birth-check-digit"),
                broken(
                        "expiry check digit",
                        l -> mrz(l, 0, "AB12345671PAK7905023F31063063520212345678<84"),
                        "$.pilgrims[0].mrz.line2",
                        "mrz-expiry-check-digit"),
                broken(
                        "optional data check digit",
                        l -> mrz(l, 0, "AB12345671PAK7905023F31063053520212345678<94"),
                        "$.pilgrims[0].mrz.line2",
                        "mrz-optional-data-check-digit"),
                broken(
                        "composite check digit",
                        l -> mrz(l, 0, "AB12345671PAK7905023F31063053520212345678<85"),
                        "$.pilgrims[0].mrz.line2",
                        "mrz-composite-check-digit"),
                broken(
                        "passport number differs from the zone",
                        l -> passport(l, 0).put("number", "AB1234568"),
                        "$.pilgrims[0].passport.number",
                        "agrees-with-mrz"),
                broken(
                        "date of birth differs from the zone",
                        l -> pilgrim(l, 0).put("dateOfBirth", "1979-05-03"),
                        "$.pilgrims[0].dateOfBirth",
                        "agrees-with-mrz"),
                broken(
                        "sex differs from the zone",
                        l -> pilgrim(l, 0).put("sex", "X"),
                        "$.pilgrims[0].sex",
                        "agrees-with-mrz"),
                broken(
                        "expiry differs from the zone",
                        l -> passport(l, 0).put("expiry", "2031-07-30"),
                        "$.pilgrims[0].passport.expiry",
                        "agrees-with-mrz"),
                broken(
                        "nationality differs from the zone",
                        l -> pilgrim(l, 0).put("nationality", "IRQ"),
                        "$.pilgrims[0].nationality",
                        "agrees-with-mrz"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCopies")
    void aBrokenCopyIsRejectedNamingTheFieldAndTheRule(Consumer<ObjectNode> breakIt, String field, String rule) {
        ObjectNode list = (ObjectNode) JSON.readTree(PilgrimListFixtures.golden("valid.json"));
        breakIt.accept(list);
        Payload payload = Payload.of(PayloadType.JSON, JSON.writeValueAsString(list));

        assertThat(PilgrimListFixtures.TYPE.check(PilgrimListFixtures.TYPE.read(payload)))
                .contains(new RuleViolation(field, rule));
        assertThatThrownBy(() -> PilgrimListFixtures.TYPE.validate(payload))
                .isInstanceOfSatisfying(RejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RejectionReason.BUSINESS_RULE_VIOLATED);
                    assertThat(e.detail()).contains(field + ": " + rule);
                });
    }

    @Test
    void anEmptyOptionalDataFieldMayCarryAFillerAsItsCheckDigit() {
        ObjectNode list = (ObjectNode) JSON.readTree(PilgrimListFixtures.golden("valid.json"));
        // Khan's zone without the CNIC in the optional data: filler check digit, composite recomputed.
        mrz(list, 0, "AB12345671PAK7905023F3106305<<<<<<<<<<<<<<<8");
        Payload payload = Payload.of(PayloadType.JSON, JSON.writeValueAsString(list));

        assertThat(PilgrimListFixtures.TYPE.check(PilgrimListFixtures.TYPE.read(payload)))
                .isEmpty();
    }

    @Test
    void everyViolationIsReportedNotOnlyTheFirst() {
        ObjectNode list = (ObjectNode) JSON.readTree(PilgrimListFixtures.golden("valid.json"));
        group(list).put("permittedStayDays", 14);
        pilgrim(list, 1).put("nationality", "XYZ");
        Payload payload = Payload.of(PayloadType.JSON, JSON.writeValueAsString(list));

        assertThatThrownBy(() -> PilgrimListFixtures.TYPE.validate(payload))
                .hasMessageContaining("$.group.departure: stay-within-permitted-period")
                .hasMessageContaining("(and 1 more: [$.pilgrims[1].nationality: iso-3166-alpha-3])");
    }

    private static Arguments broken(String name, Consumer<ObjectNode> breakIt, String field, String rule) {
        return Arguments.of(Named.of(name, breakIt), field, rule);
    }

    private static ObjectNode group(ObjectNode list) {
        return (ObjectNode) list.get("group");
    }

    private static ObjectNode pilgrim(ObjectNode list, int index) {
        return (ObjectNode) list.get("pilgrims").get(index);
    }

    private static ObjectNode passport(ObjectNode list, int index) {
        return (ObjectNode) pilgrim(list, index).get("passport");
    }

    private static void mrz(ObjectNode list, int index, String line2) {
        ((ObjectNode) pilgrim(list, index).get("mrz")).put("line2", line2);
    }
}
