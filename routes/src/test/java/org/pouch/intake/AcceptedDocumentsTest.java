package org.pouch.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.pouch.testing.TestPki.IQ_MOI;
import static org.pouch.testing.TestPki.PK_MOI;

import com.github.benmanes.caffeine.cache.Ticker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pouch.exchange.ExchangeDocument;
import org.pouch.exchange.Payload;
import org.pouch.exchange.PayloadType;
import org.pouch.spool.Spool;
import org.pouch.testing.TestDocuments;

class AcceptedDocumentsTest {

    private static final String SHA = "a".repeat(64);
    private static final int BUDGET = 64 * 1024;

    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final AcceptedDocuments documents = new AcceptedDocuments(BUDGET, Duration.ofMinutes(1), ticker);

    @Test
    void aHeldDocumentIsTakenOnceAsItWasVerified() {
        ExchangeDocument document = TestDocuments.json(PK_MOI, IQ_MOI);
        documents.hold("x-1", SHA, document);

        assertThat(documents.take("x-1", SHA)).hasValueSatisfying(taken -> {
            assertThat(taken.header()).isEqualTo(document.header());
            assertThat(taken.payload()).isEqualTo(document.payload());
        });
        assertThat(documents.take("x-1", SHA)).as("taken once").isEmpty();
        assertThat(documents.taken()).isEqualTo(1);
        assertThat(documents.missed()).isEqualTo(1);
    }

    @Test
    void aDocumentFromAnotherEnvelopeIsNotGivenOut() {
        documents.hold("x-1", SHA, TestDocuments.json(PK_MOI, IQ_MOI));

        assertThat(documents.take("x-1", "b".repeat(64))).isEmpty();
        assertThat(documents.take("x-1", SHA))
                .as("dropped by the mismatch, not kept")
                .isEmpty();
    }

    @Test
    void aReleasedDocumentIsGone() {
        documents.hold("x-1", SHA, TestDocuments.json(PK_MOI, IQ_MOI));

        documents.release("x-1");

        assertThat(documents.take("x-1", SHA)).isEmpty();
    }

    @Test
    void aDocumentOlderThanTheMaximumAgeIsDropped() {
        documents.hold("x-1", SHA, TestDocuments.json(PK_MOI, IQ_MOI));
        documents.hold("x-2", SHA, TestDocuments.json(PK_MOI, IQ_MOI));

        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(documents.take("x-1", SHA)).isPresent();
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(documents.take("x-2", SHA)).isEmpty();
    }

    @Test
    void anExpiredDocumentIsDroppedWhenNothingElseHappens() {
        AcceptedDocuments shortLived = new AcceptedDocuments(BUDGET, Duration.ofMillis(200));
        shortLived.hold("x-1", SHA, TestDocuments.json(PK_MOI, IQ_MOI));
        assertThat(shortLived.held()).isEqualTo(1);

        // No hold or take comes: the plaintext must not wait for one to be dropped.
        await().atMost(Duration.ofSeconds(10)).until(() -> shortLived.held() == 0);
    }

    @Test
    void aDocumentOverAQuarterOfTheBudgetIsNeverHeld() {
        documents.hold("x-1", SHA, withPayloadOf(BUDGET / 4 + 1));
        documents.hold("x-2", SHA, withPayloadOf(BUDGET / 4));

        assertThat(documents.take("x-1", SHA)).isEmpty();
        assertThat(documents.take("x-2", SHA)).isPresent();
    }

    @Test
    void whatIsHeldStaysWithinTheBudget() {
        int size = BUDGET / 8;
        IntStream.range(0, 40).forEach(i -> documents.hold("x-" + i, SHA, withPayloadOf(size)));

        long stillHeld = IntStream.range(0, 40)
                .filter(i -> documents.take("x-" + i, SHA).isPresent())
                .count();

        assertThat(stillHeld).isPositive().isLessThanOrEqualTo(BUDGET / size);
    }

    @Test
    void aDocumentReadFromASpoolOutlivesTheSpool(@TempDir Path directory) throws IOException {
        byte[] json = "{\"pilgrims\":[]}".getBytes(StandardCharsets.UTF_8);
        Spool spool;
        try (Spool.Writer writer = Spool.writer(directory, 0)) {
            writer.write(json);
            spool = writer.finish();
        }
        assertThat(spool.onDisk()).isTrue();
        ExchangeDocument document = TestDocuments.json(PK_MOI, IQ_MOI);
        documents.hold("x-1", SHA, new ExchangeDocument(document.header(), Payload.of(PayloadType.JSON, spool)));

        spool.close();

        assertThat(documents.take("x-1", SHA))
                .hasValueSatisfying(taken -> assertThat(taken.payload()).isEqualTo(Payload.of(PayloadType.JSON, json)));
    }

    @Test
    void noneHoldsNothing() {
        AcceptedDocuments none = AcceptedDocuments.none();
        none.hold("x-1", SHA, TestDocuments.json(PK_MOI, IQ_MOI));

        assertThat(none.take("x-1", SHA)).isEmpty();
    }

    private static ExchangeDocument withPayloadOf(int bytes) {
        String padding = "p".repeat(bytes - "{\"p\":\"\"}".length());
        return new ExchangeDocument(
                TestDocuments.json(PK_MOI, IQ_MOI).header(),
                Payload.of(PayloadType.JSON, "{\"p\":\"" + padding + "\"}"));
    }
}
