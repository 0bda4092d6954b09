package org.pouch.formats.pilgrims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PilgrimListMinimisationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void strippingTheIdentityNumberTheZoneAndTheVisaLeavesEverythingElse() {
        PilgrimList valid = PilgrimListFixtures.valid();

        PilgrimList stripped = PilgrimListMinimisation.without(
                valid,
                EnumSet.of(
                        StrippableField.PILGRIMS_NATIONAL_ID,
                        StrippableField.PILGRIMS_MRZ,
                        StrippableField.PILGRIMS_VISA_NUMBER));

        assertThat(stripped.pilgrims()).hasSameSizeAs(valid.pilgrims());
        for (int i = 0; i < valid.pilgrims().size(); i++) {
            Pilgrim before = valid.pilgrims().get(i);
            Pilgrim after = stripped.pilgrims().get(i);
            assertThat(after.nationalId()).isNull();
            assertThat(after.mrz()).isNull();
            assertThat(after.visaNumber()).isNull();
            assertThat(after.passport()).isEqualTo(before.passport());
            assertThat(after.surname()).isEqualTo(before.surname());
            assertThat(after.nameNative()).isEqualTo(before.nameNative());
            assertThat(after.dateOfBirth()).isEqualTo(before.dateOfBirth());
        }
        assertThat(stripped.group()).isEqualTo(valid.group());
    }

    @Test
    void strippingNothingGivesAnEqualList() {
        PilgrimList valid = PilgrimListFixtures.valid();
        assertThat(PilgrimListMinimisation.without(valid, Set.of())).isEqualTo(valid);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StrippableField.class)
    void eachStrippableFieldIsGoneFromEveryFormAndTheResultIsStillAValidList(StrippableField field) {
        PilgrimList valid = PilgrimListFixtures.valid();
        assertThat(values(PilgrimListFixtures.TYPE.write(valid, PayloadType.JSON), field.path()))
                .as("the golden list has the field, or the test proves nothing")
                .isNotEmpty();

        PilgrimList stripped = PilgrimListFixtures.TYPE.minimise(valid, Set.of(field.path()));

        Payload json = PilgrimListFixtures.TYPE.write(stripped, PayloadType.JSON);
        assertThat(values(json, field.path())).isEmpty();
        assertThat(values(PilgrimListFixtures.TYPE.write(valid, PayloadType.JSON), field.path()))
                .as("the input is untouched")
                .isNotEmpty();
        for (PayloadType format : PilgrimListFixtures.TYPE.outboundFormats()) {
            Payload written = PilgrimListFixtures.TYPE.write(stripped, format);
            assertThat(PilgrimListFixtures.TYPE.validate(written))
                    .as(format.name())
                    .isEqualTo(stripped);
        }
    }

    @Test
    void everyStrippableFieldIsOfferedByTheMessageType() {
        assertThat(PilgrimListFixtures.TYPE.strippableFields())
                .containsExactlyInAnyOrderElementsOf(EnumSet.allOf(StrippableField.class).stream()
                        .map(StrippableField::path)
                        .toList());
    }

    @Test
    void aPathThatCannotBeStrippedIsRefusedNotIgnored() {
        PilgrimList valid = PilgrimListFixtures.valid();
        assertThatThrownBy(() -> PilgrimListFixtures.TYPE.minimise(valid, Set.of("pilgrims.nationalId")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pilgrims.nationalId");
        assertThatThrownBy(() -> PilgrimListFixtures.TYPE.minimise(valid, Set.of("pilgrims[*].passport")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The values at a path such as {@code pilgrims[*].mrz} in a written JSON payload. */
    private static List<JsonNode> values(Payload json, String path) {
        List<JsonNode> nodes = List.of(JSON.readTree(json.text()));
        for (String step : path.split("\\.")) {
            List<JsonNode> next = new ArrayList<>();
            boolean each = step.endsWith("[*]");
            String name = each ? step.substring(0, step.length() - 3) : step;
            for (JsonNode node : nodes) {
                JsonNode child = node.get(name);
                if (child == null || child.isNull()) {
                    continue;
                }
                if (each) {
                    child.forEach(next::add);
                } else {
                    next.add(child);
                }
            }
            nodes = next;
        }
        return nodes;
    }
}
