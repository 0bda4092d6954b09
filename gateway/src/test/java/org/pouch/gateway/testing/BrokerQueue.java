package org.pouch.gateway.testing;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import org.pouch.exchange.MessageHeaders;

/**
 * One of the gateway's queues as the tests look at it: always by exchange id, because every test of the
 * shared gateway uses the same queues. The delivery queue has a consumer, so tests read the ones it
 * does not consume: the dead-letter queue, or a queue of their own.
 */
public final class BrokerQueue {

    private final ConnectionFactory connectionFactory;
    private final String queue;

    public BrokerQueue(ConnectionFactory connectionFactory, String queue) {
        this.connectionFactory = connectionFactory;
        this.queue = queue;
    }

    /** The messages queued for this exchange id, left on the queue. */
    public List<Message> browse(String exchangeId) {
        List<Message> messages = new ArrayList<>();
        try (JMSContext context = connectionFactory.createContext();
                QueueBrowser browser = context.createBrowser(context.createQueue(queue), selector(exchangeId))) {
            Enumeration<?> queued = browser.getEnumeration();
            while (queued.hasMoreElements()) {
                messages.add((Message) queued.nextElement());
            }
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException("cannot browse " + queue, e);
        }
        return messages;
    }

    /** Takes the message queued for this exchange id off the queue; null if none comes within the timeout. */
    public Message take(String exchangeId, Duration timeout) {
        try (JMSContext context = connectionFactory.createContext();
                JMSConsumer consumer = context.createConsumer(context.createQueue(queue), selector(exchangeId))) {
            return consumer.receive(timeout.toMillis());
        }
    }

    private static String selector(String exchangeId) {
        if (!exchangeId.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("not an exchange id: " + exchangeId);
        }
        return MessageHeaders.EXCHANGE_ID + " = '" + exchangeId + "'";
    }
}
