package org.pouch.gateway.embeddeddatabase;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2CompactionTest {

    private static final int MESSAGES = 1_500;

    @TempDir
    Path directory;

    @Test
    void withoutCompactionEveryCommitLeavesAChunkBehind() throws SQLException {
        JdbcDataSource database = h2File("plain", "WRITE_DELAY=0;RETENTION_TIME=0");
        try (Connection connection = database.getConnection()) {
            writeLikeTheGateway(connection, () -> {});

            assertThat(chunkCount(connection)).isGreaterThan(MESSAGES);
        }
    }

    @Test
    void compactionKeepsTheChunkCountFromGrowingWithTheMessages() throws SQLException {
        JdbcDataSource database = h2File("compacted", "WRITE_DELAY=0;RETENTION_TIME=0");
        try (Connection connection = database.getConnection()) {
            MVStore store = H2Compaction.storeNeedingCompaction(connection).orElseThrow();
            List<Integer> chunksAfterEachCompaction = new ArrayList<>();
            int[] written = {0};
            writeLikeTheGateway(connection, () -> {
                if (++written[0] % 300 == 0) {
                    H2Compaction.compact(store);
                    chunksAfterEachCompaction.add(chunkCount(connection));
                }
            });

            assertThat(chunksAfterEachCompaction).hasSize(MESSAGES / 300);
            int first = chunksAfterEachCompaction.get(0);
            assertThat(chunksAfterEachCompaction)
                    .allSatisfy(count -> assertThat(count)
                            .as("chunks after compacting, in order: %s", chunksAfterEachCompaction)
                            .isLessThanOrEqualTo(first * 3 / 2));
            try (ResultSet rows = connection.createStatement().executeQuery("select count(*) from exchanges")) {
                rows.next();
                assertThat(rows.getInt(1)).as("nothing lost to compaction").isEqualTo(MESSAGES);
            }
        }
    }

    @Test
    void onlyAFileWrittenAtEveryCommitNeedsIt() throws SQLException {
        assertThat(needsCompaction(h2File("delayed", "WRITE_DELAY=500")))
                .as("H2's background writer compacts")
                .isFalse();
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:compaction;WRITE_DELAY=0");
        assertThat(needsCompaction(memory)).as("in memory").isFalse();
        assertThat(needsCompaction(h2File("at-once", "WRITE_DELAY=0"))).isTrue();
    }

    private static boolean needsCompaction(JdbcDataSource database) throws SQLException {
        try (Connection connection = database.getConnection()) {
            return H2Compaction.storeNeedingCompaction(connection).isPresent();
        }
    }

    /** Rows of an envelope's size inserted, then updated, one commit each, as the ledger and delivery do. */
    private static void writeLikeTheGateway(Connection connection, Runnable afterEachMessage) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute(
                    "create table exchanges (id bigint primary key, status varchar(20), envelope varbinary(20000))");
        }
        byte[] envelope = new byte[10_000];
        new Random(8).nextBytes(envelope);
        try (PreparedStatement insert = connection.prepareStatement("insert into exchanges values (?, 'PENDING', ?)");
                PreparedStatement update =
                        connection.prepareStatement("update exchanges set status = 'DELIVERED' where id = ?")) {
            for (int id = 0; id < MESSAGES; id++) {
                insert.setLong(1, id);
                insert.setBytes(2, envelope);
                insert.executeUpdate();
                update.setLong(1, id);
                update.executeUpdate();
                afterEachMessage.run();
            }
        }
    }

    private static int chunkCount(Connection connection) {
        try (ResultSet setting = connection
                .createStatement()
                .executeQuery("select setting_value from information_schema.settings"
                        + " where setting_name = 'info.CHUNK_COUNT'")) {
            setting.next();
            return Integer.parseInt(setting.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private JdbcDataSource h2File(String name, String settings) {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:file:" + directory.resolve(name) + ";" + settings);
        return database;
    }
}
