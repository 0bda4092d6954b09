package org.pouch.gateway.ledger;

import org.flywaydb.core.api.migration.JavaMigration;

/**
 * The ledger's Java migrations, for a Flyway that tests configure themselves: the application hands them to
 * Flyway as beans, and Flyway's own class scan cannot make instances of package-private classes.
 */
public final class LedgerMigrations {

    private LedgerMigrations() {}

    public static JavaMigration[] all() {
        return new JavaMigration[] {new EnvelopeAsLobOnH2(), new EnvelopeInChunks()};
    }
}
