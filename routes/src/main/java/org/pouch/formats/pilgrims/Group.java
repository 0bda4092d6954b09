package org.pouch.formats.pilgrims;

import java.time.LocalDate;

/**
 * The group: who organises it, who leads it, where and when it enters the host country and how long it
 * may stay.
 *
 * @param reference the organiser's reference for the group
 * @param portOfEntry an IATA (3 letters) or ICAO (4 letters) airport code, or the name of a land border
 *     crossing
 * @param permittedStayDays how many days the host country allows, counted from arrival
 */
public record Group(
        String reference,
        Organiser organiser,
        GroupLeader leader,
        String portOfEntry,
        LocalDate arrival,
        LocalDate departure,
        int permittedStayDays) {}
