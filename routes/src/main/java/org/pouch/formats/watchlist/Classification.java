package org.pouch.formats.watchlist;

/** The security classification; the wire values are the markings themselves. */
public enum Classification {
    RESTRICTED,
    CONFIDENTIAL,
    SECRET
}
