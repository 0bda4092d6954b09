package org.pouch.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.pouch.exchange.ParticipantId;
import org.pouch.overstay.ListedGroup;
import org.pouch.overstay.ListedPilgrim;
import org.pouch.overstay.OverstayRecords;
import org.pouch.overstay.RecordedMovement;

/**
 * The overstay records' contract in memory, for route tests that run without a database. The gateway's
 * tests run the same contract against the JDBC store.
 */
public final class InMemoryOverstayRecords implements OverstayRecords {

    /** A movement with the group it was recorded against. */
    public record GroupMovement(
            ParticipantId home, ParticipantId host, String groupReference, RecordedMovement movement) {}

    private final List<ListedGroup> lists = new ArrayList<>();
    private final List<GroupMovement> movements = new ArrayList<>();

    @Override
    public synchronized void recordList(ListedGroup group, Stream<ListedPilgrim> pilgrims) {
        boolean known = lists.stream()
                .anyMatch(
                        l -> l.home().equals(group.home()) && l.listMessageId().equals(group.listMessageId()));
        if (!known) {
            lists.add(new ListedGroup(
                    group.exchangeId(),
                    group.listMessageId(),
                    group.home(),
                    group.host(),
                    group.groupReference(),
                    group.arrival(),
                    group.departure(),
                    group.permittedUntil(),
                    group.acceptedAt(),
                    pilgrims.toList()));
        }
    }

    @Override
    public synchronized Optional<ListedGroup> findList(
            ParticipantId home, ParticipantId host, String groupReference, Optional<String> listMessageId) {
        return lists.stream()
                .filter(l -> l.home().equals(home)
                        && l.host().equals(host)
                        && l.groupReference().equals(groupReference))
                .filter(l -> listMessageId.map(l.listMessageId()::equals).orElse(true))
                // The latest accepted; the list order breaks a tie, as the database's sequence does.
                .reduce((earlier, later) -> later.acceptedAt().isBefore(earlier.acceptedAt()) ? earlier : later);
    }

    @Override
    public synchronized void recordMovements(
            ParticipantId home, ParticipantId host, String groupReference, List<RecordedMovement> recorded) {
        for (RecordedMovement movement : recorded) {
            boolean known = movements.stream()
                    .anyMatch(m -> m.home().equals(home)
                            && m.host().equals(host)
                            && m.groupReference().equals(groupReference)
                            && m.movement().movementId().equals(movement.movementId()));
            if (!known) {
                movements.add(new GroupMovement(home, host, groupReference, movement));
            }
        }
    }

    public synchronized List<ListedGroup> lists() {
        return List.copyOf(lists);
    }

    public synchronized List<GroupMovement> movements() {
        return movements.stream()
                .sorted(Comparator.comparing(m -> m.movement().at()))
                .toList();
    }
}
