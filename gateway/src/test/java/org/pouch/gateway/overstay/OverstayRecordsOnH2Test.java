package org.pouch.gateway.overstay;

import org.pouch.gateway.testing.GatewayTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The overstay store the running gateway uses, on its embedded H2 database. */
@GatewayTest
class OverstayRecordsOnH2Test extends OverstayRecordsContract {

    @Autowired
    JdbcOverstayRecords records;

    @Autowired
    TransactionTemplate transactions;

    @Override
    JdbcOverstayRecords records() {
        return records;
    }

    @Override
    TransactionTemplate transactions() {
        return transactions;
    }
}
