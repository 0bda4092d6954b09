package org.pouch.gateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pouch.exchange.Content;
import org.pouch.gateway.chunks.ChunkTable;
import org.pouch.gateway.testing.EmbeddedPostgresExtension;
import org.pouch.gateway.testing.MigratedAsFarAs;
import org.pouch.intake.AcceptedExchange;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Migration 8 on each database: envelopes archived with the schema of version 7 (on H2 a blob since
 * migration 6, on PostgreSQL a {@code bytea}) read back byte for byte from their chunks afterwards, cut at
 * 1 MiB like new ones; a purged envelope stays without bytes; the old column is gone.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class EnvelopeInChunksTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void onH2EnvelopesArchivedAsBlobsReadBackIdenticallyFromTheirChunks() throws Exception {
        MigratedAsFarAs.onH2("7", (h2, rest) -> {
            assertThat(columnType(h2, "envelope"))
                    .as("migration 6 made it a blob")
                    .isEqualToIgnoringCase("binary large object");

            archivedBeforeMigration8ReadBackAfterIt(h2, rest);
        });
    }

    @Test
    void onPostgresEnvelopesArchivedAsByteaReadBackIdenticallyFromTheirChunks(DataSource postgres) throws Exception {
        MigratedAsFarAs.onPostgres(postgres, "7", (database, rest) -> {
            assertThat(columnType(database, "envelope")).isEqualTo("bytea");

            archivedBeforeMigration8ReadBackAfterIt(database, rest);
        });
    }

    private static void archivedBeforeMigration8ReadBackAfterIt(DataSource database, FluentConfiguration after)
            throws IOException, SQLException {
        JdbcClient jdbc = JdbcClient.create(database);
        byte[] large = random(2 * ChunkTable.CHUNK_BYTES + 12_345);
        byte[] exactlyOneChunk = random(ChunkTable.CHUNK_BYTES);
        byte[] small = random(700);
        String largeId = archiveBeforeMigration8(jdbc, large);
        String oneChunkId = archiveBeforeMigration8(jdbc, exactlyOneChunk);
        String smallId = archiveBeforeMigration8(jdbc, small);
        String purgedId = archiveBeforeMigration8(jdbc, null);

        after.load().migrate();

        JdbcExchangeLedger ledger = new JdbcExchangeLedger(jdbc);
        Content archived = ledger.findByExchangeId(largeId).orElseThrow().envelope();
        assertThat(archived.size()).isEqualTo(large.length);
        assertThat(read(archived, 0, large.length)).isEqualTo(large);
        int from = 2 * ChunkTable.CHUNK_BYTES - 100;
        assertThat(read(archived, from, 200)).isEqualTo(Arrays.copyOfRange(large, from, from + 200));
        assertThat(chunks(jdbc, largeId)).as("cut at 1 MiB, like new envelopes").isEqualTo(3);

        assertThat(read(ledger.findByExchangeId(oneChunkId).orElseThrow().envelope(), 0, exactlyOneChunk.length))
                .isEqualTo(exactlyOneChunk);
        assertThat(chunks(jdbc, oneChunkId)).isEqualTo(1);
        assertThat(read(ledger.findByExchangeId(smallId).orElseThrow().envelope(), 0, small.length))
                .isEqualTo(small);

        AcceptedExchange purged = ledger.findByExchangeId(purgedId).orElseThrow();
        assertThat(purged.envelope().size()).isZero();
        assertThat(purged.envelopeSha256()).isEqualTo(sha(purgedId));
        assertThat(chunks(jdbc, purgedId)).isZero();

        assertThat(columnType(database, "envelope"))
                .as("the old column is dropped")
                .isNull();
        assertThat(columnType(database, "envelope_size")).isNotNull();
    }

    /** An exchange accepted with the schema of version 7; a null envelope was purged past retention. */
    private static String archiveBeforeMigration8(JdbcClient jdbc, byte[] envelope) {
        String exchangeId = UUID.randomUUID().toString();
        OffsetDateTime acceptedAt = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                        insert into exchanges (exchange_id, message_id, sender, recipient, message_type,
                                               envelope_sha256, accepted_at, envelope, receipt, envelope_purged_at)
                        values (:id, :id, 'PK-MOI', 'IQ-MOI', 'pilgrim-list', :sha, :at, :envelope, :receipt,
                                :purgedAt)
                        """)
                .param("id", exchangeId)
                .param("sha", sha(exchangeId))
                .param("at", acceptedAt)
                .param("envelope", envelope)
                .param("receipt", new byte[] {4})
                .param("purgedAt", envelope == null ? acceptedAt : null)
                .update();
        return exchangeId;
    }

    private static String columnType(DataSource database, String column) {
        return JdbcClient.create(database)
                .sql("""
                        select data_type from information_schema.columns
                         where table_schema = current_schema and table_name = 'exchanges' and column_name = :column
                        """)
                .param("column", column)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private static int chunks(JdbcClient jdbc, String exchangeId) {
        return jdbc.sql("select count(*) from exchange_envelope_chunks where exchange_id = :id")
                .param("id", exchangeId)
                .query(Integer.class)
                .single();
    }

    private static byte[] read(Content content, long offset, int length) throws IOException {
        try (InputStream in = content.openStream(offset, length)) {
            return in.readAllBytes();
        }
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String sha(String exchangeId) {
        return (exchangeId.replace("-", "") + "0".repeat(64)).substring(0, 64);
    }
}
