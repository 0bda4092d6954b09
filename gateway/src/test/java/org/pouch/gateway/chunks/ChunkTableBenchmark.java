package org.pouch.gateway.chunks;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

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

    private Path directory;
    private EmbeddedPostgres postgres;
    private HikariDataSource pool;
    private ChunkTable chunks;
    private TransactionTemplate transactions;
    private Content envelope;
    private long kept;

    @Setup
    public void anEmptyChunkTable() throws IOException {
        pool = new HikariDataSource();
        if (database.equals("h2")) {
            directory = Files.createTempDirectory("pouch-chunk-bench");
            // The gateway's own settings (application.yml): every commit written to the file at once.
            pool.setJdbcUrl("jdbc:h2:file:" + directory.resolve("pouch")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
        } else {
            postgres = EmbeddedPostgres.builder().start();
            pool.setDataSource(postgres.getPostgresDatabase());
        }
        JdbcClient jdbc = JdbcClient.create(pool);
        // The shape of delivery_envelope_chunks, without the deliveries row it references.
        jdbc.sql("create table envelope_chunks (exchange_id varchar(64) not null, chunk integer not null,"
                        + " bytes bytea not null, primary key (exchange_id, chunk))")
                .update();
        chunks = new ChunkTable(jdbc, "envelope_chunks");
        transactions = new TransactionTemplate(new JdbcTransactionManager(pool));
        byte[] bytes = new byte[size];
        new SplittableRandom(size).nextBytes(bytes);
        envelope = Content.inMemory(bytes);
    }

    @TearDown
    public void removeTheDatabase() throws IOException {
        pool.close();
        if (postgres != null) {
            postgres.close();
        }
        if (directory != null) {
            FileSystemUtils.deleteRecursively(directory.toFile());
        }
    }

    @Benchmark
    public long keepAnEnvelope() {
        long number = kept++;
        transactions.executeWithoutResult(transaction -> chunks.write("exchange-" + number, envelope));
        return number;
    }
}
