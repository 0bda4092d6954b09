package org.pouch.gateway.delivery;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import org.pouch.exchange.MessageHeaders;
import org.pouch.gateway.broker.Queues;
import org.pouch.intake.AcceptedExchange;
import org.springframework.stereotype.Component;

/**
 * Puts a dead letter back on the delivery queue as a replay request, and takes its copy off the
 * dead-letter queue, in one JMS transaction. The delivery route does the rest: it finds the delivery
 * dead-lettered, gives it a fresh budget of attempts and tries again; a second request for the same
 * exchange finds it pending and is ignored.
 */
@Component
class DeadLetterReplays {

    private final ConnectionFactory connectionFactory;

    DeadLetterReplays(ConnectionFactory connectionFactory) {
        this.connectionFactory = connectionFactory;
    }

    void requeue(AcceptedExchange exchange, String operator) {
        try (JMSContext context = connectionFactory.createContext(JMSContext.SESSION_TRANSACTED)) {
            // The dead-letter queue's copy is the broker's view for operators; the database holds the
            // status, so a copy already gone (or never sent) changes nothing.
            try (JMSConsumer consumer =
                    context.createConsumer(context.createQueue(Queues.DEAD_LETTER), selector(exchange.exchangeId()))) {
                consumer.receiveNoWait();
            }
            context.createProducer()
                    .setProperty(MessageHeaders.EXCHANGE_ID, exchange.exchangeId())
                    .setProperty(MessageHeaders.RECIPIENT, exchange.recipient().value())
                    .setProperty(MessageHeaders.MESSAGE_TYPE, exchange.messageType())
                    .setProperty(MessageHeaders.REPLAY_BY, operator)
                    .send(context.createQueue(Queues.DELIVERY), exchange.exchangeId());
            context.commit();
        }
    }

    private static String selector(String exchangeId) {
        if (!exchangeId.matches("[A-Za-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("not an exchange id");
        }
        return MessageHeaders.EXCHANGE_ID + " = '" + exchangeId + "'";
    }
}
