package org.pouch.gateway.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
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
        return new ChunkReader(offset, length);
    }

    private Optional<byte[]> chunk(int number) {
        return jdbc.sql("select bytes from delivery_envelope_chunks where exchange_id = :exchangeId and chunk = :chunk")
                .param("exchangeId", exchangeId)
                .param("chunk", number)
                .query(byte[].class)
                .optional();
    }

    /** Reads the chunks in order; chunks may differ in size (those migrated from before are one each). */
    private final class ChunkReader extends InputStream {

        private int next;
        private byte[] chunk = new byte[0];
        private int position;
        private long toSkip;
        private long remaining;

        ChunkReader(long offset, long length) {
            this.toSkip = offset;
            this.remaining = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, bytes.length);
            if (remaining == 0) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            while (position == chunk.length || toSkip > 0) {
                if (position == chunk.length) {
                    chunk = chunk(next).orElseThrow(() -> new IOException("the stored envelope ends early"));
                    next++;
                    position = 0;
                }
                int skipped = (int) Math.min(toSkip, chunk.length - position);
                position += skipped;
                toSkip -= skipped;
            }
            int take = (int) Math.min(Math.min(length, chunk.length - position), remaining);
            System.arraycopy(chunk, position, bytes, offset, take);
            position += take;
            remaining -= take;
            return take;
        }
    }
}
