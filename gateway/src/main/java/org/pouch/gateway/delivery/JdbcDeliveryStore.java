package org.pouch.gateway.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.pouch.delivery.Delivery;
import org.pouch.delivery.DeliveryAttempt;
import org.pouch.delivery.DeliveryStatus;
import org.pouch.delivery.DeliveryStore;
import org.pouch.exchange.ParticipantId;
import org.pouch.gateway.chunks.ChunkTable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deliveries in the {@code deliveries} and {@code delivery_attempts} tables, the sealed envelopes in
 * {@code delivery_envelope_chunks}, written from and read as streams.
 */
@Component
class JdbcDeliveryStore implements DeliveryStore {

    private static final String SELECT = """
            select exchange_id, recipient, message_id, envelope_size, envelope_sha256, format, stripped, status,
                   attempts, budget_since, last_error, partner_receipt
              from deliveries
            """;

    private final JdbcClient jdbc;
    private final ChunkTable envelopes;
    private final TransactionTemplate transactions;
    private final Clock clock;

    JdbcDeliveryStore(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.envelopes = new ChunkTable(jdbc, "delivery_envelope_chunks");
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Optional<Delivery> find(String exchangeId) {
        return jdbc.sql(SELECT + " where exchange_id = :exchangeId")
                .param("exchangeId", exchangeId)
                .query(this::delivery)
                .optional();
    }

    /**
     * The row and the envelope's chunks are one commit. When this delivery is the one kept, it is
     * returned as it is: its envelope is still where it was prepared, and the first attempt sends it from
     * there rather than reading back what was just written.
     */
    @Override
    public Delivery prepare(Delivery delivery) {
        try {
            transactions.executeWithoutResult(transaction -> {
                jdbc.sql("""
                                insert into deliveries (exchange_id, recipient, message_id, envelope_size,
                                                        envelope_sha256, format, stripped, status, attempts,
                                                        budget_since, updated_at)
                                values (:exchangeId, :recipient, :messageId, :envelopeSize, :envelopeSha256,
                                        :format, :stripped, :status, :attempts, :budgetSince, :now)
                                """)
                        .param("exchangeId", delivery.exchangeId())
                        .param("recipient", delivery.recipient().value())
                        .param("messageId", delivery.messageId())
                        .param("envelopeSize", delivery.envelope().size())
                        .param("envelopeSha256", delivery.envelopeSha256())
                        .param("format", delivery.format())
                        .param("stripped", String.join(",", delivery.stripped()))
                        .param("status", delivery.status().name())
                        .param("attempts", delivery.attempts())
                        .param("budgetSince", utc(delivery.budgetSince()))
                        .param("now", utc(clock.instant()))
                        .update();
                envelopes.write(delivery.exchangeId(), delivery.envelope());
            });
            return delivery;
        } catch (DuplicateKeyException e) {
            // Prepared before (a redelivered message), or a placeholder of a delivery that could not be
            // prepared and was replayed: only the placeholder is replaced.
            transactions.executeWithoutResult(transaction -> {
                int replaced = jdbc.sql("""
                                update deliveries
                                   set envelope_size = :envelopeSize, envelope_sha256 = :envelopeSha256,
                                       format = :format, stripped = :stripped, updated_at = :now
                                 where exchange_id = :exchangeId and envelope_size = 0
                                """)
                        .param("exchangeId", delivery.exchangeId())
                        .param("envelopeSize", delivery.envelope().size())
                        .param("envelopeSha256", delivery.envelopeSha256())
                        .param("format", delivery.format())
                        .param("stripped", String.join(",", delivery.stripped()))
                        .param("now", utc(clock.instant()))
                        .update();
                if (replaced == 1) {
                    envelopes.write(delivery.exchangeId(), delivery.envelope());
                }
            });
        }
        return find(delivery.exchangeId()).orElseThrow();
    }

    @Override
    public void recordAttempt(
            String exchangeId, DeliveryAttempt attempt, DeliveryStatus status, Optional<byte[]> partnerReceipt) {
        // One commit: the attempt and the delivery's new state are one fact, and a commit per statement
        // cost more than the statements under load.
        transactions.executeWithoutResult(transaction -> record(exchangeId, attempt, status, partnerReceipt));
    }

    private void record(
            String exchangeId, DeliveryAttempt attempt, DeliveryStatus status, Optional<byte[]> partnerReceipt) {
        jdbc.sql("""
                        insert into delivery_attempts (exchange_id, attempt, at, outcome, http_status, error)
                        values (:exchangeId, :attempt, :at, :outcome, :httpStatus, :error)
                        """)
                .param("exchangeId", exchangeId)
                .param("attempt", attempt.number())
                .param("at", utc(attempt.at()))
                .param("outcome", attempt.outcome())
                .param("httpStatus", attempt.httpStatus().orElse(null))
                .param("error", attempt.error().orElse(null))
                .update();
        // One update of the row, receipt included: fewer statements per attempt under load.
        String setReceipt = partnerReceipt.isPresent() ? ", partner_receipt = :receipt" : "";
        jdbc.sql("""
                        update deliveries
                           set status = :status, attempts = attempts + 1, updated_at = :now,
                               last_error = :lastError%s
                         where exchange_id = :exchangeId
                        """.formatted(setReceipt))
                .param("exchangeId", exchangeId)
                .param("status", status.name())
                .param("now", utc(attempt.at()))
                .param("lastError", status == DeliveryStatus.DELIVERED ? null : attempt.outcome())
                .param("receipt", partnerReceipt.orElse(null))
                .update();
    }

    @Override
    public void deadLetter(String exchangeId, String reason, Instant at) {
        jdbc.sql("""
                        update deliveries set status = :status, last_error = :reason, updated_at = :now
                         where exchange_id = :exchangeId
                        """)
                .param("exchangeId", exchangeId)
                .param("status", DeliveryStatus.DEAD_LETTERED.name())
                .param("reason", reason)
                .param("now", utc(at))
                .update();
    }

    @Override
    public void restartBudget(String exchangeId, Instant at) {
        jdbc.sql("""
                        update deliveries set status = :status, attempts = 0, budget_since = :now, updated_at = :now
                         where exchange_id = :exchangeId
                        """)
                .param("exchangeId", exchangeId)
                .param("status", DeliveryStatus.PENDING.name())
                .param("now", utc(at))
                .update();
    }

    @Override
    public List<DeliveryAttempt> attempts(String exchangeId) {
        return jdbc.sql("""
                        select attempt, at, outcome, http_status, error
                          from delivery_attempts where exchange_id = :exchangeId order by attempt
                        """)
                .param("exchangeId", exchangeId)
                .query((row, n) -> new DeliveryAttempt(
                        row.getInt("attempt"),
                        row.getObject("at", OffsetDateTime.class).toInstant(),
                        row.getString("outcome"),
                        Optional.ofNullable((Integer) row.getObject("http_status", Integer.class)),
                        Optional.ofNullable(row.getString("error"))))
                .list();
    }

    @Override
    public List<Delivery> deadLetters(int offset, int limit) {
        return jdbc.sql(SELECT
                        + " where status = :status order by updated_at desc, exchange_id limit :limit offset :offset")
                .param("status", DeliveryStatus.DEAD_LETTERED.name())
                .param("limit", limit)
                .param("offset", offset)
                .query(this::delivery)
                .list();
    }

    @Override
    public long countDeadLetters() {
        return jdbc.sql("select count(*) from deliveries where status = :status")
                .param("status", DeliveryStatus.DEAD_LETTERED.name())
                .query(Long.class)
                .single();
    }

    private Delivery delivery(ResultSet row, int rowNumber) throws SQLException {
        String stripped = row.getString("stripped");
        String exchangeId = row.getString("exchange_id");
        long envelopeSize = row.getLong("envelope_size");
        return new Delivery(
                exchangeId,
                ParticipantId.of(row.getString("recipient")),
                row.getString("message_id"),
                envelopeSize == 0 ? Delivery.NO_ENVELOPE : envelopes.read(exchangeId, envelopeSize),
                row.getString("envelope_sha256"),
                row.getString("format"),
                stripped.isEmpty() ? List.of() : Arrays.asList(stripped.split(",")),
                DeliveryStatus.valueOf(row.getString("status")),
                row.getInt("attempts"),
                row.getObject("budget_since", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(row.getString("last_error")),
                Optional.ofNullable(row.getBytes("partner_receipt")));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
