package org.pouch.gateway.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded broker on its own, outside Spring. */
class EmbeddedBrokerTest {

    @TempDir
    Path data;

    @TempDir
    Path otherData;

    @Test
    void aPersistentMessageSurvivesARestartOfTheBroker() throws Exception {
        EmbeddedBroker broker = new EmbeddedBroker(data, 90);
        broker.start();
        try {
            send(broker.connectorUrl(), "accepted exchange");
        } finally {
            broker.stop();
        }

        EmbeddedBroker restarted = new EmbeddedBroker(data, 90);
        restarted.start();
        try {
            Message received = receive(restarted.connectorUrl());
            assertThat(received).isInstanceOf(TextMessage.class);
            assertThat(((TextMessage) received).getText()).isEqualTo("accepted exchange");
        } finally {
            restarted.stop();
        }
    }

    /** As the test contexts do: each starts a gateway, broker included, in the one JVM. */
    @Test
    void twoBrokersInOneJvmKeepTheirMessagesApart() throws Exception {
        EmbeddedBroker first = new EmbeddedBroker(data, 90);
        EmbeddedBroker second = new EmbeddedBroker(otherData, 90);
        first.start();
        try {
            second.start();
            try {
                assertThat(second.connectorUrl()).isNotEqualTo(first.connectorUrl());
                send(first.connectorUrl(), "for the first gateway");

                assertThat(receiveNow(second.connectorUrl())).isNull();
                assertThat(((TextMessage) receive(first.connectorUrl())).getText())
                        .isEqualTo("for the first gateway");
            } finally {
                second.stop();
            }
        } finally {
            first.stop();
        }
    }

    @Test
    void aBrokerRefusesToStartOnAnInVmIdAnotherBrokerHolds() throws Exception {
        EmbeddedBroker holder = new EmbeddedBroker(data, 90);
        holder.start();
        try {
            int taken = Integer.parseInt(holder.connectorUrl().substring("vm://".length()));
            EmbeddedBroker latecomer = new EmbeddedBroker(otherData, 90, taken);

            assertThatIllegalStateException().isThrownBy(latecomer::start).withMessageContaining("in-VM id " + taken);
            send(holder.connectorUrl(), "still the holder's");
            assertThat(((TextMessage) receive(holder.connectorUrl())).getText()).isEqualTo("still the holder's");
        } finally {
            holder.stop();
        }
    }

    /** Any disk in use is fuller than 0 %: the broker refuses at once, as the intake needs it to. */
    @Test
    void withItsDiskFullerThanAllowedTheBrokerRefusesASendAtOnceInsteadOfHoldingIt() throws Exception {
        EmbeddedBroker broker = new EmbeddedBroker(data, 0);
        broker.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(broker::diskFull);

            JMSException refused = assertTimeoutPreemptively(
                    Duration.ofSeconds(20),
                    () -> catchThrowableOfType(JMSException.class, () -> send(broker.connectorUrl(), "refused")));

            assertThat(Queues.refusedAsFull(refused)).isTrue();
            assertThat(Queues.refusedAsFull(new RuntimeException("wrapped", refused)))
                    .isTrue();
            assertThat(Queues.refusedAsFull(new JMSException("another failure")))
                    .isFalse();
            assertThat(receiveNow(broker.connectorUrl())).isNull();
        } finally {
            broker.stop();
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
        return receive(url, false);
    }

    /** What the queue holds now: Artemis asks the broker, so an empty answer means an empty queue. */
    private static Message receiveNow(String url) throws JMSException {
        return receive(url, true);
    }

    private static Message receive(String url, boolean now) throws JMSException {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
                Connection connection = factory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageConsumer consumer = session.createConsumer(session.createQueue(Queues.DELIVERY))) {
            connection.start();
            return now ? consumer.receiveNoWait() : consumer.receive(10_000);
        }
    }
}
