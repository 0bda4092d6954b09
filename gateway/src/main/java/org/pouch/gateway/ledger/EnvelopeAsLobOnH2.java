package org.pouch.gateway.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.Context;
import org.pouch.gateway.migrations.VersionedJavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 6: on H2, the archived envelope becomes a {@code blob}. H2 keeps a {@code bytea} (varbinary)
 * value whole in memory, in the page that holds its row, several times over while it writes it: a 50 MB
 * envelope cannot be recorded at {@code -Xmx256m}. A blob goes to H2's separate LOB store in blocks and is
 * written and read as a stream. PostgreSQL keeps {@code bytea}, which its driver sends as a stream (see
 * docs/large-messages.md for what reading it costs). A Java migration because the change is for one of the
 * two databases; Flyway runs it between the SQL migrations by its version, which is declared here rather
 * than spelt in the class name.
 */
@Component
class EnvelopeAsLobOnH2 extends VersionedJavaMigration {

    EnvelopeAsLobOnH2() {
        super("6", "envelope as a blob on H2");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!connection.getMetaData().getDatabaseProductName().equals("H2")) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("alter table exchanges alter column envelope set data type binary large object");
        }
    }
}
