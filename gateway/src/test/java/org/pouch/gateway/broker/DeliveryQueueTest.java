package org.pouch.gateway.broker;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.jms.JmsComponent;
import org.junit.jupiter.api.Test;
import org.pouch.gateway.testing.GatewayTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Camel's jms component and the gateway's connection factory reach the embedded broker's delivery queue. */
@GatewayTest
class DeliveryQueueTest {

    private static final long RECEIVE_TIMEOUT_MILLIS = 10_000;

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
    void aMessageSentThroughCamelArrivesPersistentWithItsRecipientHeader() throws JMSException {
        String body = "exchange " + UUID.randomUUID();

        camel.sendBodyAndHeader("jms:queue:" + Queues.DELIVERY, body, "recipient", "IQ-MOI");

        Message received = receiveFromDeliveryQueue();
        assertThat(received).isInstanceOf(TextMessage.class);
        assertThat(((TextMessage) received).getText()).isEqualTo(body);
        assertThat(received.getStringProperty("recipient")).isEqualTo("IQ-MOI");
        assertThat(received.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
    }

    private Message receiveFromDeliveryQueue() throws JMSException {
        // The caching factory hands out its one shared connection and ignores close(); the consumer and
        // its session are really closed.
        try (Connection connection = connectionFactory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageConsumer consumer = session.createConsumer(session.createQueue(Queues.DELIVERY))) {
            connection.start();
            return consumer.receive(RECEIVE_TIMEOUT_MILLIS);
        }
    }
}
