package org.pouch.gateway.broker;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * The JMS connection factory every part of the gateway uses, and Camel's {@code jms} component on it.
 * Without {@code pouch.broker.url} the gateway starts its own broker first and connects in-VM.
 *
 * <p>The connection factory bean depends on the broker bean, so Spring closes the connections before
 * it stops the broker, and starts the broker before anyone can connect.
 */
@Configuration(proxyBeanMethods = false)
public class BrokerConfiguration {

    @Bean(initMethod = "start", destroyMethod = "stop")
    @Conditional(EmbeddedWanted.class)
    EmbeddedBroker embeddedBroker(BrokerProperties properties) {
        return new EmbeddedBroker(properties.dataDirectory(), properties.maxDiskUsage());
    }

    @Bean
    @Conditional(EmbeddedWanted.class)
    BrokerDisk brokerDisk(EmbeddedBroker broker, BrokerProperties properties) {
        return new BrokerDisk(broker, properties.maxDiskUsage());
    }

    @Bean(name = "connectionFactory")
    @Conditional(EmbeddedWanted.class)
    CachingConnectionFactory embeddedBrokerConnectionFactory(EmbeddedBroker broker) {
        return caching(broker.connectorUrl());
    }

    @Bean(name = "connectionFactory")
    @Conditional(ExternalWanted.class)
    CachingConnectionFactory externalBrokerConnectionFactory(BrokerProperties properties) {
        return caching(properties.url());
    }

    @Bean
    ComponentCustomizer jmsComponentOnTheGatewayBroker(ConnectionFactory connectionFactory) {
        return ComponentCustomizer.forType(JmsComponent.class, jms -> jms.setConnectionFactory(connectionFactory));
    }

    private static CachingConnectionFactory caching(String url) {
        CachingConnectionFactory caching = new CachingConnectionFactory(new ActiveMQConnectionFactory(url));
        // Sessions and producers are reused for sends; consumers are not, because Camel's listener
        // containers hold their own and a cached one would keep taking messages for a closed listener.
        caching.setCacheConsumers(false);
        // One cached session per request thread that may send at once (Tomcat's 200): with fewer, each
        // send beyond the cache opened and closed a physical session, serialised on the connection
        // (profiled under pouch bench at 16 and 64 connections; docs/performance.md).
        caching.setSessionCacheSize(200);
        return caching;
    }

    private static boolean embeddedWanted(ConditionContext context) {
        return Binder.get(context.getEnvironment())
                .bind("pouch.broker.url", String.class)
                .map(String::isBlank)
                .orElse(true);
    }

    static final class EmbeddedWanted implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return embeddedWanted(context);
        }
    }

    static final class ExternalWanted implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !embeddedWanted(context);
        }
    }
}
