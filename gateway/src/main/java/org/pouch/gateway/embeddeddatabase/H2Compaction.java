package org.pouch.gateway.embeddeddatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Compacts the embedded H2 file on a schedule, the work H2's background writer does when it runs.
 *
 * <p>The embedded defaults set {@code WRITE_DELAY=0} so that a commit is in the file before the receipt
 * goes out. H2 then writes one chunk per commit and stops its background writer, which is also what frees
 * dead chunks and rewrites the nearly dead ones. Without it every chunk stays: the file grows several
 * times faster than the rows, and the chunk records grow the heap without bound (a 30-minute run at 20
 * messages/s: 36,000 messages, a 10 GB file, heap after GC up by 30 MB). With this, the number of chunks
 * levels off at about what the retention time (45 s by default) holds.
 *
 * <p>Does nothing for PostgreSQL, an in-memory H2, or an H2 whose background writer runs.
 */
@Component
class H2Compaction implements SchedulingConfigurer {

    private static final Logger LOG = LoggerFactory.getLogger(H2Compaction.class);

    /** Chunks less full than this are rewritten: H2's own default for its background compaction. */
    private static final int TARGET_FILL_RATE = 90;

    /** At most this much is rewritten per run, so a run takes tens of milliseconds, not seconds. */
    private static final int MAX_REWRITE_BYTES = 16 * 1024 * 1024;

    private final DataSource dataSource;
    private final Duration interval;
    private volatile boolean scheduled;

    H2Compaction(DataSource dataSource, EmbeddedDatabaseProperties properties) {
        this.dataSource = dataSource;
        this.interval = properties.compactInterval();
    }

    /**
     * The H2 file store behind this connection, if it is one we must compact. Looked up on every run, not
     * kept: H2 closes the store when the last connection closes and opens a new one with the next.
     */
    static Optional<MVStore> storeNeedingCompaction(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)
                || session.getDatabase().getStore() == null) {
            // Not H2, or a remote H2, which compacts in its own process.
            return Optional.empty();
        }
        MVStore store = session.getDatabase().getStore().getMvStore();
        boolean inFile = store.getFileStore() != null
                && !store.getFileStore().getFileName().isEmpty();
        return inFile && store.getAutoCommitDelay() == 0 ? Optional.of(store) : Optional.empty();
    }

    static void compact(MVStore store) {
        store.compact(TARGET_FILL_RATE, MAX_REWRITE_BYTES);
    }

    /** Schedules compaction if the database is an H2 file written at every commit; else nothing. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        try (Connection connection = dataSource.getConnection()) {
            if (storeNeedingCompaction(connection).isEmpty()) {
                return;
            }
        } catch (SQLException e) {
            LOG.warn("cannot tell whether the database needs compacting, so it will not be: {}", e.toString());
            return;
        }
        registrar.addFixedDelayTask(new FixedDelayTask(this::compactNow, interval, interval));
        scheduled = true;
    }

    /** Whether compaction was scheduled. */
    boolean scheduled() {
        return scheduled;
    }

    private void compactNow() {
        try (Connection connection = dataSource.getConnection()) {
            storeNeedingCompaction(connection).ifPresent(H2Compaction::compact);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("H2 compaction failed, retrying at the next interval: {}", e.toString());
        }
    }
}
