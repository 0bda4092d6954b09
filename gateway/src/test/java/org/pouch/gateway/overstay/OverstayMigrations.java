package org.pouch.gateway.overstay;

import org.flywaydb.core.api.migration.JavaMigration;

/** The overstay records' Java migrations, for {@code GatewayMigrations}. */
public final class OverstayMigrations {

    private OverstayMigrations() {}

    public static JavaMigration[] all() {
        return new JavaMigration[] {new PilgrimsInBatches()};
    }
}
