package org.pouch.formats.movements;

/**
 * Where the movement was recorded.
 *
 * @param code an IATA or ICAO airport code, or the host authority's code for a land crossing
 * @param name the post's name
 */
public record BorderPost(String code, String name) {}
