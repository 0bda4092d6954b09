package org.pouch.gateway.audittrail;

import org.pouch.audit.AuditTrail;
import org.pouch.gateway.testing.GatewayTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The audit trail the running gateway uses, on its embedded H2 database. */
@GatewayTest
class AuditTrailOnH2Test extends AuditTrailContract {

    @Autowired
    AuditTrail trail;

    @Override
    AuditTrail trail() {
        return trail;
    }
}
