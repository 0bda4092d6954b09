package org.pouch.gateway.broker;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.CachingConnectionFactory;

/** With an external broker configured, the gateway connects there and starts no broker of its own. */
class BrokerConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(BrokerProperties.class)
    static class Properties {}

    @Test
    void anExternalBrokerUrlReplacesTheEmbeddedBroker() {
        new ApplicationContextRunner()
                .withUserConfiguration(Properties.class, BrokerConfiguration.class)
                .withPropertyValues("pouch.broker.url=tcp://localhost:61616")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedBroker.class);
                    // Nothing has connected yet: connections are made on first use.
                    CachingConnectionFactory connectionFactory = context.getBean(CachingConnectionFactory.class);
                    assertThat(((ActiveMQConnectionFactory) connectionFactory.getTargetConnectionFactory()).toURI())
                            .hasHost("localhost")
                            .hasPort(61616);
                });
    }
}
