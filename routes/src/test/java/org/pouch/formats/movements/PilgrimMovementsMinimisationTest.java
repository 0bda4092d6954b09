package org.pouch.formats.movements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;

class PilgrimMovementsMinimisationTest {

    private static final String NAME_NATIVE = StrippableField.MOVEMENTS_TRAVELLER_NAME_NATIVE.path();

    @Test
    void strippingNativeNamesLeavesPassportsNamesAndTimes() {
        PilgrimMovements valid = PilgrimMovementsFixtures.valid();
        assertThat(valid.movements())
                .anySatisfy(m -> assertThat(m.traveller().nameNative()).isNotNull());

        PilgrimMovements stripped = PilgrimMovementsFixtures.TYPE.minimise(valid, Set.of(NAME_NATIVE));

        assertThat(stripped.movements())
                .allSatisfy(m -> assertThat(m.traveller().nameNative()).isNull());
        assertThat(stripped.movements())
                .extracting(m -> m.traveller().passportNumber(), Movement::direction, Movement::time)
                .containsExactlyElementsOf(valid.movements().stream()
                        .map(m -> org.assertj.core.groups.Tuple.tuple(
                                m.traveller().passportNumber(), m.direction(), m.time()))
                        .toList());
        assertThat(valid.movements())
                .as("the input is untouched")
                .anySatisfy(m -> assertThat(m.traveller().nameNative()).isNotNull());
        for (PayloadType format : PilgrimMovementsFixtures.TYPE.outboundFormats()) {
            Payload written = PilgrimMovementsFixtures.TYPE.write(stripped, format);
            assertThat(written.text()).doesNotContain("nameNative");
            assertThat(PilgrimMovementsFixtures.TYPE.validate(written)).isEqualTo(stripped);
        }
    }

    @Test
    void theNativeNameIsTheOnlyStrippableField() {
        assertThat(PilgrimMovementsFixtures.TYPE.strippableFields()).containsExactly(NAME_NATIVE);
    }

    @Test
    void aPathThatCannotBeStrippedIsRefusedNotIgnored() {
        PilgrimMovements valid = PilgrimMovementsFixtures.valid();
        assertThatThrownBy(() ->
                        PilgrimMovementsFixtures.TYPE.minimise(valid, Set.of("movements[*].traveller.passportNumber")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("passportNumber");
    }
}
