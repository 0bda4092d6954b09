package org.pouch.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pouch.audit.AuditEntry;
import org.pouch.audit.AuditLog;
import org.pouch.audit.RecordedEntry;
import org.pouch.audit.checkpoint.CmsCheckpointSigner;
import org.pouch.audit.checkpoint.SignedCheckpoint;
import org.pouch.audit.merkle.ConsistencyProof;
import org.pouch.audit.merkle.InclusionProof;
import org.pouch.audit.merkle.MerkleProofs;
import org.pouch.audit.merkle.MerkleTiles;
import org.pouch.testing.InMemoryAuditLogStore;
import org.pouch.testing.SampleAuditEvents;
import org.pouch.testing.TestPki;

/**
 * A log longer than a few tiles: proofs and partial exports that start, end and cross tiles, checked by
 * the verifier and against the signed roots, as an auditor would.
 */
class AuditLogAcrossTilesTest {

    private static final TestPki PKI = TestPki.shared();
    private static final int TILE = MerkleTiles.DEFAULT_TILE_SIZE;
    private static final int ENTRIES = 3 * TILE + 300;

    /** Shared by the tests that only read; the one that tampers makes its own. */
    private static InMemoryAuditLogStore store;

    private static AuditLog log;
    private static SignedCheckpoint checkpoint;

    @BeforeAll
    static void aLogOfThreeTilesAndAPart() {
        store = new InMemoryAuditLogStore();
        log = logOver(store);
        checkpoint = log.checkpoint();
    }

    private static AuditLog logOver(InMemoryAuditLogStore store) {
        AuditLog log = new AuditLog(
                store,
                new CmsCheckpointSigner(() -> PKI.pki().auditCheckpoint(), Clock.systemUTC()),
                "PK-GW/audit",
                Clock.systemUTC(),
                Duration.ofDays(1));
        for (int i = 0; i < ENTRIES; i++) {
            log.append(SampleAuditEvents.deliveryAttempt(i));
        }
        return log;
    }

    @ParameterizedTest(name = "entry {0}")
    @CsvSource({"0", "1023", "1024", "2500", "3071", "3072", "3371"})
    void anInclusionProofVerifiesAgainstTheSignedRoot(long index) {
        InclusionProof proof = log.proveInclusion(index, ENTRIES);

        assertThat(proof.rootHash()).isEqualTo(checkpoint.checkpoint().rootHash());
        assertThatCode(() -> MerkleProofs.verifyInclusion(
                        index,
                        ENTRIES,
                        proof.leafHash(),
                        proof.path(),
                        checkpoint.checkpoint().rootHash()))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "from {0}")
    @CsvSource({"1", "1024", "1500", "2048", "3072", "3371"})
    void aConsistencyProofVerifiesBetweenTheSignedRoots(long from) {
        byte[] rootThen = log.proveInclusion(0, from).rootHash();

        ConsistencyProof proof = log.proveConsistency(from, ENTRIES);

        assertThat(proof.fromRoot()).isEqualTo(rootThen);
        assertThatCode(() -> MerkleProofs.verifyConsistency(
                        from, ENTRIES, rootThen, checkpoint.checkpoint().rootHash(), proof.path()))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "entries {0} to {1}")
    @CsvSource({"0,100", "1000,1030", "1024,2048", "1500,3200", "3300,3372", "5,3372"})
    void aPartOfTheLogVerifiesByItsInclusionProofs(long from, long to) throws IOException {
        assertThat(verify(export(log, from, to))).isInstanceOfSatisfying(Verification.Verified.class, verified -> {
            assertThat(verified.entries()).isEqualTo(to - from);
            assertThat(verified.checkpoint().size()).isEqualTo(ENTRIES);
        });
    }

    @Test
    void anEntryChangedInALaterTileIsNamed() throws IOException {
        InMemoryAuditLogStore tampered = new InMemoryAuditLogStore();
        AuditLog tamperedLog = logOver(tampered);
        tamperedLog.checkpoint();
        tampered.tamper(entries -> {
            RecordedEntry original = entries.get(2100);
            entries.set(
                    2100,
                    new RecordedEntry(
                            new AuditEntry(2100, SampleAuditEvents.deliveryAttempt(99_999)),
                            original.recordedLeafHash()));
        });

        assertThat(verify(export(tamperedLog, 2100, 2200)))
                .isInstanceOfSatisfying(Verification.Failed.class, failed -> {
                    assertThat(failed.firstBadEntry()).hasValue(2100);
                    assertThat(failed.reason()).contains("entry 2100 was changed");
                });
        // Proofs are built from the log as it reads now: an earlier entry whose proof passes through the
        // changed one no longer proves against the signed root, and is where the verifier stops.
        assertThat(verify(export(tamperedLog, 1000, 2200)))
                .isInstanceOfSatisfying(
                        Verification.Failed.class,
                        failed ->
                                assertThat(failed.firstBadEntry().orElseThrow()).isBetween(1000L, 2100L));
    }

    private static String export(AuditLog log, long from, long to) throws IOException {
        StringBuilder out = new StringBuilder();
        log.export(from, to, out);
        return out.toString();
    }

    private static Verification verify(String export) throws IOException {
        return new ExportVerifier(PKI.pki().auditCheckpoint().certificate())
                .verify(new BufferedReader(new StringReader(export)), Optional.empty(), VerificationProgress.NONE);
    }
}
