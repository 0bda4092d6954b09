package org.pouch.gateway.archive;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pouch.audit.AuditEvent;
import org.pouch.audit.AuditEventType;
import org.pouch.audit.AuditTrail;
import org.pouch.exchange.ParticipantId;
import org.pouch.gateway.PouchProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Purges archived envelopes past their retention period: the bytes are removed, the exchange and its
 * digest stay, and each purge is an {@code ADMIN_ACTION} entry in the audit log naming the exchange and
 * the digest of what was purged. The copy delivery sealed for the recipient is purged with it. Only exchanges delivered to their recipient are purged: one still being
 * delivered, or dead-lettered and so open to an operator's replay, keeps its envelope whatever its age,
 * because delivery may need to open it again.
 */
@Component
public class EnvelopePurge {

    public static final String STEP = "archive.purge";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration retention;
    private final ParticipantId gateway;

    EnvelopePurge(JdbcClient jdbc, AuditTrail audit, Clock clock, ArchiveProperties archive, PouchProperties pouch) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.retention = archive.retention();
        this.gateway = pouch.participantId();
    }

    private record Due(
            String exchangeId, String messageId, String sender, String recipient, String type, String sha256) {}

    /** Purges what is due now; returns how many envelopes were purged. */
    public int purge() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(retention);
        List<Due> due = jdbc.sql("""
                        select exchange_id, message_id, sender, recipient, message_type, envelope_sha256
                          from exchanges
                         where accepted_at < :cutoff and envelope_purged_at is null
                           and exists (select 1 from deliveries d
                                        where d.exchange_id = exchanges.exchange_id and d.status = 'DELIVERED')
                         order by accepted_at
                        """)
                .param("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .query((row, number) -> new Due(
                        row.getString("exchange_id"),
                        row.getString("message_id"),
                        row.getString("sender"),
                        row.getString("recipient"),
                        row.getString("message_type"),
                        row.getString("envelope_sha256")))
                .list();
        int purged = 0;
        for (Due exchange : due) {
            // The bytes first, archived and sealed: should the update below not happen, the next run finds
            // the envelope due again and finishes.
            jdbc.sql("delete from exchange_envelope_chunks where exchange_id = :exchangeId")
                    .param("exchangeId", exchange.exchangeId())
                    .update();
            purgeSealedCopies(exchange.exchangeId());
            // Conditional, so that two nodes purging at once purge (and audit) each envelope once.
            int updated = jdbc.sql("""
                            update exchanges set envelope_size = 0, envelope_purged_at = :now
                             where exchange_id = :exchangeId and envelope_purged_at is null
                            """)
                    .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .param("exchangeId", exchange.exchangeId())
                    .update();
            if (updated == 1) {
                purged++;
                audit.append(new AuditEvent(
                        now,
                        AuditEventType.ADMIN_ACTION,
                        STEP,
                        gateway.value(),
                        Optional.of(exchange.exchangeId()),
                        Optional.of(exchange.messageId()),
                        Optional.of(ParticipantId.of(exchange.sender())),
                        Optional.of(ParticipantId.of(exchange.recipient())),
                        Optional.of(exchange.type()),
                        Optional.of(exchange.sha256()),
                        Optional.empty(),
                        Optional.empty(),
                        Map.of("action", "envelope-purged", "retention", retention.toString())));
            }
        }
        return purged;
    }

    /**
     * The envelope delivery sealed for the recipient carries the same document, so it goes with the
     * archived one; its digest stays in the delivery's row, as the partner's receipt names it.
     */
    private void purgeSealedCopies(String exchangeId) {
        jdbc.sql("delete from delivery_envelope_chunks where exchange_id = :exchangeId")
                .param("exchangeId", exchangeId)
                .update();
        jdbc.sql("update deliveries set envelope_size = 0 where exchange_id = :exchangeId")
                .param("exchangeId", exchangeId)
                .update();
    }
}
