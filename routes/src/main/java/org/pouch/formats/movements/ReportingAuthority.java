package org.pouch.formats.movements;

/**
 * The host-country authority that recorded the movements.
 *
 * @param participantId its Pouch participant id, for example {@code IQ-MOI}
 * @param name its name, for people reading a delivered document
 */
public record ReportingAuthority(String participantId, String name) {}
