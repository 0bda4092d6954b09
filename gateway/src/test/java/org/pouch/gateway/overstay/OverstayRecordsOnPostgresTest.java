package org.pouch.gateway.overstay;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pouch.gateway.testing.EmbeddedPostgresExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The same store on PostgreSQL 17, the production database. */
@ExtendWith(EmbeddedPostgresExtension.class)
class OverstayRecordsOnPostgresTest extends OverstayRecordsContract {

    static JdbcOverstayRecords records;
    static TransactionTemplate transactions;

    @BeforeAll
    static void connect(DataSource postgres) {
        transactions = new TransactionTemplate(new JdbcTransactionManager(postgres));
        records = new JdbcOverstayRecords(JdbcClient.create(postgres), transactions);
    }

    @Override
    JdbcOverstayRecords records() {
        return records;
    }

    @Override
    TransactionTemplate transactions() {
        return transactions;
    }
}
