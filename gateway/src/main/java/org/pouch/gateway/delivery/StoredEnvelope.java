package org.pouch.gateway.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import org.pouch.exchange.BlockReader;
import org.pouch.exchange.Content;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A sealed envelope as the store holds it: chunks in {@code delivery_envelope_chunks}, fetched one at a
 * time as the stream is read, so an envelope of any size costs one chunk of memory. Chunks are written
 * once, with the delivery, and never change: each is read in a statement of its own.
 */
final class StoredEnvelope implements Content {

    private final JdbcClient jdbc;
    private final String exchangeId;
    private final long size;

    StoredEnvelope(JdbcClient jdbc, String exchangeId, long size) {
        this.jdbc = jdbc;
        this.exchangeId = exchangeId;
        this.size = size;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public InputStream openStream(long offset, long length) {
        Objects.checkFromIndexSize(offset, length, size);
        // Chunks may differ in size (those migrated from before are one each): read from the first.
        return new BlockReader(offset, length) {
            private int next;

            @Override
            protected byte[] nextBlock() throws IOException {
                return chunk(next++).orElseThrow(() -> new IOException("the stored envelope ends early"));
            }
        };
    }

    private Optional<byte[]> chunk(int number) {
        return jdbc.sql("select bytes from delivery_envelope_chunks where exchange_id = :exchangeId and chunk = :chunk")
                .param("exchangeId", exchangeId)
                .param("chunk", number)
                .query(byte[].class)
                .optional();
    }
}
