package org.pouch.gateway.ledger;

import org.pouch.gateway.testing.GatewayTest;
import org.pouch.intake.ExchangeLedger;
import org.springframework.beans.factory.annotation.Autowired;

/** The ledger the running gateway uses, on its embedded H2 database. */
@GatewayTest
class ExchangeLedgerOnH2Test extends ExchangeLedgerContract {

    @Autowired
    ExchangeLedger ledger;

    @Override
    ExchangeLedger ledger() {
        return ledger;
    }
}
