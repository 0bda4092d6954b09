package org.pouch.gateway.audittrail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.pouch.audit.AuditEvent;
import org.pouch.audit.AuditLog;
import org.pouch.audit.checkpoint.CmsCheckpointSigner;
import org.pouch.audit.checkpoint.SignedCheckpoint;
import org.pouch.audit.merkle.InclusionProof;
import org.pouch.gateway.testing.GatewayMigrations;
import org.pouch.testing.SampleAuditEvents;
import org.pouch.testing.TestPki;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * The verifiable audit log at a size the thirty-minute run never reaches: a log of {@code entries} in an
 * H2 file with the gateway's schema, written through the gateway's store. Each operation reads the log
 * from the database, so one operation is one measurement (single shot). Run with
 * {@code ./mvnw -q -pl .,routes install -DskipTests} once, then
 * {@code ./mvnw -q -pl gateway -Pbench -DskipTests verify -Djmh.args=AuditLogBenchmark}; see docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
public class AuditLogBenchmark {

    @Param("1000000")
    public long entries;

    private Path directory;
    private JdbcAuditTrail store;
    private AuditLog wholeLogEveryTime;
    private AuditLog extendingTheLast;

    @Setup
    public void aLogInAnH2File() throws IOException {
        directory = Files.createTempDirectory("pouch-audit-bench");
        DriverManagerDataSource database = new DriverManagerDataSource("jdbc:h2:file:" + directory.resolve("log")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        GatewayMigrations.on(database).load().migrate();
        store = new JdbcAuditTrail(database);
        for (long written = 0; written < entries; written += 5_000) {
            List<AuditEvent> batch = new ArrayList<>();
            for (long i = written; i < Math.min(entries, written + 5_000); i++) {
                batch.add(SampleAuditEvents.deliveryAttempt(i));
            }
            store.appendAll(batch);
        }
        wholeLogEveryTime = logOver(Duration.ZERO);
        extendingTheLast = logOver(Duration.ofDays(365));
        extendingTheLast.checkpoint();
    }

    @TearDown
    public void removeTheFile() {
        store.close();
        FileSystemUtils.deleteRecursively(directory.toFile());
    }

    /** What every checkpoint cost before ADR 0024, and what the first after a start and each day still do. */
    @Benchmark
    public SignedCheckpoint checkpointReadingTheWholeLog() {
        store.append(SampleAuditEvents.deliveryAttempt(entries));
        return wholeLogEveryTime.checkpoint();
    }

    /** A checkpoint between whole-log checks: the previous checkpoint's edge and one new entry. */
    @Benchmark
    public SignedCheckpoint checkpointExtendingTheLastOne() {
        store.append(SampleAuditEvents.deliveryAttempt(entries));
        return extendingTheLast.checkpoint();
    }

    @Benchmark
    public InclusionProof inclusionProofInTheMiddle() {
        long size = store.size();
        return extendingTheLast.proveInclusion(size / 2, size);
    }

    @Benchmark
    public int exportOfAThousandEntriesWithProofs() throws IOException {
        StringBuilder out = new StringBuilder();
        extendingTheLast.export(entries / 2, entries / 2 + 1_000, out);
        return out.length();
    }

    private AuditLog logOver(Duration wholeLogCheckInterval) {
        return new AuditLog(
                store,
                new CmsCheckpointSigner(() -> TestPki.shared().pki().auditCheckpoint(), Clock.systemUTC()),
                "PK-GW/audit",
                Clock.systemUTC(),
                wholeLogCheckInterval);
    }
}
