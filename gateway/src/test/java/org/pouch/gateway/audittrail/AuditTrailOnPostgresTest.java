package org.pouch.gateway.audittrail;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pouch.audit.AuditTrail;
import org.pouch.gateway.testing.EmbeddedPostgresExtension;

/** The same audit trail on PostgreSQL 17, the production database. */
@ExtendWith(EmbeddedPostgresExtension.class)
class AuditTrailOnPostgresTest extends AuditTrailContract {

    static AuditTrail trail;

    @BeforeAll
    static void connect(DataSource postgres) {
        trail = new JdbcAuditTrail(postgres);
    }

    @Override
    AuditTrail trail() {
        return trail;
    }
}
