package org.pouch.gateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pouch.exchange.Header;

class SinkTest {

    @Test
    void aHeaderWithoutAnOriginIsTheSendersOwn() {
        Header header = new Header(
                "m-1", "pilgrim-list", "1.0", BenchPki.SENDER, BenchPki.RECIPIENT, Instant.now(), Optional.empty());

        assertThat(Sink.submittedMessageId(header)).isEqualTo("m-1");
    }
}
