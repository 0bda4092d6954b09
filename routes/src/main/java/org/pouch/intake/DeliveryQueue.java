package org.pouch.intake;

import java.util.function.Predicate;
import org.apache.camel.builder.EndpointProducerBuilder;

/**
 * Where the intake queues accepted exchange ids for delivery, and how to tell that the queue refused one
 * for want of room. Only the gateway knows its broker; the intake turns such a refusal into
 * {@code unavailable} (503, retryable) instead of an internal error, since nothing is wrong with the
 * message and the same envelope will be taken once room is made.
 *
 * @param endpoint a persistent queue in the gateway
 * @param refusedAsFull whether a failure of a send to it was the queue refusing for want of room
 */
public record DeliveryQueue(EndpointProducerBuilder endpoint, Predicate<Throwable> refusedAsFull) {}
