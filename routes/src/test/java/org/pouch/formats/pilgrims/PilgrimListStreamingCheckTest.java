package org.pouch.formats.pilgrims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;
import org.pouch.testing.TestPilgrims;
import org.pouch.testing.TestPilgrims.Listed;

/**
 * The canonical JSON form of a pilgrim list is checked one pilgrim at a time: long lists pass, and a
 * fault deep in one is named by the same code and path as the whole-tree check names it.
 */
class PilgrimListStreamingCheckTest {

    private static final int LONG = 20_000;
    private static final LocalDate ARRIVAL = LocalDate.now().plusDays(30);

    private static List<Listed> pilgrims(int count) {
        List<Listed> pilgrims = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pilgrims.add(new Listed(String.format("AB%07d", i), "Khan", "Ayesha"));
        }
        return pilgrims;
    }

    private static Payload list(List<Listed> pilgrims) {
        return TestPilgrims.list("SEASON-2027", ARRIVAL, 30, pilgrims);
    }

    private static void assertRejected(Payload payload, RejectionReason reason, String detail) {
        assertThatThrownBy(() -> PilgrimListFixtures.TYPE.validate(payload))
                .isInstanceOfSatisfying(RejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).contains(detail);
                });
    }

    @Test
    void aLongValidListPasses() {
        PilgrimList list = PilgrimListFixtures.TYPE.validate(list(pilgrims(LONG)));
        assertThat(list.pilgrims()).hasSize(LONG);
    }

    @Test
    void aDuplicatePassportDeepInTheListIsNamedByItsIndex() {
        List<Listed> pilgrims = pilgrims(LONG);
        pilgrims.set(12_345, new Listed("AB0000007", "Khan", "Bilal"));
        assertRejected(
                list(pilgrims),
                RejectionReason.BUSINESS_RULE_VIOLATED,
                "$.pilgrims[12345].passport.number: passport-number-unique-in-list");
    }

    @Test
    void aSchemaFaultDeepInTheListIsNamedByItsIndexBeforeAnyRule() {
        List<Listed> pilgrims = pilgrims(LONG);
        pilgrims.set(100, new Listed("AB0000007", "Khan", "Bilal"));
        pilgrims.set(15_000, new Listed("not a passport", "Khan", "Bilal"));
        assertRejected(list(pilgrims), RejectionReason.SCHEMA_INVALID, "$.pilgrims[15000].passport.number: pattern");
    }

    @Test
    void violationsPastTheFirstHundredAreCountedNotListed() {
        List<Listed> pilgrims = pilgrims(1_000);
        for (int i = 1; i <= 300; i++) {
            pilgrims.set(i, new Listed("AB0000000", "Khan", "Bilal"));
        }
        assertRejected(list(pilgrims), RejectionReason.BUSINESS_RULE_VIOLATED, "(and 299 more: ");
    }

    @Test
    void pilgrimsBeforeTheGroupAreCheckedAgainstTheGroup() {
        String json = list(pilgrims(3)).text();
        int pilgrimsAt = json.indexOf(",\"pilgrims\"");
        String reordered =
                "{" + json.substring(pilgrimsAt + 1, json.length() - 1) + "," + json.substring(1, pilgrimsAt) + "}";
        assertThat(reordered.indexOf("\"pilgrims\"")).isLessThan(reordered.indexOf("\"group\""));
        assertThat(PilgrimListFixtures.TYPE
                        .validate(Payload.of(PayloadType.JSON, reordered))
                        .pilgrims())
                .hasSize(3);
    }

    @Test
    void aListPastTheCapIsRefusedByCountingWhateverItsPilgrims() {
        StringBuilder json = new StringBuilder("{\"pilgrims\":[{}");
        json.append(",{}".repeat(PilgrimListJsonCheck.MAX_PILGRIMS));
        json.append("]}");
        assertRejected(
                Payload.of(PayloadType.JSON, json.toString()), RejectionReason.SCHEMA_INVALID, "$.pilgrims: maxItems");
    }
}
