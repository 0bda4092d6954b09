package org.pouch.gateway.chunks;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pouch.exchange.BlockReader;
import org.pouch.exchange.Content;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Content of any size kept in a table of chunks, {@code (exchange_id, chunk, bytes)}, one row per chunk:
 * written from a stream and read back one chunk per statement, so that neither costs more than a chunk
 * of memory on either database, and a stream being read holds no connection between chunks. A single
 * {@code bytea} column would not do: PostgreSQL's driver reads one whole, and H2 holds one whole while it
 * writes it. Writes join the caller's transaction, if there is one. Chunks are written once and never
 * change.
 */
public final class ChunkTable {

    /** Content is cut into chunks of this size: what one statement holds in memory. */
    public static final int CHUNK_BYTES = 1024 * 1024;

    /** A table name is spliced into the statements, so only plain lower-case names are taken. */
    private static final Pattern TABLE_NAME = Pattern.compile("[a-z][a-z_]*");

    private final JdbcClient jdbc;
    private final String table;

    /**
     * @param table a table with the columns {@code exchange_id}, {@code chunk} (an integer, from 0) and
     *     {@code bytes}
     */
    public ChunkTable(JdbcClient jdbc, String table) {
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("not a plain table name: " + table);
        }
        this.jdbc = Objects.requireNonNull(jdbc);
        this.table = table;
    }

    /** Writes the content as the exchange's chunks, read from the content's stream one chunk at a time. */
    public void write(String exchangeId, Content content) {
        try (InputStream in = content.openStream()) {
            write(exchangeId, in, content.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the content to keep in " + table, e);
        }
    }

    /**
     * Writes the next {@code size} bytes of the stream, which the caller closes, as the exchange's chunks.
     * Each chunk is bound as bytes, not as a stream: H2 keeps a bound stream as a temporary large object
     * first, even for a {@code bytea} column (written, copied into the row, then removed by a cleaner
     * thread), which cost more than the insert itself under load; a chunk is held in memory either way. A
     * column that is a large object on H2 (the ledger's) still makes one of the bytes.
     *
     * @throws EOFException if the stream ends before {@code size} bytes
     */
    public void write(String exchangeId, InputStream in, long size) throws IOException {
        long left = size;
        for (int chunk = 0; left > 0; chunk++) {
            int length = (int) Math.min(left, CHUNK_BYTES);
            byte[] bytes = in.readNBytes(length);
            if (bytes.length < length) {
                throw new EOFException("the content to keep in " + table + " ended " + (left - bytes.length)
                        + " bytes short of its size " + size);
            }
            jdbc.sql("insert into " + table + " (exchange_id, chunk, bytes) values (:exchangeId, :chunk, :bytes)")
                    .param("exchangeId", exchangeId)
                    .param("chunk", chunk)
                    .param("bytes", bytes)
                    .update();
            left -= length;
        }
    }

    /**
     * The exchange's content of {@code size} bytes, read from its chunks each time a stream of it is read.
     * Nothing is read until then; a stream that reaches a chunk no longer there fails with an
     * {@link IOException}.
     */
    public Content read(String exchangeId, long size) {
        return new Chunked(exchangeId, size);
    }

    private Optional<byte[]> chunk(String exchangeId, int number) {
        return jdbc.sql("select bytes from " + table + " where exchange_id = :exchangeId and chunk = :chunk")
                .param("exchangeId", exchangeId)
                .param("chunk", number)
                .query(byte[].class)
                .optional();
    }

    private final class Chunked implements Content {

        private final String exchangeId;
        private final long size;

        Chunked(String exchangeId, long size) {
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
            // Chunks may differ in size (content moved in from a single column may be one chunk): read
            // from the first.
            return new BlockReader(offset, length) {
                private int next;

                @Override
                protected byte[] nextBlock() throws IOException {
                    int number = next++;
                    return chunk(exchangeId, number)
                            .orElseThrow(() -> new IOException("chunk " + number + " of exchange " + exchangeId
                                    + " is not in " + table + ": the content was removed, or ends early"));
                }
            };
        }
    }
}
