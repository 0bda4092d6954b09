package org.pouch.gateway.delivery;

import java.time.Clock;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pouch.delivery.DeliveryStore;
import org.pouch.gateway.testing.EmbeddedPostgresExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The same delivery store on PostgreSQL 17, the production database. */
@ExtendWith(EmbeddedPostgresExtension.class)
class DeliveryStoreOnPostgresTest extends DeliveryStoreContract {

    static JdbcClient jdbc;
    static DeliveryStore store;

    @BeforeAll
    static void connect(DataSource postgres) {
        jdbc = JdbcClient.create(postgres);
        store = new JdbcDeliveryStore(
                jdbc, new TransactionTemplate(new DataSourceTransactionManager(postgres)), Clock.systemUTC());
    }

    @Override
    DeliveryStore store() {
        return store;
    }

    @Override
    JdbcClient jdbc() {
        return jdbc;
    }
}
