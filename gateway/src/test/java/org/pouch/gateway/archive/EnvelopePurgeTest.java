package org.pouch.gateway.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pouch.audit.AuditEventType;
import org.pouch.audit.AuditTrail;
import org.pouch.exchange.Content;
import org.pouch.gateway.testing.GatewayTest;
import org.pouch.intake.AcceptedExchange;
import org.pouch.intake.ExchangeLedger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Envelopes past retention lose their bytes (their chunks) and keep their digest, and the purge is in the audit log;
 * younger envelopes, and any exchange still waiting for delivery, keep theirs.
 */
@GatewayTest
class EnvelopePurgeTest {

    @Autowired
    EnvelopePurge purge;

    @Autowired
    ArchiveProperties archive;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcTemplate database;

    @Autowired
    ExchangeLedger ledger;

    @Test
    void onlyEnvelopesPastRetentionAndDoneWithArePurgedAndEachPurgeIsAudited() {
        Instant pastRetention = Instant.now().minus(archive.retention()).minus(Duration.ofDays(1));
        String old = exchange(pastRetention, "DELIVERED");
        String oldUndelivered = exchange(pastRetention, "PENDING");
        String oldDeadLetter = exchange(pastRetention, "DEAD_LETTERED");
        String young = exchange(Instant.now().minus(Duration.ofDays(1)), "DELIVERED");
        sealedForTheRecipient(old);
        sealedForTheRecipient(young);

        int purged = purge.purge();

        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(chunks(old)).as("the envelope's chunks are deleted").isZero();
        assertThat(database.queryForObject(
                        "select envelope_size from exchanges where exchange_id = ?", Long.class, old))
                .isZero();
        assertThat(database.queryForObject(
                        "select envelope_sha256 from exchanges where exchange_id = ?", String.class, old))
                .isEqualTo(sha(old));
        assertThat(chunks(oldUndelivered)).isEqualTo(2);
        assertThat(chunks(oldDeadLetter)).as("an operator may still replay it").isEqualTo(2);
        assertThat(chunks(young)).isEqualTo(2);
        assertThat(sealedChunks(old))
                .as("the sealed copy goes with the archived one")
                .isZero();
        assertThat(database.queryForObject(
                        "select envelope_sha256 from deliveries where exchange_id = ?", String.class, old))
                .isEqualTo(sha(old));
        assertThat(sealedChunks(young)).isEqualTo(1);
        assertThat(audit.forExchange(old)).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(AuditEventType.ADMIN_ACTION);
            assertThat(event.step()).isEqualTo(EnvelopePurge.STEP);
            assertThat(event.envelopeSha256()).contains(sha(old));
            assertThat(event.details()).containsEntry("action", "envelope-purged");
        });
        assertThat(audit.forExchange(oldUndelivered)).isEmpty();

        // Purged once: a second run finds nothing more to do for it.
        purge.purge();
        assertThat(audit.forExchange(old)).hasSize(1);
    }

    @Test
    void aPurgedEnvelopeHasNoBytesAndOneFoundBeforeThePurgeNoLongerReads() throws IOException {
        String old = exchange(Instant.now().minus(archive.retention()).minus(Duration.ofDays(1)), "DELIVERED");
        Content foundBefore = ledger.findByExchangeId(old).orElseThrow().envelope();
        try (InputStream in = foundBefore.openStream()) {
            assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
        }

        purge.purge();

        AcceptedExchange foundAfter = ledger.findByExchangeId(old).orElseThrow();
        assertThat(foundAfter.envelope().size()).isZero();
        assertThat(foundAfter.envelopeSha256()).isEqualTo(sha(old));
        assertThatIOException().isThrownBy(() -> {
            try (InputStream in = foundBefore.openStream()) {
                in.readAllBytes();
            }
        });
    }

    /** An accepted exchange, its envelope in two chunks, whose delivery stands at {@code deliveryStatus}. */
    private String exchange(Instant acceptedAt, String deliveryStatus) {
        String exchangeId = UUID.randomUUID().toString();
        database.update(
                """
                insert into exchanges (exchange_id, message_id, sender, recipient, message_type, envelope_sha256,
                                       accepted_at, envelope_size, receipt)
                values (?, ?, 'PK-MOI', 'IQ-MOI', 'pilgrim-list', ?, ?, 3, ?)
                """,
                exchangeId,
                "purge-" + exchangeId,
                sha(exchangeId),
                OffsetDateTime.ofInstant(acceptedAt, ZoneOffset.UTC),
                new byte[] {4});
        for (int chunk = 0; chunk < 2; chunk++) {
            database.update(
                    "insert into exchange_envelope_chunks (exchange_id, chunk, bytes) values (?, ?, ?)",
                    exchangeId,
                    chunk,
                    chunk == 0 ? new byte[] {1, 2} : new byte[] {3});
        }
        database.update(
                """
                insert into deliveries (exchange_id, recipient, message_id, envelope_size, envelope_sha256,
                                        format, stripped, status, attempts, budget_since, updated_at)
                values (?, 'IQ-MOI', ?, 0, ?, 'json', '', ?, 1, ?, ?)
                """,
                exchangeId,
                exchangeId,
                sha(exchangeId),
                deliveryStatus,
                OffsetDateTime.ofInstant(acceptedAt, ZoneOffset.UTC),
                OffsetDateTime.ofInstant(acceptedAt, ZoneOffset.UTC));
        return exchangeId;
    }

    /** The envelope delivery sealed for the recipient, as the delivery store keeps it. */
    private void sealedForTheRecipient(String exchangeId) {
        database.update("update deliveries set envelope_size = 3 where exchange_id = ?", exchangeId);
        database.update(
                "insert into delivery_envelope_chunks (exchange_id, chunk, bytes) values (?, 0, ?)",
                exchangeId,
                new byte[] {7, 8, 9});
    }

    private int sealedChunks(String exchangeId) {
        return database.queryForObject(
                "select count(*) from delivery_envelope_chunks where exchange_id = ?", Integer.class, exchangeId);
    }

    private int chunks(String exchangeId) {
        return database.queryForObject(
                "select count(*) from exchange_envelope_chunks where exchange_id = ?", Integer.class, exchangeId);
    }

    private static String sha(String exchangeId) {
        return (exchangeId.replace("-", "") + "0".repeat(64)).substring(0, 64);
    }
}
