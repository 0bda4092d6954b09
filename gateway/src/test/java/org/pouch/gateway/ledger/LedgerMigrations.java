package org.pouch.gateway.ledger;

import org.flywaydb.core.api.migration.JavaMigration;

/**
 * The ledger's Java migrations, for {@code GatewayMigrations}.
 */
public final class LedgerMigrations {

    private LedgerMigrations() {}

    public static JavaMigration[] all() {
        return new JavaMigration[] {new EnvelopeAsLobOnH2(), new EnvelopeInChunks()};
    }
}
