package org.pouch.overstay;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.pouch.exchange.ParticipantId;

/**
 * The store of what passed through the gateway that the overstay answers need: accepted pilgrim lists
 * (reduced to {@link ListedGroup}) and accepted movements. Recording is idempotent, so that recording an
 * exchange again (a sender's retry after a failure) changes nothing.
 */
public interface OverstayRecords {

    /**
     * Records an accepted list; a list whose (home, message id) is recorded already is left as it is. Joins
     * the caller's transaction if there is one.
     *
     * @param group the list's group; its own pilgrims are ignored
     * @param pilgrims the list's pilgrims in list order, taken one at a time as they are recorded
     */
    void recordList(ListedGroup group, Stream<ListedPilgrim> pilgrims);

    /** Records an accepted list held whole; see {@link #recordList(ListedGroup, Stream)}. */
    default void recordList(ListedGroup list) {
        recordList(list.withoutPilgrims(), list.pilgrims().stream());
    }

    /**
     * The list a movements report answers: the one with this message id and group reference when the
     * report names a message id, else the latest accepted with this group reference; in both cases sent by
     * {@code home} to {@code host}.
     */
    Optional<ListedGroup> findList(
            ParticipantId home, ParticipantId host, String groupReference, Optional<String> listMessageId);

    /**
     * Records accepted movements against the group they answer; a movement whose id is recorded for the
     * group already is left as it is.
     */
    void recordMovements(
            ParticipantId home, ParticipantId host, String groupReference, List<RecordedMovement> movements);
}
