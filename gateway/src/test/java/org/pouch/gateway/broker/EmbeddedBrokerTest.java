package org.pouch.gateway.broker;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded broker on its own, outside Spring. */
class EmbeddedBrokerTest {

    /** Not the gateway's 0: the shared gateway test context may be running its broker in this JVM. */
    private static final int IN_VM_ID = 42;

    @TempDir
    Path data;

    @Test
    void aPersistentMessageSurvivesARestartOfTheBroker() throws Exception {
        EmbeddedBroker broker = new EmbeddedBroker(data, IN_VM_ID);
        broker.start();
        try {
            send(broker.connectorUrl(), "accepted exchange");
        } finally {
            broker.stop();
        }

        EmbeddedBroker restarted = new EmbeddedBroker(data, IN_VM_ID);
        restarted.start();
        try {
            Message received = receive(restarted.connectorUrl());
            assertThat(received).isInstanceOf(TextMessage.class);
            assertThat(((TextMessage) received).getText()).isEqualTo("accepted exchange");
        } finally {
            restarted.stop();
        }
    }

    private static void send(String url, String text) throws JMSException {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
                Connection connection = factory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer producer = session.createProducer(session.createQueue(Queues.DELIVERY))) {
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            producer.send(session.createTextMessage(text));
        }
    }

    private static Message receive(String url) throws JMSException {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
                Connection connection = factory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageConsumer consumer = session.createConsumer(session.createQueue(Queues.DELIVERY))) {
            connection.start();
            return consumer.receive(10_000);
        }
    }
}
