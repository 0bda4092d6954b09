package org.pouch.gateway.chunks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pouch.exchange.Content;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The chunk writer and reader on their own, over an in-memory H2 table (the stores' contract tests run them
 * on both databases): where chunks are cut, reads from an offset, a chunk gone, content shorter than
 * its size, and a table name that could smuggle SQL.
 */
class ChunkTableTest {

    private Connection keptOpen;
    private JdbcClient jdbc;
    private ChunkTable chunks;

    @BeforeEach
    void createTable() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:chunk-table-" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        keptOpen = h2.getConnection();
        jdbc = JdbcClient.create(h2);
        jdbc.sql("create table some_chunks (exchange_id varchar(64), chunk integer, bytes bytea,"
                        + " primary key (exchange_id, chunk))")
                .update();
        chunks = new ChunkTable(jdbc, "some_chunks");
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        keptOpen.close();
    }

    @Test
    void contentIsCutAtOneMebibyteAndReadsBackFromAnyOffset() throws IOException {
        byte[] bytes = random(2 * ChunkTable.CHUNK_BYTES + 1);

        chunks.write("x", Content.inMemory(bytes));

        assertThat(jdbc.sql("select octet_length(bytes) from some_chunks where exchange_id = 'x' order by chunk")
                        .query(Long.class)
                        .list())
                .containsExactly((long) ChunkTable.CHUNK_BYTES, (long) ChunkTable.CHUNK_BYTES, 1L);
        Content read = chunks.read("x", bytes.length);
        assertThat(read(read, 0, bytes.length)).isEqualTo(bytes);
        int from = ChunkTable.CHUNK_BYTES - 3;
        assertThat(read(read, from, ChunkTable.CHUNK_BYTES + 4))
                .isEqualTo(Arrays.copyOfRange(bytes, from, bytes.length));
        assertThat(read(read, bytes.length, 0)).isEmpty();
    }

    @Test
    void aStreamThatReachesAChunkNoLongerThereFails() throws IOException {
        byte[] bytes = random(ChunkTable.CHUNK_BYTES + 10);
        chunks.write("x", Content.inMemory(bytes));
        Content read = chunks.read("x", bytes.length);

        try (InputStream in = read.openStream()) {
            assertThat(in.readNBytes(10)).isEqualTo(Arrays.copyOf(bytes, 10));
            jdbc.sql("delete from some_chunks where exchange_id = 'x'").update();

            assertThatIOException()
                    .isThrownBy(in::readAllBytes)
                    .withMessageContaining("chunk 1 of exchange x is not in some_chunks");
        }
    }

    @Test
    void aStreamThatEndsBeforeItsSizeIsRefusedNotKeptShort() {
        byte[] bytes = random(ChunkTable.CHUNK_BYTES + 10);

        assertThatExceptionOfType(EOFException.class)
                .isThrownBy(() -> chunks.write("x", new ByteArrayInputStream(bytes), bytes.length + 5L))
                .withMessageContaining("ended 5 bytes short of its size " + (bytes.length + 5L));
        // The chunks before the end are the caller's to roll back with its transaction; none is short.
        assertThat(jdbc.sql("select octet_length(bytes) from some_chunks where exchange_id = 'x'")
                        .query(Long.class)
                        .list())
                .containsExactly((long) ChunkTable.CHUNK_BYTES);
    }

    @Test
    void aTableNameThatIsNotAPlainNameIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ChunkTable(jdbc, "some_chunks where 1 = 1; drop table exchanges; --"));
        assertThatIllegalArgumentException().isThrownBy(() -> new ChunkTable(jdbc, "Some_Chunks"));
    }

    private static byte[] read(Content content, long offset, int length) throws IOException {
        try (InputStream in = content.openStream(offset, length)) {
            return in.readAllBytes();
        }
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new SplittableRandom(length).nextBytes(bytes);
        return bytes;
    }
}
