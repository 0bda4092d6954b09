package org.pouch.formats.training;

/**
 * Where a session is held.
 *
 * @param country ISO 3166-1 alpha-2
 */
public record Place(String name, String address, String city, String country) {}
