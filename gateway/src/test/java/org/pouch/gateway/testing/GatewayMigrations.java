package org.pouch.gateway.testing;

import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.pouch.gateway.ledger.LedgerMigrations;
import org.pouch.gateway.overstay.OverstayMigrations;

/**
 * The gateway's schema migrations, SQL and Java, for tests that migrate a database themselves. The application
 * hands its Java migrations to Flyway as beans; Flyway's own class scan cannot make instances of the
 * package-private classes, so each package lists its own.
 */
public final class GatewayMigrations {

    private GatewayMigrations() {}

    /** Flyway configured with every migration of the gateway, on {@code database}. */
    public static FluentConfiguration on(DataSource database) {
        return Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .javaMigrations(javaMigrations());
    }

    private static JavaMigration[] javaMigrations() {
        return Stream.of(LedgerMigrations.all(), OverstayMigrations.all())
                .flatMap(Stream::of)
                .toArray(JavaMigration[]::new);
    }
}
