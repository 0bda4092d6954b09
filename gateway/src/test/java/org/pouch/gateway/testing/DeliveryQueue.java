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
import org.pouch.gateway.broker.Queues;

/**
 * The gateway's delivery queue as the tests look at it: always by exchange id, because every test of the
 * shared gateway queues into the same queue and nothing consumes it yet.
 */
public final class DeliveryQueue {

    private final ConnectionFactory connectionFactory;

    public DeliveryQueue(ConnectionFactory connectionFactory) {
        this.connectionFactory = connectionFactory;
    }

    /** The messages queued for this exchange id, left on the queue. */
    public List<Message> browse(String exchangeId) {
        List<Message> messages = new ArrayList<>();
        try (JMSContext context = connectionFactory.createContext();
                QueueBrowser browser =
                        context.createBrowser(context.createQueue(Queues.DELIVERY), selector(exchangeId))) {
            Enumeration<?> queued = browser.getEnumeration();
            while (queued.hasMoreElements()) {
                messages.add((Message) queued.nextElement());
            }
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException("cannot browse " + Queues.DELIVERY, e);
        }
        return messages;
    }

    /** Takes the message queued for this exchange id off the queue; null if none comes within the timeout. */
    public Message take(String exchangeId, Duration timeout) {
        try (JMSContext context = connectionFactory.createContext();
                JMSConsumer consumer =
                        context.createConsumer(context.createQueue(Queues.DELIVERY), selector(exchangeId))) {
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
