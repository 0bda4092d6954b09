package org.pouch.gateway.migrations;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Java migration of the gateway's schema, for a change SQL alone cannot make on both databases. Flyway runs
 * it between the SQL migrations ({@code db/migration}) by the version declared here rather than spelt in the
 * class name; the application hands it to Flyway as a bean. Its code is not checksummed: a migration, once
 * released, never changes.
 */
public abstract class VersionedJavaMigration implements JavaMigration {

    private final MigrationVersion version;
    private final String description;

    protected VersionedJavaMigration(String version, String description) {
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
