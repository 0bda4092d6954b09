package org.pouch.gateway.audittrail;

import javax.sql.DataSource;
import org.pouch.audit.AuditTrail;
import org.pouch.gateway.testing.GatewayTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The audit trail the running gateway uses, on its embedded H2 database. */
@GatewayTest
class AuditTrailOnH2Test extends AuditTrailContract {

    @Autowired
    AuditTrail trail;

    @Autowired
    DataSource dataSource;

    @Override
    AuditTrail trail() {
        return trail;
    }

    @Override
    JdbcAuditTrail readingInBatchesOf(int entries) {
        // Only reads: on H2 the gateway's own trail stays the one writer.
        return new JdbcAuditTrail(dataSource, entries);
    }
}
