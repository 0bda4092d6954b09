package org.pouch.gateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pouch.exchange.Content;
import org.pouch.gateway.chunks.ChunkTable;
import org.pouch.gateway.testing.EmbeddedPostgresExtension;
import org.pouch.intake.AcceptedExchange;
import org.pouch.intake.ExchangeLedger;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The same ledger on PostgreSQL 17, the production database. */
@ExtendWith(EmbeddedPostgresExtension.class)
class ExchangeLedgerOnPostgresTest extends ExchangeLedgerContract {

    static ExchangeLedger ledger;
    static JdbcClient jdbc;

    @BeforeAll
    static void connect(DataSource postgres) {
        jdbc = JdbcClient.create(postgres);
        ledger = new JdbcExchangeLedger(jdbc);
    }

    @Override
    ExchangeLedger ledger() {
        return ledger;
    }

    /**
     * The data source here opens a connection per statement and has no pool, so a connection still open is
     * one a stream holds: there is none between two chunks, where a {@code bytea} read as a stream would
     * have held one until the stream was closed.
     */
    @Test
    void aStreamHalfReadHoldsNoConnection() throws IOException {
        byte[] envelope = new byte[2 * ChunkTable.CHUNK_BYTES + 3];
        Arrays.fill(envelope, (byte) 7);
        AcceptedExchange recorded =
                withEnvelope(exchange(PK_MOI, UUID.randomUUID().toString()), envelope);
        ledger.record(recorded);
        Content archived =
                ledger.findByExchangeId(recorded.exchangeId()).orElseThrow().envelope();

        try (InputStream in = archived.openStream()) {
            assertThat(in.readNBytes(ChunkTable.CHUNK_BYTES + 10)).hasSize(ChunkTable.CHUNK_BYTES + 10);

            await().untilAsserted(() ->
                    assertThat(jdbc.sql("""
                                    select count(*) from pg_stat_activity
                                     where backend_type = 'client backend' and pid <> pg_backend_pid()
                                    """).query(Integer.class).single()).isZero());
            assertThat(in.readAllBytes()).hasSize(ChunkTable.CHUNK_BYTES - 7);
        }
    }
}
