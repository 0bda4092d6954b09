package org.pouch.formats.watchlist;

/** @param country ISO 3166-1 alpha-3 */
public record Place(PlaceKind kind, String name, String country) {}
