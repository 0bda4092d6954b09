package org.pouch.exchange;

/**
 * Names of the message headers the gateway's routes and queues carry. JMS allows only Java identifiers
 * as property names, hence the camel case.
 */
public final class MessageHeaders {

    /** The gateway's exchange id. */
    public static final String EXCHANGE_ID = "PouchExchangeId";

    /** The participant id the exchange is for. */
    public static final String RECIPIENT = "PouchRecipient";

    /** The message type, for example {@code pilgrim-list}. */
    public static final String MESSAGE_TYPE = "PouchMessageType";

    /** How many delivery attempts the message has behind it when it is queued again for a retry. */
    public static final String ATTEMPT = "PouchAttempt";

    /** When the exchange id was first queued, epoch milliseconds, kept across retries and waits. */
    public static final String QUEUED_AT = "PouchQueuedAt";

    /** On a replay request: the operator who asked for it. */
    public static final String REPLAY_BY = "PouchReplayBy";

    /**
     * The Artemis message property that holds a message back until this time, epoch milliseconds; how a
     * retry waits on the broker rather than in memory.
     */
    public static final String SCHEDULED_DELIVERY_TIME = "_AMQ_SCHED_DELIVERY";

    private MessageHeaders() {}
}
