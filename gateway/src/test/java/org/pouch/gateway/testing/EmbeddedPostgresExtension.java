package org.pouch.gateway.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real PostgreSQL 17 for tests, migrated with the gateway's own Flyway migrations, resolved as a
 * {@link DataSource} parameter. Started once for the whole test run, however many classes use it, and
 * stopped when the run ends.
 */
public final class EmbeddedPostgresExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == DataSource.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return extension
                .getRoot()
                .getStore(ExtensionContext.Namespace.create(EmbeddedPostgresExtension.class))
                .computeIfAbsent(Database.class, key -> Database.start(), Database.class)
                .dataSource();
    }

    /** Closed by JUnit when the root context ends, that is after the last test. */
    private record Database(EmbeddedPostgres postgres) implements AutoCloseable {

        static Database start() {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                GatewayMigrations.on(postgres.getPostgresDatabase()).load().migrate();
                return new Database(postgres);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start PostgreSQL", e);
            }
        }

        DataSource dataSource() {
            return postgres.getPostgresDatabase();
        }

        @Override
        public void close() throws IOException {
            postgres.close();
        }
    }
}
