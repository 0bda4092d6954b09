package org.pouch.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pouch.gateway.testing.GatewayTest;
import org.pouch.keys.KeyPurpose;
import org.pouch.keys.KeyRing;
import org.pouch.keys.RingId;
import org.pouch.testing.TestPki;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A change that an officer made through another node reaches this one on the gateway's schedule
 * ({@code pouch.key-rings.refresh-interval}, 5 s), with nothing on this node asking for it.
 */
@GatewayTest
class KeyRingRefreshTest {

    @Autowired
    JdbcKeyRingStore store;

    @Autowired
    LiveKeyRings live;

    @Test
    void aChangeWrittenByAnotherNodeIsLoadedOnTheSchedule() {
        RingId signing = new RingId(TestPki.GATEWAY, KeyPurpose.SIGNING);
        KeyRing stored = store.load(signing);

        // What another node's officer would write: the ring at its next version.
        store.save(stored, Map.of());

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(live.snapshot().rings().get(signing).version())
                                .isEqualTo(stored.version() + 1));
    }
}
