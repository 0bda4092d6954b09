package org.pouch.gateway.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.pouch.exchange.ParticipantId;
import org.pouch.gateway.chunks.ChunkTable;
import org.pouch.intake.AcceptedExchange;
import org.pouch.intake.ExchangeLedger;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The exchange ledger in the {@code exchanges} table, each archived envelope in 1 MiB chunks of its own
 * ({@code exchange_envelope_chunks}); writes join the caller's transaction. Finding an exchange reads no
 * envelope: its envelope is read a chunk at a time when a stream of it is read. An envelope purged past its
 * retention period has no bytes.
 */
@Component
class JdbcExchangeLedger implements ExchangeLedger {

    /** The unique constraint on (sender, message_id), as the migration names it. */
    static final String SENDER_MESSAGE_ID_CONSTRAINT = "exchanges_sender_message_id_unique";

    /** Where the archived envelopes are kept, in chunks (migration 8). */
    static final String ENVELOPE_CHUNKS = "exchange_envelope_chunks";

    private final JdbcClient jdbc;
    private final ChunkTable envelopes;

    JdbcExchangeLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.envelopes = new ChunkTable(jdbc, ENVELOPE_CHUNKS);
    }

    @Override
    public Optional<AcceptedExchange> findByMessageId(ParticipantId sender, String messageId) {
        return jdbc.sql("""
                        select exchange_id, message_id, sender, recipient, message_type, envelope_sha256,
                               accepted_at, envelope_size, receipt
                          from exchanges
                         where sender = :sender and message_id = :messageId
                        """)
                .param("sender", sender.value())
                .param("messageId", messageId)
                .query(this::exchange)
                .optional();
    }

    @Override
    public Optional<AcceptedExchange> findByExchangeId(String exchangeId) {
        return jdbc.sql("""
                        select exchange_id, message_id, sender, recipient, message_type, envelope_sha256,
                               accepted_at, envelope_size, receipt
                          from exchanges
                         where exchange_id = :exchangeId
                        """)
                .param("exchangeId", exchangeId)
                .query(this::exchange)
                .optional();
    }

    /**
     * The row, then the envelope's chunks, in the caller's transaction: the row comes first because the
     * chunks refer to it, and a duplicate message id is refused before any chunk is written.
     */
    @Override
    public void record(AcceptedExchange exchange) {
        try {
            jdbc.sql("""
                            insert into exchanges (exchange_id, message_id, sender, recipient, message_type,
                                                   envelope_sha256, accepted_at, envelope_size, receipt)
                            values (:exchangeId, :messageId, :sender, :recipient, :messageType,
                                    :envelopeSha256, :acceptedAt, :envelopeSize, :receipt)
                            """)
                    .param("exchangeId", exchange.exchangeId())
                    .param("messageId", exchange.messageId())
                    .param("sender", exchange.sender().value())
                    .param("recipient", exchange.recipient().value())
                    .param("messageType", exchange.messageType())
                    .param("envelopeSha256", exchange.envelopeSha256())
                    // OffsetDateTime, not Instant: the JDBC 4.2 type that both PostgreSQL and H2 map to
                    // timestamp with time zone.
                    .param("acceptedAt", OffsetDateTime.ofInstant(exchange.acceptedAt(), ZoneOffset.UTC))
                    .param("envelopeSize", exchange.envelope().size())
                    .param("receipt", exchange.receipt())
                    .update();
        } catch (DuplicateKeyException e) {
            // Only the (sender, message id) pair is the sender's doing; a clashing exchange id is the
            // gateway's own fault and stays an error of its own.
            if (namesSenderMessageIdConstraint(e)) {
                throw new DuplicateMessageIdException(
                        exchange.sender() + " already sent message id " + exchange.messageId(), e);
            }
            throw e;
        }
        envelopes.write(exchange.exchangeId(), exchange.envelope());
    }

    private static boolean namesSenderMessageIdConstraint(DuplicateKeyException e) {
        // Both databases name the violated constraint in the message: PostgreSQL as written, H2 as the
        // name of the index behind it, in upper case unless it folds names to lower case.
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains(SENDER_MESSAGE_ID_CONSTRAINT)) {
                return true;
            }
        }
        return false;
    }

    private AcceptedExchange exchange(ResultSet row, int rowNumber) throws SQLException {
        String exchangeId = row.getString("exchange_id");
        return new AcceptedExchange(
                exchangeId,
                row.getString("message_id"),
                ParticipantId.of(row.getString("sender")),
                ParticipantId.of(row.getString("recipient")),
                row.getString("message_type"),
                row.getString("envelope_sha256"),
                row.getObject("accepted_at", OffsetDateTime.class).toInstant(),
                envelopes.read(exchangeId, row.getLong("envelope_size")),
                row.getBytes("receipt"));
    }
}
