package org.pouch.gateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pouch.exchange.Payload;

class PilgrimListsTest {

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {1024, 10_240, 102_400, 1_048_576})
    void listsOfEachBenchmarkSizePassTheGuardAndComeCloseToTheSize(int bytes) {
        Payload payload = PilgrimLists.ofSize(bytes, 7);

        assertThat(PilgrimLists.passesTheGuard(payload)).isTrue();
        assertThat((double) payload.size()).isBetween(bytes * 0.9, bytes * 1.5);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void seedsMakeDifferentLists(long seed) {
        assertThat(PilgrimLists.ofSize(2048, seed)).isNotEqualTo(PilgrimLists.ofSize(2048, seed + 1));
    }
}
