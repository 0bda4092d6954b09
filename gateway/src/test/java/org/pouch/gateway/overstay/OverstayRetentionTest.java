package org.pouch.gateway.overstay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pouch.audit.AuditEventType;
import org.pouch.exchange.ParticipantId;
import org.pouch.gateway.testing.GatewayTest;
import org.pouch.overstay.ListedGroup;
import org.pouch.overstay.ListedPilgrim;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The retention job of the running gateway, with its configured default of 180 days. */
@GatewayTest
class OverstayRetentionTest {

    private static final ParticipantId IQ_MOI = ParticipantId.of("IQ-MOI");
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Autowired
    OverstayRetention retention;

    @Autowired
    JdbcOverstayRecords records;

    @Autowired
    OverstayProperties properties;

    @Autowired
    JdbcClient jdbc;

    private final ParticipantId home = ParticipantId.of("ZZ-"
            + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase());

    private ListedGroup departed(String group, LocalDate departure) {
        return new ListedGroup(
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                home,
                IQ_MOI,
                group,
                departure.minusDays(10),
                departure,
                departure,
                Instant.now(),
                List.of(new ListedPilgrim("AB1234567", "PAK", "Khan", "Ayesha")));
    }

    @Test
    void groupsThatDepartedMoreThanTheRetentionAgoArePurgedAndThePurgeIsAudited() {
        assertThat(properties.retention().toDays()).isEqualTo(180);
        records.recordList(departed("G-OLD", TODAY.minusDays(181)));
        records.recordList(departed("G-KEPT", TODAY.minusDays(180)));
        int auditedBefore = purgesAudited();

        JdbcOverstayRecords.Purged purged = retention.purge();

        assertThat(purged.groups()).isGreaterThanOrEqualTo(1);
        assertThat(records.findList(home, IQ_MOI, "G-OLD", Optional.empty())).isEmpty();
        assertThat(records.findList(home, IQ_MOI, "G-KEPT", Optional.empty())).isPresent();
        assertThat(purgesAudited()).isEqualTo(auditedBefore + 1);
    }

    private int purgesAudited() {
        return jdbc.sql("select count(*) from audit_events where type = :type and step = :step")
                .param("type", AuditEventType.ADMIN_ACTION.name())
                .param("step", OverstayRetention.PURGE_STEP)
                .query(Integer.class)
                .single();
    }
}
