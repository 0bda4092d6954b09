package org.pouch.gateway.overstay;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.pouch.audit.AuditEvent;
import org.pouch.audit.AuditEventType;
import org.pouch.audit.AuditTrail;
import org.pouch.gateway.PouchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The retention of the overstay records: on {@code pouch.overstay.purge-schedule}, every group whose
 * lists all departed more than {@code pouch.overstay.retention} ago is purged with its pilgrims and
 * movements, and the purge is audited with what it removed (counts, never names).
 */
@Configuration(proxyBeanMethods = false)
class OverstayRetention {

    static final String PURGE_STEP = "overstay.purge";

    private static final Logger LOG = LoggerFactory.getLogger(OverstayRetention.class);

    private final JdbcOverstayRecords records;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration retention;
    private final String gateway;

    OverstayRetention(
            JdbcOverstayRecords records,
            AuditTrail audit,
            Clock clock,
            OverstayProperties properties,
            PouchProperties pouch) {
        this.records = records;
        this.audit = audit;
        this.clock = clock;
        this.retention = properties.retention();
        this.gateway = pouch.participantId().value();
    }

    /** Purges what is past its retention, as of today at the gateway. */
    @Scheduled(cron = "${pouch.overstay.purge-schedule:0 30 2 * * *}")
    void purgeOnSchedule() {
        purge();
    }

    /** Purges the groups that departed before today minus the retention; returns what went. */
    JdbcOverstayRecords.Purged purge() {
        LocalDate cutoff = LocalDate.now(clock).minusDays(retention.toDays());
        JdbcOverstayRecords.Purged purged = records.purgeDepartedBefore(cutoff);
        LOG.info(
                "overstay records departed before {} purged: {} groups, {} lists, {} pilgrims, {} movements",
                cutoff,
                purged.groups(),
                purged.lists(),
                purged.pilgrims(),
                purged.movements());
        audit.append(AuditEvent.administrative(
                clock.instant(),
                AuditEventType.ADMIN_ACTION,
                PURGE_STEP,
                gateway,
                Map.of(
                        "departedBefore", cutoff.toString(),
                        "retention", retention.toString(),
                        "groups", Integer.toString(purged.groups()),
                        "lists", Integer.toString(purged.lists()),
                        "pilgrims", Integer.toString(purged.pilgrims()),
                        "movements", Integer.toString(purged.movements()))));
        return purged;
    }
}
