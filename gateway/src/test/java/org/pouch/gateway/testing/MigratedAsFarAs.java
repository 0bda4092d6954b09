package org.pouch.gateway.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A database of its own migrated only as far as a version, for a test of the migrations after it: the test
 * writes what an older gateway wrote, runs the rest, and reads it back.
 */
public final class MigratedAsFarAs {

    /** What a test does with the database: {@code rest} runs the migrations after the version. */
    @FunctionalInterface
    public interface MigrationTest {
        void run(DataSource database, FluentConfiguration rest) throws Exception;
    }

    private MigratedAsFarAs() {}

    /** An in-memory H2 database in PostgreSQL mode, as the gateway's. */
    public static void onH2(String version, MigrationTest test) throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:migrated-to-" + version + "-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        // The in-memory database lives as long as a connection to it is open.
        try (Connection keptOpen = h2.getConnection()) {
            GatewayMigrations.on(h2).target(version).load().migrate();
            test.run(h2, GatewayMigrations.on(h2));
        }
    }

    /** A schema of its own in the shared PostgreSQL database, dropped afterwards. */
    public static void onPostgres(DataSource postgres, String version, MigrationTest test) throws Exception {
        String schema =
                "migrated_to_" + version + "_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = postgres.getConnection()) {
            execute(connection, "create schema " + schema);
            try {
                execute(connection, "set search_path to " + schema);
                DataSource database = new SingleConnectionDataSource(connection, true);
                GatewayMigrations.on(postgres)
                        .schemas(schema)
                        .target(version)
                        .load()
                        .migrate();
                test.run(database, GatewayMigrations.on(postgres).schemas(schema));
            } finally {
                execute(connection, "drop schema " + schema + " cascade");
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
