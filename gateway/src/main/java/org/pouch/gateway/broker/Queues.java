package org.pouch.gateway.broker;

import jakarta.jms.JMSException;
import org.apache.activemq.artemis.api.core.ActiveMQAddressFullException;
import org.apache.camel.builder.EndpointConsumerBuilder;
import org.apache.camel.builder.EndpointProducerBuilder;
import org.apache.camel.builder.endpoint.StaticEndpointBuilders;

/**
 * The gateway's queues, named the same on the embedded and on an external broker, and how a route takes
 * from one in a transaction.
 */
public final class Queues {

    /**
     * Where accepted exchanges wait for delivery: one queue, with the recipient in a message header, so
     * that delivery can fan out per partner without a queue per partner to configure.
     */
    public static final String DELIVERY = "pouch.delivery";

    /**
     * Where the broker itself puts a delivery message that has failed too many times or expired. A safety
     * net under delivery's own dead-letter handling: without it the broker would drop such a message.
     */
    public static final String DEAD_LETTER = "pouch.dead-letter";

    /**
     * Takes each message in a local JMS transaction of the consumer's session: committed when the route
     * returns, rolled back (and the message redelivered) when it throws. Sends to {@link #inTransaction}
     * endpoints from the route join that transaction.
     *
     * <p>Without a transaction manager on purpose: with one (Camel creates it when none is given), Spring's
     * listener container caches nothing, and opened and closed a broker consumer for every message, then
     * waited for the new consumer's first message (JFR under {@code pouch bench}: a third of a delivery
     * thread's waits).
     */
    public static EndpointConsumerBuilder transactedConsumer(String queue, int concurrentConsumers) {
        return StaticEndpointBuilders.jms("queue:" + queue)
                .transacted(true)
                .cacheLevelName("CACHE_CONSUMER")
                .concurrentConsumers(concurrentConsumers)
                .advanced()
                .lazyCreateTransactionManager(false);
    }

    /** Sends within the transaction of the {@link #transactedConsumer} whose route sends. */
    public static EndpointProducerBuilder inTransaction(String queue) {
        return StaticEndpointBuilders.jms("queue:" + queue).transacted(true);
    }

    /**
     * Whether a send failed because the broker refuses messages for want of room (its disk beyond
     * {@code max-disk-usage} under the {@code FAIL} disk-full policy, or an address full under the
     * {@code FAIL} address-full policy): it takes them again once room is made, so the sender can retry.
     * Artemis reports it as a JMS exception linking the cause.
     */
    public static boolean refusedAsFull(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ActiveMQAddressFullException
                    || t instanceof JMSException jms
                            && jms.getLinkedException() instanceof ActiveMQAddressFullException) {
                return true;
            }
        }
        return false;
    }

    private Queues() {}
}
