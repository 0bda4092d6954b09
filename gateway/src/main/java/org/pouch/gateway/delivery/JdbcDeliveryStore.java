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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Deliveries in the {@code deliveries} and {@code delivery_attempts} tables. */
@Component
class JdbcDeliveryStore implements DeliveryStore {

    private static final String SELECT = """
            select exchange_id, recipient, message_id, envelope, envelope_sha256, format, stripped, status,
                   attempts, budget_since, last_error, partner_receipt
              from deliveries
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    JdbcDeliveryStore(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Optional<Delivery> find(String exchangeId) {
        return jdbc.sql(SELECT + " where exchange_id = :exchangeId")
                .param("exchangeId", exchangeId)
                .query(JdbcDeliveryStore::delivery)
                .optional();
    }

    @Override
    public Delivery prepare(Delivery delivery) {
        try {
            jdbc.sql("""
                            insert into deliveries (exchange_id, recipient, message_id, envelope, envelope_sha256,
                                                    format, stripped, status, attempts, budget_since, updated_at)
                            values (:exchangeId, :recipient, :messageId, :envelope, :envelopeSha256,
                                    :format, :stripped, :status, :attempts, :budgetSince, :now)
                            """)
                    .param("exchangeId", delivery.exchangeId())
                    .param("recipient", delivery.recipient().value())
                    .param("messageId", delivery.messageId())
                    .param("envelope", delivery.envelope())
                    .param("envelopeSha256", delivery.envelopeSha256())
                    .param("format", delivery.format())
                    .param("stripped", String.join(",", delivery.stripped()))
                    .param("status", delivery.status().name())
                    .param("attempts", delivery.attempts())
                    .param("budgetSince", utc(delivery.budgetSince()))
                    .param("now", utc(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            // Prepared before (a redelivered message), or a placeholder of a delivery that could not be
            // prepared and was replayed: only the placeholder is replaced.
            jdbc.sql("""
                            update deliveries
                               set envelope = :envelope, envelope_sha256 = :envelopeSha256, format = :format,
                                   stripped = :stripped, updated_at = :now
                             where exchange_id = :exchangeId and octet_length(envelope) = 0
                            """)
                    .param("exchangeId", delivery.exchangeId())
                    .param("envelope", delivery.envelope())
                    .param("envelopeSha256", delivery.envelopeSha256())
                    .param("format", delivery.format())
                    .param("stripped", String.join(",", delivery.stripped()))
                    .param("now", utc(clock.instant()))
                    .update();
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
        // One update of the row, receipt included: the row carries the sealed envelope, and each update
        // writes the row again.
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
                .query(JdbcDeliveryStore::delivery)
                .list();
    }

    @Override
    public long countDeadLetters() {
        return jdbc.sql("select count(*) from deliveries where status = :status")
                .param("status", DeliveryStatus.DEAD_LETTERED.name())
                .query(Long.class)
                .single();
    }

    private static Delivery delivery(ResultSet row, int rowNumber) throws SQLException {
        String stripped = row.getString("stripped");
        return new Delivery(
                row.getString("exchange_id"),
                ParticipantId.of(row.getString("recipient")),
                row.getString("message_id"),
                row.getBytes("envelope"),
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
