package org.pouch.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pouch.audit.AuditEntry;
import org.pouch.audit.AuditEntryEncoding;
import org.pouch.audit.AuditLog;
import org.pouch.audit.LogDamagedException;
import org.pouch.audit.RecordedEntry;
import org.pouch.audit.checkpoint.CmsCheckpointSigner;
import org.pouch.audit.checkpoint.SignedCheckpoint;
import org.pouch.testing.InMemoryAuditLogStore;
import org.pouch.testing.SampleAuditEvents;
import org.pouch.testing.TestPki;

/** The offline verifier against a log in memory that the test tampers with as an attacker would. */
class ExportVerifierTest {

    private static final TestPki PKI = TestPki.shared();

    private InMemoryAuditLogStore store;
    private AuditLog log;
    private final ExportVerifier verifier =
            new ExportVerifier(PKI.pki().auditCheckpoint().certificate());

    @BeforeEach
    void aLogOfTwentyEntries() {
        store = new InMemoryAuditLogStore();
        log = new AuditLog(
                store,
                new CmsCheckpointSigner(() -> PKI.pki().auditCheckpoint(), Clock.systemUTC()),
                "PK-GW/audit",
                Clock.systemUTC(),
                // Every checkpoint reads the whole log, as the first after a start does: these tests change
                // entries and expect the next checkpoint to see it (AuditLogCheckpointTest has the rest).
                Duration.ZERO);
        for (int i = 0; i < 20; i++) {
            log.append(SampleAuditEvents.deliveryAttempt(i));
        }
    }

    @Test
    void anUntouchedExportVerifies() throws IOException {
        log.checkpoint();

        Verification result = verify(export(0, 20), Optional.empty());

        assertThat(result).isInstanceOfSatisfying(Verification.Verified.class, verified -> {
            assertThat(verified.entries()).isEqualTo(20);
            assertThat(verified.checkpoint().size()).isEqualTo(20);
        });
    }

    @Test
    void aPartOfTheLogVerifiesByItsEntriesInclusionProofs() throws IOException {
        log.checkpoint();

        assertThat(verify(export(5, 12), Optional.empty())).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void theLogGrownSinceAPreviousCheckpointVerifiesAgainstIt() throws IOException {
        byte[] previous = log.checkpoint().signed();
        log.append(SampleAuditEvents.deliveryAttempt(20));
        log.checkpoint();

        assertThat(verify(export(0, 21), Optional.of(previous))).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void anEntryChangedInStorageIsNamed() throws IOException {
        log.checkpoint();
        store.tamper(entries -> entries.set(
                7,
                new RecordedEntry(
                        new AuditEntry(7, SampleAuditEvents.deliveryAttempt(99)),
                        entries.get(7).recordedLeafHash())));

        assertThat(verify(export(0, 20), Optional.empty()))
                .isInstanceOfSatisfying(Verification.Failed.class, failed -> {
                    assertThat(failed.firstBadEntry()).hasValue(7);
                    assertThat(failed.reason()).contains("entry 7 was changed");
                });
    }

    @Test
    void anEntryChangedWithItsHashRecomputedFailsAgainstTheSignedRoot() throws IOException {
        log.checkpoint();
        store.tamper(entries -> {
            AuditEntry forged = new AuditEntry(7, SampleAuditEvents.deliveryAttempt(99));
            entries.set(7, new RecordedEntry(forged, AuditEntryEncoding.leafHash(forged)));
        });

        assertThat(verify(export(0, 20), Optional.empty()))
                .isInstanceOfSatisfying(
                        Verification.Failed.class,
                        failed -> assertThat(failed.reason()).contains("do not hash to the root signed for size 20"));
        log.append(SampleAuditEvents.deliveryAttempt(20));
        assertThatThrownBy(log::checkpoint)
                .isInstanceOf(LogDamagedException.class)
                .hasMessageContaining("no longer extends the checkpoint of size 20");
    }

    @Test
    void aDeletedEntryIsNamed() throws IOException {
        log.checkpoint();
        String export = export(0, 20);
        store.tamper(entries -> entries.remove(4));

        assertThat(verify(withoutEntry(export, 4), Optional.empty()))
                .isInstanceOfSatisfying(Verification.Failed.class, failed -> {
                    assertThat(failed.firstBadEntry()).hasValue(4);
                    assertThat(failed.reason()).contains("entry 4 is missing");
                });
        assertThatThrownBy(log::checkpoint).isInstanceOf(LogDamagedException.class);
    }

    @Test
    void twoSwappedEntriesAreNamed() throws IOException {
        log.checkpoint();
        store.tamper(entries -> Collections.swap(entries, 3, 9));

        assertThat(verify(export(0, 20), Optional.empty()))
                .isInstanceOfSatisfying(
                        Verification.Failed.class,
                        failed -> assertThat(failed.firstBadEntry()).hasValue(3));
    }

    @Test
    void aLogTruncatedAndRegrownFailsAgainstTheCheckpointsSignedBefore() throws IOException {
        log.checkpoint();
        store.tamper(entries -> entries.subList(15, 20).clear());
        for (int i = 15; i < 22; i++) {
            log.append(SampleAuditEvents.deliveryAttempt(100 + i));
        }

        assertThat(verify(export(0, 20), Optional.empty()))
                .isInstanceOfSatisfying(
                        Verification.Failed.class,
                        failed -> assertThat(failed.reason()).contains("between 0 and 19"));
        assertThatThrownBy(log::checkpoint).isInstanceOf(LogDamagedException.class);
    }

    @Test
    void aLogTruncatedAndRegrownWithItsCheckpointsNoLongerExtendsTheAuditorsPreviousCheckpoint() throws IOException {
        byte[] previous = log.checkpoint().signed();
        // The attacker reaches the whole database: entries and checkpoints alike go back to size 15, and
        // the gateway, seeing a consistent log, signs what grows from there.
        store.tamper(entries -> entries.subList(15, 20).clear());
        store.tamperCheckpoints(java.util.List::clear);
        for (int i = 15; i < 22; i++) {
            log.append(SampleAuditEvents.deliveryAttempt(100 + i));
        }
        SignedCheckpoint regrown = log.checkpoint();

        assertThat(regrown.checkpoint().size()).isEqualTo(22);
        assertThat(verify(export(0, 22), Optional.empty())).isInstanceOf(Verification.Verified.class);
        assertThat(verify(export(0, 22), Optional.of(previous)))
                .isInstanceOfSatisfying(
                        Verification.Failed.class,
                        failed -> assertThat(failed.reason()).contains("does not extend the previous checkpoint"));
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsRefused() throws IOException {
        log.checkpoint();
        ExportVerifier withTheWrongCertificate =
                new ExportVerifier(PKI.signing(TestPki.GATEWAY, org.pouch.certificates.KeySuite.EC_P256)
                        .certificate());

        assertThat(withTheWrongCertificate.verify(
                        new BufferedReader(new StringReader(export(0, 20))),
                        Optional.empty(),
                        VerificationProgress.NONE))
                .isInstanceOf(Verification.Failed.class);
    }

    @Test
    void progressCountsEveryEntry() throws IOException {
        log.checkpoint();
        long[] counted = new long[2];
        verifier.verify(
                new BufferedReader(new StringReader(export(0, 20))), Optional.empty(), new VerificationProgress() {
                    @Override
                    public void started(long entries) {
                        counted[0] = entries;
                    }

                    @Override
                    public void entryChecked() {
                        counted[1]++;
                    }
                });

        assertThat(counted).containsExactly(20, 20);
    }

    private String export(long from, long to) throws IOException {
        StringBuilder out = new StringBuilder();
        log.export(from, to, out);
        return out.toString();
    }

    private Verification verify(String export, Optional<byte[]> previous) throws IOException {
        return verifier.verify(new BufferedReader(new StringReader(export)), previous, VerificationProgress.NONE);
    }

    private static String withoutEntry(String export, long index) {
        StringBuilder kept = new StringBuilder();
        for (String line : export.split("\n")) {
            if (!line.contains("\"kind\":\"entry\",\"index\":" + index + ",")) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }
}
