package org.pouch.gateway.overstay;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
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
import org.pouch.exchange.ParticipantId;
import org.pouch.gateway.testing.BenchmarkDatabase;
import org.pouch.gateway.testing.GatewayMigrations;
import org.pouch.overstay.ListedGroup;
import org.pouch.overstay.ListedPilgrim;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recording and reading a pilgrim list's overstay facts, one list a transaction as the accept step records
 * them, on the gateway's embedded H2 (a file, every commit written as the gateway writes it) and on
 * PostgreSQL, each holding {@code listsBefore} lists already. Run with {@code ./mvnw -q -pl .,routes install
 * -DskipTests} once, then {@code ./mvnw -q -pl gateway -Pbench -DskipTests verify
 * -Djmh.args=OverstayRecordsBenchmark}; see docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
public class OverstayRecordsBenchmark {

    private static final ParticipantId HOME = ParticipantId.of("PK-MOI");
    private static final ParticipantId HOST = ParticipantId.of("IQ-MOI");

    @Param({"h2", "postgres"})
    public String database;

    /** About what a 10 KB list of the load generator holds. */
    @Param("30")
    public int pilgrims;

    @Param("20000")
    public int listsBefore;

    private BenchmarkDatabase db;
    private JdbcOverstayRecords records;
    private int recorded;

    @Setup
    public void aDatabaseWithListsRecorded() throws IOException {
        db = new BenchmarkDatabase(database);
        GatewayMigrations.on(db.dataSource()).load().migrate();
        records = recordsOn(db.dataSource());
        for (int i = 0; i < listsBefore; i++) {
            recordAList();
        }
    }

    @TearDown
    public void removeTheDatabase() throws IOException {
        db.close();
    }

    /** What the accept step does for each list it accepts (there with the ledger row in the same commit). */
    @Benchmark
    public int recordAList() {
        int number = recorded++;
        records.recordList(list(number));
        return number;
    }

    /** What the guard does for each movement report, and an overstay answer for each current list. */
    @Benchmark
    public Optional<ListedGroup> readAList() {
        return records.findList(HOME, HOST, "G-" + (recorded / 2), Optional.empty());
    }

    private ListedGroup list(int number) {
        LocalDate arrival = LocalDate.of(2026, 3, 1);
        return new ListedGroup(
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                HOME,
                HOST,
                "G-" + number,
                arrival,
                arrival.plusDays(10),
                arrival.plusDays(14),
                Instant.now(),
                IntStream.range(0, pilgrims)
                        .mapToObj(i -> new ListedPilgrim(
                                String.format("P%08d", (number * pilgrims + i) % 100_000_000),
                                "PAK",
                                "Surname" + i,
                                "Given Names " + number))
                        .toList());
    }

    private static JdbcOverstayRecords recordsOn(DataSource database) {
        return new JdbcOverstayRecords(
                JdbcClient.create(database), new TransactionTemplate(new JdbcTransactionManager(database)));
    }
}
