package org.pouch.gateway;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The Pouch gateway: the partner port, the management port, the stores, the broker and the routes. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PouchGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(PouchGatewayApplication.class, args);
    }

    /** Every timestamp the gateway writes (audit, receipts, created-at checks) is UTC, from one clock. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
