package org.pouch.formats.watchlist;

/** @param issuingCountry ISO 3166-1 alpha-3, as printed in the document */
public record IdentityDocument(DocumentType type, String number, String issuingCountry) {}
