package org.pouch.formats.watchlist;

/** The entry that matched: which list, and the entry's id in it as its owner numbers it. */
public record ListEntry(Watchlist list, String entryId) {}
