package org.pouch.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pouch.exchange.PayloadType;

class RecipientFormatsTest {

    @Test
    void theDirectoryNamesEachDeliveredFormInLowerCase() {
        assertThat(RecipientFormats.of("json")).isEqualTo(PayloadType.JSON);
        assertThat(RecipientFormats.of("xml")).isEqualTo(PayloadType.XML);
        assertThat(RecipientFormats.of("csv")).isEqualTo(PayloadType.CSV);
        assertThat(RecipientFormats.of("calendar")).isEqualTo(PayloadType.CALENDAR);
    }

    @Test
    void anUnknownFormatIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> RecipientFormats.of("edifact"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("calendar");
    }
}
