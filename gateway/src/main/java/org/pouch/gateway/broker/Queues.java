package org.pouch.gateway.broker;

/** The gateway's queues, named the same on the embedded and on an external broker. */
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

    private Queues() {}
}
