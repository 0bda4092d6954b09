package org.pouch.overstay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.pouch.exchange.Header;
import org.pouch.exchange.Payload;
import org.pouch.formats.RuleViolation;
import org.pouch.formats.catalog.MessageTypes;
import org.pouch.formats.movements.ListReference;
import org.pouch.formats.movements.Movement;
import org.pouch.formats.movements.PilgrimMovements;
import org.pouch.formats.pilgrims.PilgrimList;
import org.pouch.formats.pilgrims.PilgrimListStream;

/**
 * What the intake does with the overstay records: the guard checks that movements name passports of the
 * list they answer, and the accept step records lists and movements once the ledger holds the exchange.
 * Other message types pass through untouched.
 *
 * <p>The list is the one its home ministry sent to the reporting host authority through this gateway:
 * movements from {@code IQ-MOI} to {@code PK-MOI} answer lists from {@code PK-MOI} to {@code IQ-MOI}.
 */
public final class OverstayFacts {

    static final String LIST_ACCEPTED = "list-accepted-by-gateway";
    static final String PASSPORT_LISTED = "passport-on-answered-list";

    private final OverstayRecords records;

    public OverstayFacts(OverstayRecords records) {
        this.records = records;
    }

    /**
     * The business rules that need the records: "movements refer to listed pilgrims' passports".
     *
     * @param message the validated canonical model of the payload
     * @return the violations, in document order; empty for other message types
     */
    public List<RuleViolation> check(Header header, Object message) {
        if (!(message instanceof PilgrimMovements report)) {
            return List.of();
        }
        ListReference answers = report.answers();
        Optional<ListedGroup> list = records.findList(
                header.to(), header.from(), answers.groupReference(), Optional.ofNullable(answers.listMessageId()));
        if (list.isEmpty()) {
            String field = answers.listMessageId() == null ? "$.answers.groupReference" : "$.answers.listMessageId";
            return List.of(new RuleViolation(field, LIST_ACCEPTED));
        }
        Set<String> listed = new HashSet<>();
        list.get().pilgrims().forEach(p -> listed.add(passport(p.passportNumber(), p.nationality())));
        List<RuleViolation> violations = new ArrayList<>();
        for (int i = 0; i < report.movements().size(); i++) {
            Movement movement = report.movements().get(i);
            String passport = passport(
                    movement.traveller().passportNumber(), movement.traveller().nationality());
            if (!listed.contains(passport)) {
                violations.add(new RuleViolation("$.movements[" + i + "].traveller.passportNumber", PASSPORT_LISTED));
            }
        }
        return violations;
    }

    /**
     * Records what an accepted exchange tells: a list's group and passports, or a report's movements.
     * Idempotent, so an exchange recorded again changes nothing. A pilgrim list in JSON is read from the
     * payload as a stream, pilgrim by pilgrim, never bound whole.
     *
     * @param validated the payload's model if the guard bound it; read from the payload when needed if not
     */
    public void record(Header header, String exchangeId, Instant acceptedAt, Payload payload, Optional<?> validated) {
        if (!concerns(header.type())) {
            return;
        }
        if (header.type().equals(PilgrimList.TYPE) && validated.isEmpty() && PilgrimListStream.reads(payload)) {
            ListedGroup group = ListedGroup.of(header, exchangeId, acceptedAt, PilgrimListStream.group(payload));
            try (Stream<ListedPilgrim> pilgrims =
                    PilgrimListStream.pilgrims(payload).map(ListedPilgrim::of)) {
                records.recordList(group, pilgrims);
            }
            return;
        }
        Object message = validated.isPresent()
                ? validated.get()
                : MessageTypes.lookup(header.type(), header.schemaVersion()).read(payload);
        if (message instanceof PilgrimList list) {
            records.recordList(ListedGroup.of(header, exchangeId, acceptedAt, list));
        } else if (message instanceof PilgrimMovements report) {
            records.recordMovements(
                    header.to(),
                    header.from(),
                    report.answers().groupReference(),
                    report.movements().stream().map(RecordedMovement::of).toList());
        }
    }

    /** Whether exchanges of this type are recorded: the others need not be read again to find out. */
    public static boolean concerns(String messageType) {
        return messageType.equals(PilgrimList.TYPE) || messageType.equals(PilgrimMovements.TYPE);
    }

    // A passport number is unique only within its issuing state.
    private static String passport(String number, String nationality) {
        return nationality + "/" + number;
    }
}
