package org.pouch.gateway.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pouch.gateway.PouchProperties;
import org.pouch.testing.TestPki;
import org.springframework.util.unit.DataSize;

class SoapEdgePropertiesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0B", "-1B", "1025MB"})
    void envelopeSizeOutsideItsRangeIsRefusedAtStartup(String size) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SoapEdgeProperties(DataSize.parse(size)))
                .withMessageContaining("pouch.soap.max-envelope-size");
    }

    @Test
    void requestLimitHoldsTheLargestEnvelopeInlineFoldedIntoLines() {
        int maxEnvelope = 3 * 1024 * 1024 + 1;
        int folded =
                Base64.getMimeEncoder().encodeToString(new byte[maxEnvelope]).length();

        assertThat(SoapEdgeConfiguration.maxRequestBytes(maxEnvelope)).isGreaterThan(folded + 1024L);
    }

    @Test
    void unsetTheSoapLimitIsTheGatewaysEnvelopeLimit() {
        PouchProperties pouch = new PouchProperties(TestPki.GATEWAY, Duration.ofMinutes(10), DataSize.ofMegabytes(256));

        assertThat(new SoapEdgeProperties(null).maxEnvelopeBytes(pouch))
                .isEqualTo(DataSize.ofMegabytes(256).toBytes());
        assertThat(new SoapEdgeProperties(DataSize.ofMegabytes(2)).maxEnvelopeBytes(pouch))
                .isEqualTo(DataSize.ofMegabytes(2).toBytes());
    }
}
