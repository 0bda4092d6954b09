package org.pouch.formats.pilgrims;

import java.time.LocalDate;

/** The travel document a pilgrim enters with. */
public record Passport(String number, LocalDate expiry) {}
