package org.pouch.gateway.embeddeddatabase;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pouch.gateway.testing.GatewayTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The gateway's own H2 file, written at every commit as the embedded defaults do, is compacted. */
@GatewayTest
class H2CompactionInTheGatewayTest {

    @Autowired
    H2Compaction compaction;

    @Test
    void runsForTheEmbeddedDatabase() {
        assertThat(compaction.scheduled()).isTrue();
    }
}
