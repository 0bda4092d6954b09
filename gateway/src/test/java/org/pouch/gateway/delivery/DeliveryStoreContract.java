package org.pouch.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pouch.delivery.Delivery;
import org.pouch.delivery.DeliveryStatus;
import org.pouch.delivery.DeliveryStore;
import org.pouch.exchange.Content;
import org.pouch.exchange.ParticipantId;
import org.pouch.gateway.chunks.ChunkTable;
import org.pouch.spool.Spool;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the delivery store must do with sealed envelopes, on each database the gateway supports: keep one
 * of any size from a stream, give it back as a stream read a chunk at a time, and keep the first one
 * sealed when a delivery is prepared twice. Fresh ids in every test.
 */
abstract class DeliveryStoreContract {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ParticipantId IQ_MOI = ParticipantId.of("IQ-MOI");

    abstract DeliveryStore store();

    abstract JdbcClient jdbc();

    @Test
    void anEnvelopeOfSeveralChunksIsKeptFromAFileAndReadBackAsAStream() throws IOException {
        byte[] bytes = random(2 * ChunkTable.CHUNK_BYTES + 12_345);
        String exchangeId = exchange();
        try (Spool envelope = spooled(bytes)) {
            assertThat(envelope.onDisk()).isTrue();
            Delivery prepared = delivery(exchangeId, envelope);

            Delivery kept = store().prepare(prepared);

            assertThat(kept).isSameAs(prepared);
        }
        Delivery found = store().find(exchangeId).orElseThrow();
        assertThat(jdbc().sql("select count(*) from delivery_envelope_chunks where exchange_id = :id")
                        .param("id", exchangeId)
                        .query(Integer.class)
                        .single())
                .as("1 MiB chunks")
                .isEqualTo(3);
        assertThat(found.envelope().size()).isEqualTo(bytes.length);
        assertThat(read(found.envelope(), 0, bytes.length)).isEqualTo(bytes);
        int from = ChunkTable.CHUNK_BYTES - 10;
        assertThat(read(found.envelope(), from, 20)).isEqualTo(Arrays.copyOfRange(bytes, from, from + 20));
        assertThat(found.sealed()).isTrue();
    }

    @Test
    void preparingAgainKeepsTheEnvelopeSealedFirst() {
        String exchangeId = exchange();
        byte[] first = random(1000);
        store().prepare(delivery(exchangeId, Content.inMemory(first)));

        Delivery kept = store().prepare(delivery(exchangeId, Content.inMemory(random(1000))));

        assertThat(read(kept.envelope(), 0, 1000)).isEqualTo(first);
    }

    @Test
    void aPlaceholderIsReplacedWhenTheDeliveryIsPreparedAfterAll() {
        String exchangeId = exchange();
        Delivery placeholder = store().prepare(delivery(exchangeId, Delivery.NO_ENVELOPE));
        assertThat(placeholder.sealed()).isFalse();
        byte[] sealed = random(3000);

        Delivery kept = store().prepare(delivery(exchangeId, Content.inMemory(sealed)));

        assertThat(kept.sealed()).isTrue();
        assertThat(read(kept.envelope(), 0, 3000)).isEqualTo(sealed);
    }

    /** An accepted exchange for the delivery to refer to. */
    private String exchange() {
        String exchangeId = UUID.randomUUID().toString();
        jdbc().sql("""
                        insert into exchanges (exchange_id, message_id, sender, recipient, message_type,
                                               envelope_sha256, accepted_at, receipt)
                        values (:id, :id, 'PK-MOI', 'IQ-MOI', 'pilgrim-list', :sha, :at, :bytes)
                        """)
                .param("id", exchangeId)
                .param("sha", "0".repeat(64))
                .param("at", OffsetDateTime.now(ZoneOffset.UTC))
                .param("bytes", new byte[] {1})
                .update();
        return exchangeId;
    }

    private static Delivery delivery(String exchangeId, Content envelope) {
        return new Delivery(
                exchangeId,
                IQ_MOI,
                exchangeId,
                envelope,
                "0".repeat(64),
                "json",
                List.of(),
                DeliveryStatus.PENDING,
                0,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                Optional.empty(),
                Optional.empty());
    }

    private static Spool spooled(byte[] bytes) throws IOException {
        Spool.Writer writer = Spool.writer(64 * 1024);
        writer.write(bytes);
        return writer.finish();
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static byte[] read(Content content, long offset, int length) {
        try (InputStream in = content.openStream(offset, length)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
