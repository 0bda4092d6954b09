package org.pouch.gateway.audittrail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.pouch.audit.AuditEvent;
import org.pouch.audit.AuditEventType;
import org.pouch.audit.AuditTrail;
import org.pouch.exchange.ParticipantId;
import org.pouch.exchange.RejectionReason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit trail in the {@code audit_events} table. Rows are only ever inserted; {@code seq} gives
 * their order. Rejection reasons are stored as their wire codes, which are public and stable, not as
 * enum names.
 */
@Component
class JdbcAuditTrail implements AuditTrail {

    private static final String SELECT = """
            select at, type, step, actor, exchange_id, message_id, sender, recipient, message_type,
                   envelope_sha256, reason, incident_id
              from audit_events
            """;

    private final JdbcClient jdbc;

    JdbcAuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(AuditEvent event) {
        jdbc.sql("""
                        insert into audit_events (at, type, step, actor, exchange_id, message_id, sender,
                                                  recipient, message_type, envelope_sha256, reason, incident_id)
                        values (:at, :type, :step, :actor, :exchangeId, :messageId, :sender,
                                :recipient, :messageType, :envelopeSha256, :reason, :incidentId)
                        """)
                .param("at", OffsetDateTime.ofInstant(event.at(), ZoneOffset.UTC))
                .param("type", event.type().name())
                .param("step", event.step())
                .param("actor", event.actor())
                .param("exchangeId", event.exchangeId().orElse(null))
                .param("messageId", event.messageId().orElse(null))
                .param("sender", event.sender().map(ParticipantId::value).orElse(null))
                .param("recipient", event.recipient().map(ParticipantId::value).orElse(null))
                .param("messageType", event.messageType().orElse(null))
                .param("envelopeSha256", event.envelopeSha256().orElse(null))
                .param("reason", event.reason().map(RejectionReason::code).orElse(null))
                .param("incidentId", event.incidentId().orElse(null))
                .update();
    }

    @Override
    public List<AuditEvent> forExchange(String exchangeId) {
        return jdbc.sql(SELECT + " where exchange_id = :exchangeId order by seq")
                .param("exchangeId", exchangeId)
                .query(JdbcAuditTrail::event)
                .list();
    }

    @Override
    public List<AuditEvent> forIncident(String incidentId) {
        return jdbc.sql(SELECT + " where incident_id = :incidentId order by seq")
                .param("incidentId", incidentId)
                .query(JdbcAuditTrail::event)
                .list();
    }

    private static AuditEvent event(ResultSet row, int rowNumber) throws SQLException {
        return new AuditEvent(
                row.getObject("at", OffsetDateTime.class).toInstant(),
                AuditEventType.valueOf(row.getString("type")),
                row.getString("step"),
                row.getString("actor"),
                optional(row, "exchange_id", Function.identity()),
                optional(row, "message_id", Function.identity()),
                optional(row, "sender", ParticipantId::of),
                optional(row, "recipient", ParticipantId::of),
                optional(row, "message_type", Function.identity()),
                optional(row, "envelope_sha256", Function.identity()),
                optional(row, "reason", RejectionReason::fromCode),
                optional(row, "incident_id", Function.identity()));
    }

    private static <T> Optional<T> optional(ResultSet row, String column, Function<String, T> parse)
            throws SQLException {
        return Optional.ofNullable(row.getString(column)).map(parse);
    }
}
