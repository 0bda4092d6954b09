package org.pouch.gateway.testing;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.util.FileSystemUtils;

/**
 * A database for a JMH benchmark of a store: the gateway's embedded H2 in a file of its own, with the
 * settings the gateway runs it with (every commit written to the file at once), or an embedded PostgreSQL.
 * Empty; the benchmark creates or migrates what it needs.
 */
public final class BenchmarkDatabase implements AutoCloseable {

    private final HikariDataSource pool = new HikariDataSource();
    private final Path directory;
    private final EmbeddedPostgres postgres;

    /** @param database {@code h2} or {@code postgres}, as the benchmarks' parameter names them */
    public BenchmarkDatabase(String database) throws IOException {
        if (database.equals("h2")) {
            directory = Files.createTempDirectory("pouch-bench-h2");
            postgres = null;
            // The gateway's own settings (application.yml).
            pool.setJdbcUrl("jdbc:h2:file:" + directory.resolve("pouch")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
        } else if (database.equals("postgres")) {
            directory = null;
            postgres = EmbeddedPostgres.builder().start();
            pool.setDataSource(postgres.getPostgresDatabase());
        } else {
            throw new IllegalArgumentException("no benchmark database called " + database);
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() throws IOException {
        pool.close();
        if (postgres != null) {
            postgres.close();
        }
        if (directory != null) {
            FileSystemUtils.deleteRecursively(directory);
        }
    }
}
