package org.pouch.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pouch.audit.AuditEvent;
import org.pouch.audit.AuditEventType;
import org.pouch.audit.AuditTrail;
import org.pouch.audit.checkpoint.Checkpoint;
import org.pouch.audit.merkle.ConsistencyProof;
import org.pouch.audit.merkle.InvalidProofException;
import org.pouch.exchange.ParticipantId;
import org.pouch.gateway.testing.GatewayTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Someone with full access to the database changes the log behind the gateway's back; the auditor
 * catches it twice: {@code pouch audit verify} on an export covered by a checkpoint signed before, and
 * the API's consistency proof from that checkpoint to the log as served now.
 *
 * <p>This class has a gateway of its own (the property below makes its context differ from the shared
 * one, and so gives it a fresh database): it damages the log on purpose, and the shared gateway's log
 * must stay whole for every other test. Each test repairs what it broke, except the last one run, which
 * cannot be repaired, so each test works on entries appended after the last damage. Every checkpoint
 * here reads the whole log, as the first after a start and the first each day do by default (ADR 0024):
 * a checkpoint between those extends the previous one by the new entries alone, and does not look back.
 */
@GatewayTest
@TestPropertySource(
        properties = {"pouch.audit.origin=PK-GW/audit-tampering-test", "pouch.audit.whole-log-check-interval=0s"})
class AuditTamperingTest {

    @LocalManagementPort
    int managementPort;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcTemplate database;

    @TempDir
    Path directory;

    AuditorSession auditor;
    Path kept;
    Checkpoint keptCheckpoint;
    long first;

    @BeforeEach
    void tenEntriesSignedThenTwoMore() throws Exception {
        auditor = new AuditorSession(managementPort, directory);
        first = size();
        for (int i = 0; i < 10; i++) {
            trail.append(event(i));
        }
        kept = auditor.checkpointNow("kept");
        keptCheckpoint = auditor.checkpoint(kept);
        trail.append(event(10));
        trail.append(event(11));
        // Untouched, the export verifies and the log extends the kept checkpoint.
        AuditorSession.Run clean = auditor.verify(auditor.export("?to=" + keptCheckpoint.size(), "clean"), kept);
        assertThat(clean.exitCode()).as(clean.err()).isZero();
    }

    @Test
    void anEntrysFieldChangedInTheDatabaseIsNamed() throws Exception {
        long target = first + 4;
        database.update("update audit_events set actor = 'BE-IBZ' where entry_index = ?", target);
        try {
            AuditorSession.Run run = auditor.verify(auditor.export("?to=" + keptCheckpoint.size(), "changed"));

            assertThat(run.exitCode()).isEqualTo(AuditVerifyCommand.NOT_VERIFIED);
            assertThat(run.err()).contains("first bad entry: " + target).contains("was changed");
            assertTheApiProofFails();
        } finally {
            database.update("update audit_events set actor = 'PK-MOI' where entry_index = ?", target);
        }
    }

    @Test
    void twoEntriesSwappedInTheDatabaseAreNamed() throws Exception {
        long target = first + 2;
        swap(target, target + 1);
        try {
            AuditorSession.Run run = auditor.verify(auditor.export("?to=" + keptCheckpoint.size(), "swapped"));

            assertThat(run.exitCode()).isEqualTo(AuditVerifyCommand.NOT_VERIFIED);
            assertThat(run.err()).contains("first bad entry: " + target);
            assertTheApiProofFails();
        } finally {
            swap(target, target + 1);
        }
    }

    @Test
    void anEntryDeletedFromTheDatabaseIsNamed() throws Exception {
        long target = first + 6;
        Map<String, Object> row = database.queryForMap("select * from audit_events where entry_index = ?", target);
        database.update("delete from audit_events where entry_index = ?", target);
        try {
            AuditorSession.Run run = auditor.verify(auditor.export("?to=" + keptCheckpoint.size(), "deleted"));

            assertThat(run.exitCode()).isEqualTo(AuditVerifyCommand.NOT_VERIFIED);
            assertThat(run.err()).contains("first bad entry: " + target).contains("entry " + target + " is missing");
            assertTheApiProofFails();
        } finally {
            row.remove("seq");
            String columns = String.join(", ", row.keySet());
            String marks =
                    String.join(", ", row.keySet().stream().map(column -> "?").toList());
            database.update(
                    "insert into audit_events (" + columns + ") values (" + marks + ")",
                    row.values().toArray());
        }
    }

    @Test
    void theLogTruncatedAndRegrownFailsAgainstTheCheckpointSignedBefore() throws Exception {
        long cut = first + 7;
        database.update("delete from audit_events where entry_index >= ?", cut);
        for (int i = 0; i < 8; i++) {
            trail.append(event(100 + i));
        }
        assertThat(size()).isGreaterThan(keptCheckpoint.size());

        AuditorSession.Run run = auditor.verify(auditor.export("?to=" + keptCheckpoint.size(), "regrown"), kept);

        assertThat(run.exitCode()).isEqualTo(AuditVerifyCommand.NOT_VERIFIED);
        assertThat(run.err()).contains("do not hash to the root signed for size " + keptCheckpoint.size());
        assertTheApiProofFails();
        // The gateway itself will not sign the regrown log.
        assertThat(auditor.client().post("/api/v1/audit/checkpoints", "").statusCode())
                .isEqualTo(409);
        // Later tests start from a log the gateway signs again: the damage is not repairable, so the
        // regrown part is cut and the checkpoints over the original are the ones that stand.
        database.update("delete from audit_events where entry_index >= ?", cut);
        database.update("delete from audit_checkpoints where tree_size > ?", cut);
    }

    /** The API's proof that the log now extends the kept checkpoint does not hold against it. */
    private void assertTheApiProofFails() throws Exception {
        long now = size();
        ConsistencyProof proof = auditor.consistencyFrom(keptCheckpoint, now);

        assertThatThrownBy(() -> proof.verify(keptCheckpoint.rootHash(), proof.toRoot()))
                .isInstanceOf(InvalidProofException.class);
    }

    private long size() {
        return database.queryForObject("select count(*) from audit_events", Long.class);
    }

    private void swap(long a, long b) {
        database.update("update audit_events set entry_index = -1 where entry_index = ?", a);
        database.update("update audit_events set entry_index = ? where entry_index = ?", a, b);
        database.update("update audit_events set entry_index = ? where entry_index = -1", b);
    }

    private static AuditEvent event(int i) {
        return new AuditEvent(
                Instant.now(),
                AuditEventType.DELIVERY_ATTEMPTED,
                "delivery.send",
                "PK-MOI",
                Optional.of("exchange-" + i),
                Optional.of("message-" + i),
                Optional.of(ParticipantId.of("PK-MOI")),
                Optional.of(ParticipantId.of("IQ-MOI")),
                Optional.of("pilgrim-list"),
                Optional.of("cd".repeat(32)),
                Optional.empty(),
                Optional.empty(),
                Map.of("attempt", Integer.toString(i)));
    }
}
