package org.pouch.formats.movements;

/**
 * Which pilgrim list the movements answer. The group reference is what border posts see on the
 * pilgrims' papers; the message id is known only to a partner that kept the exchange header.
 *
 * @param groupReference the organiser's reference for the group, as in the pilgrim list
 * @param listMessageId the exchange message id of that pilgrim list, or null
 */
public record ListReference(String groupReference, String listMessageId) {}
