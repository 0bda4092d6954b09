package org.pouch.overstay;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.pouch.exchange.Header;
import org.pouch.exchange.ParticipantId;
import org.pouch.formats.pilgrims.Group;
import org.pouch.formats.pilgrims.PilgrimList;

/**
 * A pilgrim list the gateway accepted, as much of it as the overstay answers need.
 *
 * @param exchangeId the gateway's id for the exchange that carried it
 * @param listMessageId the sender's message id of the list, as its exchange header named it
 * @param home who sent the list (the pilgrims' home ministry)
 * @param host who it was sent to (the host country's authority)
 * @param departure the group's expected departure
 * @param permittedUntil the last day of the permitted stay: arrival plus the permitted days
 */
public record ListedGroup(
        String exchangeId,
        String listMessageId,
        ParticipantId home,
        ParticipantId host,
        String groupReference,
        LocalDate arrival,
        LocalDate departure,
        LocalDate permittedUntil,
        Instant acceptedAt,
        List<ListedPilgrim> pilgrims) {

    public ListedGroup {
        Objects.requireNonNull(exchangeId);
        Objects.requireNonNull(listMessageId);
        Objects.requireNonNull(home);
        Objects.requireNonNull(host);
        Objects.requireNonNull(groupReference);
        Objects.requireNonNull(arrival);
        Objects.requireNonNull(departure);
        Objects.requireNonNull(permittedUntil);
        Objects.requireNonNull(acceptedAt);
        pilgrims = List.copyOf(pilgrims);
    }

    /** What is kept of an accepted list. */
    public static ListedGroup of(Header header, String exchangeId, Instant acceptedAt, PilgrimList list) {
        return new ListedGroup(
                exchangeId,
                header.messageId(),
                header.from(),
                header.to(),
                list.group().reference(),
                list.group().arrival(),
                list.group().departure(),
                list.group().arrival().plusDays(list.group().permittedStayDays()),
                acceptedAt,
                list.pilgrims().stream().map(ListedPilgrim::of).toList());
    }

    /** What is kept of an accepted list's group, without its pilgrims. */
    public static ListedGroup of(Header header, String exchangeId, Instant acceptedAt, Group group) {
        return new ListedGroup(
                exchangeId,
                header.messageId(),
                header.from(),
                header.to(),
                group.reference(),
                group.arrival(),
                group.departure(),
                group.arrival().plusDays(group.permittedStayDays()),
                acceptedAt,
                List.of());
    }

    /** The same list without its pilgrims, for answers that name the list only. */
    public ListedGroup withoutPilgrims() {
        return new ListedGroup(
                exchangeId,
                listMessageId,
                home,
                host,
                groupReference,
                arrival,
                departure,
                permittedUntil,
                acceptedAt,
                List.of());
    }
}
