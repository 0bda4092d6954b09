package org.pouch.gateway.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.Context;
import org.pouch.gateway.chunks.ChunkTable;
import org.pouch.gateway.migrations.VersionedJavaMigration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Migration 8: the archived envelope moves out of {@code exchanges.envelope} into 1 MiB chunks of its own
 * ({@code exchange_envelope_chunks}), as the delivery store's sealed envelopes did in migration 7, and the
 * row keeps the envelope's size. PostgreSQL's driver reads a {@code bytea} whole, so a 50 MB envelope cost
 * 50 MB of heap each time it was read; chunks are read one per statement on both databases.
 *
 * <p>On H2 a chunk is a blob, as the envelope was since migration 6: the ledger writes an envelope's chunks
 * in the transaction that also records a list's 200,000 overstay rows, and H2 holds the pages of binary
 * values in a table on the heap until it writes them, some 20 MB at a time serialised into one buffer: 50 MB
 * of 1 MiB {@code bytea} chunks ran a gateway at {@code -Xmx256m} out of memory so. Its blobs go to its LOB
 * store in small blocks instead. The chunk writer and reader are the same for both column types.
 *
 * <p>Existing envelopes are cut into chunks of the same size as new ones, never moved as one chunk: they are
 * kept for the whole retention period, and one large chunk would be read whole. How the old column is read
 * is the one difference between the databases. PostgreSQL cuts its {@code bytea} itself ({@code substring}
 * in one statement; the bytes never reach the JVM). H2's {@code substring} reads a whole blob into memory
 * for every slice, but its blob streams, so on H2 each envelope goes from the blob's stream through the
 * ledger's own chunk writer. Then the old column is emptied (which releases H2's blobs and lets PostgreSQL's
 * vacuum reclaim the old values) and dropped, on both. A Java migration for that one difference; Flyway runs
 * it by the version declared here.
 */
@Component
class EnvelopeInChunks extends VersionedJavaMigration {

    EnvelopeInChunks() {
        super("8", "archived envelope in chunks");
    }

    @Override
    public void migrate(Context context) throws SQLException, IOException {
        Connection connection = context.getConnection();
        boolean h2 = connection.getMetaData().getDatabaseProductName().equals("H2");
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    create table exchange_envelope_chunks (
                        exchange_id  varchar(64) not null references exchanges (exchange_id),
                        chunk        integer     not null,
                        bytes        %s          not null,
                        primary key (exchange_id, chunk)
                    )
                    """.formatted(h2 ? "binary large object" : "bytea"));
            // 0 once the envelope is purged past its retention period, as octet_length(null) read before.
            statement.execute("alter table exchanges add column envelope_size bigint default 0 not null");
            statement.execute("update exchanges set envelope_size = octet_length(envelope) where envelope is not null");
        }
        if (h2) {
            moveThroughTheChunkWriter(connection);
        } else {
            cutInTheDatabase(connection);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("update exchanges set envelope = null where envelope is not null");
            statement.execute("alter table exchanges drop column envelope");
        }
    }

    private static void cutInTheDatabase(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into exchange_envelope_chunks (exchange_id, chunk, bytes)
                select exchange_id, chunk, substring(envelope from chunk * ? + 1 for ?)
                  from exchanges, generate_series(0, (octet_length(envelope) - 1) / ?) as chunk
                 where octet_length(envelope) > 0
                """)) {
            insert.setInt(1, ChunkTable.CHUNK_BYTES);
            insert.setInt(2, ChunkTable.CHUNK_BYTES);
            insert.setInt(3, ChunkTable.CHUNK_BYTES);
            insert.executeUpdate();
        }
    }

    private static void moveThroughTheChunkWriter(Connection connection) throws SQLException, IOException {
        // The migration's own connection and transaction; Flyway closes the connection, not the writer.
        ChunkTable chunks = new ChunkTable(
                JdbcClient.create(new SingleConnectionDataSource(connection, true)),
                JdbcExchangeLedger.ENVELOPE_CHUNKS);
        try (Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery("""
                        select exchange_id, envelope_size, envelope
                          from exchanges where octet_length(envelope) > 0
                        """)) {
            while (rows.next()) {
                try (InputStream envelope = rows.getBinaryStream("envelope")) {
                    chunks.write(rows.getString("exchange_id"), envelope, rows.getLong("envelope_size"));
                }
            }
        }
    }
}
