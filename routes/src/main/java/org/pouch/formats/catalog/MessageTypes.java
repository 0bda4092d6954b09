package org.pouch.formats.catalog;

import java.util.List;
import org.pouch.exchange.RejectedException;
import org.pouch.exchange.RejectionReason;
import org.pouch.formats.MessageType;
import org.pouch.formats.movements.PilgrimMovementsType;
import org.pouch.formats.pilgrims.PilgrimListType;
import org.pouch.formats.training.TrainingScheduleType;
import org.pouch.formats.watchlist.WatchlistHitType;

/**
 * Every message type the gateway knows, by the type and schema version an exchange header names. Its
 * own package, so that the types depend on the shared contract in {@code org.pouch.formats} and the
 * catalog on both, without a cycle.
 */
public final class MessageTypes {

    private static final List<MessageType<?>> ALL = List.of(
            new PilgrimListType(), new PilgrimMovementsType(), new WatchlistHitType(), new TrainingScheduleType());

    private MessageTypes() {}

    /**
     * @throws RejectedException {@link RejectionReason#SCHEMA_INVALID} when the gateway has no schema for
     *     that type at that version
     */
    public static MessageType<?> lookup(String type, String schemaVersion) {
        return ALL.stream()
                .filter(t -> t.name().equals(type) && t.schemaVersion().equals(schemaVersion))
                .findFirst()
                .orElseThrow(() -> new RejectedException(
                        RejectionReason.SCHEMA_INVALID,
                        "header: no schema for message type " + type + " version " + schemaVersion));
    }

    /** All of them, for publishing the schemas. */
    public static List<MessageType<?>> all() {
        return ALL;
    }
}
