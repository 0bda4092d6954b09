package org.pouch.gateway.ledger;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Java migration of the ledger. Flyway runs it between the SQL migrations by the version declared here
 * rather than spelt in the class name. Its code is not checksummed: a migration, once released, never
 * changes.
 */
abstract class LedgerMigration implements JavaMigration {

    private final MigrationVersion version;
    private final String description;

    LedgerMigration(String version, String description) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
    }

    @Override
    public final MigrationVersion getVersion() {
        return version;
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return null;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }
}
