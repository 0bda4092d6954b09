package org.pouch.gateway.ledger;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pouch.gateway.testing.EmbeddedPostgresExtension;
import org.pouch.intake.ExchangeLedger;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The same ledger on PostgreSQL 17, the production database. */
@ExtendWith(EmbeddedPostgresExtension.class)
class ExchangeLedgerOnPostgresTest extends ExchangeLedgerContract {

    static ExchangeLedger ledger;

    @BeforeAll
    static void connect(DataSource postgres) {
        ledger = new JdbcExchangeLedger(JdbcClient.create(postgres));
    }

    @Override
    ExchangeLedger ledger() {
        return ledger;
    }
}
