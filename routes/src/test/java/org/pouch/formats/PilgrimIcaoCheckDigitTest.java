package org.pouch.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Known answers from the ICAO 9303 specimen passport of Utopia (part 4, appendix A). */
class PilgrimIcaoCheckDigitTest {

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource({
        "document number, L898902C3, 6",
        "date of birth, 740812, 2",
        "expiry, 120415, 9",
        "optional data, ZE184226B<<<<<, 1",
        "composite, L898902C3674081221204159ZE184226B<<<<<1, 0",
        "all fillers, <<<<<<<<<<<<<<, 0"
    })
    void specimenFieldsHaveTheirPrintedCheckDigit(String field, String value, char expected) {
        assertThat(IcaoCheckDigit.of(value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"lower case, l898902c3", "space, L898 902", "hyphen, 35202-123"})
    void charactersOutsideTheZoneAlphabetAreRefused(String name, String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> IcaoCheckDigit.of(value));
    }
}
