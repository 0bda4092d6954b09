package org.pouch.gateway.audittrail;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pouch.audit.AuditTrail;
import org.pouch.gateway.testing.EmbeddedPostgresExtension;

/** The same audit trail on PostgreSQL 17, the production database. */
@ExtendWith(EmbeddedPostgresExtension.class)
class AuditTrailOnPostgresTest extends AuditTrailContract {

    static DataSource database;
    static AuditTrail trail;

    @BeforeAll
    static void connect(DataSource postgres) {
        database = postgres;
        trail = new JdbcAuditTrail(postgres);
    }

    @Override
    JdbcAuditTrail readingInBatchesOf(int entries) {
        return new JdbcAuditTrail(database, entries);
    }

    @Override
    AuditTrail trail() {
        return trail;
    }
}
