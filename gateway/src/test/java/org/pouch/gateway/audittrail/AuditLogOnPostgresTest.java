package org.pouch.gateway.audittrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pouch.audit.AuditEvent;
import org.pouch.audit.AuditEventType;
import org.pouch.audit.AuditLog;
import org.pouch.audit.RecordedEntry;
import org.pouch.audit.checkpoint.CmsCheckpointSigner;
import org.pouch.audit.checkpoint.SignedCheckpoint;
import org.pouch.exchange.ParticipantId;
import org.pouch.gateway.testing.EmbeddedPostgresExtension;
import org.pouch.testing.TestPki;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The log on PostgreSQL 17 as production runs it: through a role that may only insert and read the log's
 * tables (the grants of docs/auditor-guide.md), with several gateway nodes appending at once.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class AuditLogOnPostgresTest {

    static final String ROLE = "pouch_audit_writer";

    static DataSource owner;
    static DataSource logRole;

    @BeforeAll
    static void aRoleThatMayOnlyInsertAndRead(DataSource postgres) throws SQLException {
        owner = postgres;
        JdbcTemplate admin = new JdbcTemplate(owner);
        admin.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + ROLE
                + "') then create role " + ROLE + " login password 'audit'; end if; end $$");
        // The grants documented for production, and nothing else on these tables.
        admin.execute("grant select, insert on audit_events, audit_checkpoints to " + ROLE);
        try (Connection connection = owner.getConnection()) {
            logRole = new DriverManagerDataSource(connection.getMetaData().getURL(), ROLE, "audit");
        }
    }

    @Test
    void theLogsRoleAppendsAndSignsButCannotUpdateOrDelete() {
        JdbcAuditTrail trail = new JdbcAuditTrail(logRole);
        AuditLog log = logOver(trail);
        log.append(event("privileges"));
        SignedCheckpoint checkpoint = log.checkpoint();
        JdbcTemplate asRole = new JdbcTemplate(logRole);

        assertThat(checkpoint.checkpoint().size()).isEqualTo(trail.size());
        for (String attempt : List.of(
                "update audit_events set actor = 'someone else'",
                "delete from audit_events",
                "truncate audit_events",
                "update audit_checkpoints set tree_size = 0",
                "delete from audit_checkpoints")) {
            assertThatThrownBy(() -> asRole.execute(attempt))
                    .as(attempt)
                    .isInstanceOf(DataAccessException.class)
                    .rootCause()
                    .hasMessageContaining("permission denied");
        }
        assertThat(trail.size()).isEqualTo(checkpoint.checkpoint().size());
    }

    @Test
    void eachCheckpointKeepsTheEdgeTheNextOneExtendsAndOneStoredWithoutAnEdgeIsReadInFull() {
        JdbcAuditTrail trail = new JdbcAuditTrail(logRole);
        AuditLog log = logOver(trail);
        log.append(event("edge-1"));
        log.checkpoint();
        log.append(event("edge-2"));
        log.append(event("edge-3"));

        SignedCheckpoint extended = log.checkpoint();

        assertThat(trail.latestFrontier()).hasValueSatisfying(frontier -> {
            assertThat(frontier.size()).isEqualTo(extended.checkpoint().size());
            assertThat(frontier.root()).isEqualTo(extended.checkpoint().rootHash());
        });
        assertThat(extended.checkpoint().rootHash())
                .isEqualTo(log.proveInclusion(0, extended.checkpoint().size()).rootHash());

        // A checkpoint from before the log kept edges (migration 9): the next one reads the whole log.
        new JdbcTemplate(owner).update("update audit_checkpoints set frontier = null");
        assertThat(trail.latestFrontier()).isEmpty();
        log.append(event("edge-4"));

        SignedCheckpoint afterAFullRead = log.checkpoint();

        assertThat(afterAFullRead.checkpoint().rootHash())
                .isEqualTo(log.proveInclusion(0, afterAFullRead.checkpoint().size())
                        .rootHash());
        assertThat(trail.latestFrontier())
                .hasValueSatisfying(frontier -> assertThat(frontier.size())
                        .isEqualTo(afterAFullRead.checkpoint().size()));
    }

    @Test
    void twoNodesAppendingAtOnceLeaveNoGapAndNoDuplicateIndex() throws Exception {
        List<JdbcAuditTrail> nodes = List.of(new JdbcAuditTrail(logRole), new JdbcAuditTrail(logRole));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<?>> appends = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                JdbcAuditTrail node = nodes.get(i % 2);
                appends.add(threads.submit((Callable<Object>) () -> node.add(event("concurrent"))));
            }
            for (Future<?> append : appends) {
                append.get();
            }
        } finally {
            threads.shutdown();
        }
        JdbcTemplate read = new JdbcTemplate(owner);
        Map<String, Object> indexes =
                read.queryForMap("select count(*) as entries, count(distinct entry_index) as distinct_indexes,"
                        + " min(entry_index) as lowest, max(entry_index) as highest from audit_events");

        assertThat(((Number) indexes.get("entries")).longValue())
                .isEqualTo(((Number) indexes.get("distinct_indexes")).longValue())
                .isEqualTo(((Number) indexes.get("highest")).longValue() + 1);
        assertThat(((Number) indexes.get("lowest")).longValue()).isZero();
        List<RecordedEntry> stored = new ArrayList<>();
        nodes.get(0).scan(0, nodes.get(0).size(), stored::add);
        assertThat(stored)
                .hasSize(((Number) indexes.get("entries")).intValue())
                .allSatisfy(entry -> assertThat(entry.isIntact()).isTrue());
    }

    private static AuditLog logOver(JdbcAuditTrail trail) {
        return new AuditLog(
                trail,
                new CmsCheckpointSigner(() -> TestPki.shared().pki().auditCheckpoint(), Clock.systemUTC()),
                "PK-GW/audit",
                Clock.systemUTC(),
                Duration.ofDays(1));
    }

    private static AuditEvent event(String step) {
        return new AuditEvent(
                Instant.now(),
                AuditEventType.ADMIN_ACTION,
                "test." + step,
                "operator",
                Optional.empty(),
                Optional.empty(),
                Optional.of(ParticipantId.of("PK-MOI")),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Map.of("node", Thread.currentThread().getName()));
    }
}
