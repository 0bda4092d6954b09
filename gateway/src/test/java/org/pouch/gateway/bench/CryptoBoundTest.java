package org.pouch.gateway.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pouch.certificates.KeySuite;

class CryptoBoundTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(KeySuite.class)
    void everyMessageOfTheWorkloadGoesThroughTheGatewaysCryptography(KeySuite suite) {
        BenchPki pki = BenchFixtures.pki(suite);
        Workload workload = Workload.seal(pki, 4, 2048, done -> {});
        CryptoBound bound = new CryptoBound(pki);

        for (int i = 0; i < workload.size(); i++) {
            int index = i;
            assertThatCode(() -> bound.process(workload.get(index).envelope(), index))
                    .doesNotThrowAnyException();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(KeySuite.class)
    void theBoundCountsWhatItProcessed(KeySuite suite) throws InterruptedException {
        BenchPki pki = BenchFixtures.pki(suite);
        Workload workload = Workload.seal(pki, 2, 2048, done -> {});

        CryptoBound.Result result = new CryptoBound(pki).measure(workload, 2, 0, 200);

        assertThat(result.threads()).isEqualTo(2);
        assertThat(result.messages()).isPositive();
        assertThat(result.messagesPerSecond()).isEqualTo(result.messages() / result.seconds());
    }
}
