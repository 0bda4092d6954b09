package org.pouch.gateway.delivery;

import org.pouch.delivery.DeliveryStore;
import org.pouch.gateway.testing.GatewayTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The delivery store the running gateway uses, on its embedded H2 database. */
@GatewayTest
class DeliveryStoreOnH2Test extends DeliveryStoreContract {

    @Autowired
    DeliveryStore store;

    @Autowired
    JdbcClient jdbc;

    @Override
    DeliveryStore store() {
        return store;
    }

    @Override
    JdbcClient jdbc() {
        return jdbc;
    }
}
