package org.pouch.gateway.broker;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.jms.JmsComponent;
import org.junit.jupiter.api.Test;
import org.pouch.exchange.MessageHeaders;
import org.pouch.gateway.testing.BrokerQueue;
import org.pouch.gateway.testing.GatewayTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Camel's jms component and the gateway's connection factory reach the embedded broker. Sent to the
 * dead-letter queue, which nothing consumes: the delivery route takes what arrives on the delivery queue.
 */
@GatewayTest
class DeliveryQueueTest {

    private static final Duration RECEIVE_TIMEOUT = Duration.ofSeconds(10);

    @Autowired
    ProducerTemplate camel;

    @Autowired
    ConnectionFactory connectionFactory;

    @Autowired
    CamelContext camelContext;

    @Test
    void camelsJmsComponentUsesTheGatewaysConnectionFactory() {
        assertThat(camelContext
                        .getComponent("jms", JmsComponent.class)
                        .getConfiguration()
                        .getConnectionFactory())
                .isSameAs(connectionFactory);
    }

    @Test
    void aMessageSentThroughCamelArrivesPersistentWithItsHeaders() throws JMSException {
        String exchangeId = UUID.randomUUID().toString();
        String body = "exchange " + exchangeId;

        camel.sendBodyAndHeaders(
                "jms:queue:" + Queues.DEAD_LETTER,
                body,
                Map.of(MessageHeaders.EXCHANGE_ID, exchangeId, MessageHeaders.RECIPIENT, "IQ-MOI"));

        // Taken by its exchange id: other tests of the shared gateway dead-letter into the same queue.
        Message received = new BrokerQueue(connectionFactory, Queues.DEAD_LETTER).take(exchangeId, RECEIVE_TIMEOUT);
        assertThat(received).isInstanceOf(TextMessage.class);
        assertThat(((TextMessage) received).getText()).isEqualTo(body);
        assertThat(received.getStringProperty(MessageHeaders.RECIPIENT)).isEqualTo("IQ-MOI");
        assertThat(received.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
    }
}
