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

    private MessageHeaders() {}
}
