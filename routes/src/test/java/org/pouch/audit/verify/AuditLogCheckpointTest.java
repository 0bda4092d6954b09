package org.pouch.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pouch.audit.AuditEntry;
import org.pouch.audit.AuditLog;
import org.pouch.audit.LogDamagedException;
import org.pouch.audit.RecordedEntry;
import org.pouch.audit.checkpoint.CmsCheckpointSigner;
import org.pouch.audit.checkpoint.SignedCheckpoint;
import org.pouch.audit.merkle.MerkleHashes;
import org.pouch.testing.InMemoryAuditLogStore;
import org.pouch.testing.SampleAuditEvents;
import org.pouch.testing.SettableClock;
import org.pouch.testing.TestPki;

/**
 * Checkpoints that extend the previous one by the new entries, and the whole-log check that comes first
 * after a start and again once a day: what each reads, and what each sees.
 */
class AuditLogCheckpointTest {

    private static final Duration DAY = Duration.ofDays(1);

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-29T10:00:00Z"));
    private InMemoryAuditLogStore store;
    private AuditLog log;

    @BeforeEach
    void aLogOfFiftyEntriesAndItsFirstCheckpoint() {
        store = new InMemoryAuditLogStore();
        log = logOver(store);
        append(50);
        log.checkpoint();
    }

    @Test
    void theFirstCheckpointReadsTheWholeLogAndTheNextOnlyWhatWasAppendedSince() {
        assertThat(store.scanned()).isEqualTo(50);
        append(7);

        SignedCheckpoint next = log.checkpoint();

        assertThat(store.scanned()).isEqualTo(57);
        assertThat(next.checkpoint().size()).isEqualTo(57);
        assertThat(next.checkpoint().rootHash())
                .as("the root of the whole log, as a proof rebuilds it")
                .isEqualTo(log.proveInclusion(0, 57).rootHash());
    }

    @Test
    void aChangedOldEntryIsSeenByTheNextWholeLogCheckWhichThenSignsNothing() {
        changeEntry(3);
        append(1);
        // Within the day a checkpoint reads the new entry only: it vouches for what was appended since.
        assertThat(log.checkpoint().checkpoint().size()).isEqualTo(51);

        clock.advance(DAY);
        append(1);

        assertThatThrownBy(log::checkpoint)
                .isInstanceOf(LogDamagedException.class)
                .hasMessageContaining("entry 3 no longer matches");
        assertThatThrownBy(log::checkpoint)
                .as("and the next one reads the whole log again")
                .isInstanceOf(LogDamagedException.class);
    }

    @Test
    void aGatewayStartedAgainReadsTheWholeLogBeforeItSignsAgain() {
        changeEntry(3);
        append(1);

        AuditLog afterARestart = logOver(store);

        assertThatThrownBy(afterARestart::checkpoint).isInstanceOf(LogDamagedException.class);
    }

    @Test
    void aStoredEdgeThatDoesNotFoldToTheSignedRootIsNotExtended() {
        byte[] forged = new byte[Long.bitCount(50) * MerkleHashes.SIZE];
        forged[0] = 1;
        store.tamperLatestFrontier(forged);
        append(2);

        SignedCheckpoint next = log.checkpoint();

        assertThat(store.scanned()).as("the whole log read again").isEqualTo(50 + 52);
        assertThat(next.checkpoint().rootHash())
                .isEqualTo(log.proveInclusion(0, 52).rootHash());
    }

    @Test
    void aZeroIntervalReadsTheWholeLogForEveryCheckpoint() {
        AuditLog everyTime = new AuditLog(store, signer(), "PK-GW/audit", clock, Duration.ZERO);
        append(1);
        everyTime.checkpoint();
        append(1);
        everyTime.checkpoint();

        assertThat(store.scanned()).isEqualTo(50 + 51 + 52);
    }

    private AuditLog logOver(InMemoryAuditLogStore store) {
        return new AuditLog(store, signer(), "PK-GW/audit", clock, DAY);
    }

    private static CmsCheckpointSigner signer() {
        return new CmsCheckpointSigner(() -> TestPki.shared().pki().auditCheckpoint(), Clock.systemUTC());
    }

    private void append(int entries) {
        long first = log.size();
        for (int i = 0; i < entries; i++) {
            log.append(SampleAuditEvents.deliveryAttempt((int) first + i));
        }
    }

    /** Changes an entry's fields in storage, leaving the hash recorded when it was appended. */
    private void changeEntry(int index) {
        store.tamper(entries -> entries.set(
                index,
                new RecordedEntry(
                        new AuditEntry(index, SampleAuditEvents.deliveryAttempt(90_000 + index)),
                        entries.get(index).recordedLeafHash())));
    }
}
