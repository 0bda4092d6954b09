package org.pouch.gateway.chunks;

import java.io.IOException;
import java.util.SplittableRandom;
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
import org.pouch.exchange.Content;
import org.pouch.gateway.testing.BenchmarkDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeping one envelope in a chunk table, one envelope a commit as a delivery's preparation and the accept
 * step keep theirs, on the gateway's embedded H2 (a file, every commit written as the gateway writes it)
 * and on PostgreSQL. Run with {@code ./mvnw -q -pl .,routes install -DskipTests} once, then
 * {@code ./mvnw -q -pl gateway -Pbench -DskipTests verify -Djmh.args=ChunkTableBenchmark}; see
 * docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
public class ChunkTableBenchmark {

    @Param({"h2", "postgres"})
    public String database;

    /** A 10 KB pilgrim list's envelope, and one chunk's worth. */
    @Param({"12288", "1048576"})
    public int size;

    private BenchmarkDatabase db;
    private ChunkTable chunks;
    private TransactionTemplate transactions;
    private Content envelope;
    private long kept;

    @Setup
    public void anEmptyChunkTable() throws IOException {
        db = new BenchmarkDatabase(database);
        JdbcClient jdbc = JdbcClient.create(db.dataSource());
        // The shape of delivery_envelope_chunks, without the deliveries row it references.
        jdbc.sql("create table envelope_chunks (exchange_id varchar(64) not null, chunk integer not null,"
                        + " bytes bytea not null, primary key (exchange_id, chunk))")
                .update();
        chunks = new ChunkTable(jdbc, "envelope_chunks");
        transactions = new TransactionTemplate(new JdbcTransactionManager(db.dataSource()));
        byte[] bytes = new byte[size];
        new SplittableRandom(size).nextBytes(bytes);
        envelope = Content.inMemory(bytes);
    }

    @TearDown
    public void removeTheDatabase() throws IOException {
        db.close();
    }

    @Benchmark
    public long keepAnEnvelope() {
        long number = kept++;
        transactions.executeWithoutResult(transaction -> chunks.write("exchange-" + number, envelope));
        return number;
    }
}
