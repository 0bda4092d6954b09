package org.pouch.gateway.overstay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.pouch.exchange.ParticipantId;
import org.pouch.formats.movements.Direction;
import org.pouch.overstay.ListedGroup;
import org.pouch.overstay.ListedPilgrim;
import org.pouch.overstay.RecordedMovement;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the overstay store must do, run against each database the gateway supports. Every test uses a
 * home participant of its own, so the databases need not be emptied between tests and the gateway's
 * other tests' lists never show.
 */
abstract class OverstayRecordsContract {

    private static final ParticipantId IQ_MOI = ParticipantId.of("IQ-MOI");
    private static final ListedPilgrim AYESHA = new ListedPilgrim("AB1234567", "PAK", "Khan", "Ayesha");
    private static final ListedPilgrim SAJJAD = new ListedPilgrim("CK7654321", "PAK", "Hussain", "Sajjad");
    private static final ListedPilgrim FATIMA = new ListedPilgrim("DX0000001", "IND", "Zaidi", "Fatima");

    private static final List<String> AWKWARD_NAMES = List.of(
            "O'Brien \"the elder\" \\ \t",
            "\u062e\u0627\u0646 \uD83D\uDE00",
            "[\"not\", \"an\", \"array\"]",
            "Zaidi\u0000");

    private final ParticipantId home = ParticipantId.of("ZZ-"
            + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase());

    abstract JdbcOverstayRecords records();

    /** Transactions on the same database, as the accept step runs its writes in. */
    abstract TransactionTemplate transactions();

    private ListedGroup list(String group, LocalDate arrival, Instant acceptedAt, ListedPilgrim... pilgrims) {
        return new ListedGroup(
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                home,
                IQ_MOI,
                group,
                arrival,
                arrival.plusDays(10),
                arrival.plusDays(14),
                acceptedAt,
                List.of(pilgrims));
    }

    private static RecordedMovement movement(String id, ListedPilgrim pilgrim, Direction direction, String time) {
        OffsetDateTime at = OffsetDateTime.parse(time);
        return new RecordedMovement(
                id, pilgrim.passportNumber(), pilgrim.nationality(), direction, at.toInstant(), at.toLocalDate());
    }

    @Test
    void aRecordedListIsFoundByItsGroupWithItsPilgrimsInOrder() {
        ListedGroup recorded =
                list("G-1", LocalDate.of(2026, 3, 1), Instant.parse("2026-02-20T10:00:00Z"), SAJJAD, AYESHA);

        records().recordList(recorded);

        assertThat(records().findList(home, IQ_MOI, "G-1", Optional.empty())).contains(recorded);
        assertThat(records().findList(home, IQ_MOI, "G-1", Optional.of(recorded.listMessageId())))
                .contains(recorded);
    }

    @Test
    void aListIsFoundOnlyFromItsHomeToItsHostUnderItsGroupAndMessageId() {
        ListedGroup recorded = list("G-1", LocalDate.of(2026, 3, 1), Instant.parse("2026-02-20T10:00:00Z"), AYESHA);
        records().recordList(recorded);

        assertThat(records().findList(IQ_MOI, home, "G-1", Optional.empty())).isEmpty();
        assertThat(records().findList(home, ParticipantId.of("BE-IBZ"), "G-1", Optional.empty()))
                .isEmpty();
        assertThat(records().findList(home, IQ_MOI, "G-2", Optional.empty())).isEmpty();
        assertThat(records().findList(home, IQ_MOI, "G-2", Optional.of(recorded.listMessageId())))
                .isEmpty();
        assertThat(records().findList(home, IQ_MOI, "G-1", Optional.of("another")))
                .isEmpty();
    }

    @Test
    void theLatestListOfAGroupIsItsCurrentOneAndAnEarlierStaysFindableByMessageId() {
        ListedGroup first = list("G-1", LocalDate.of(2026, 3, 1), Instant.parse("2026-02-20T10:00:00Z"), AYESHA);
        ListedGroup corrected =
                list("G-1", LocalDate.of(2026, 3, 2), Instant.parse("2026-02-21T10:00:00Z"), AYESHA, SAJJAD);

        records().recordList(corrected);
        records().recordList(first);

        assertThat(records().findList(home, IQ_MOI, "G-1", Optional.empty())).contains(corrected);
        assertThat(records().findList(home, IQ_MOI, "G-1", Optional.of(first.listMessageId())))
                .contains(first);
        assertThat(records().listsDueBefore(home, LocalDate.of(2026, 12, 31), Optional.empty()))
                .containsExactly(corrected);
    }

    @Test
    void recordingAListAgainChangesNothing() {
        ListedGroup recorded = list("G-1", LocalDate.of(2026, 3, 1), Instant.parse("2026-02-20T10:00:00Z"), AYESHA);

        records().recordList(recorded);
        records().recordList(recorded);

        assertThat(records().findList(home, IQ_MOI, "G-1", Optional.empty()))
                .hasValueSatisfying(found -> assertThat(found.pilgrims()).containsExactly(AYESHA));
    }

    @Test
    void aLongListIsRecordedFromAStreamInBatchesKeepingItsOrderAndEveryCharacterOfItsNames() {
        ListedGroup group = list("G-1", LocalDate.of(2026, 3, 1), Instant.parse("2026-02-20T10:00:00Z"));
        // More than two batches; names a JSON encoding must escape or carry beyond ASCII, and the longest allowed.
        List<ListedPilgrim> pilgrims = IntStream.range(0, 1_234)
                .mapToObj(i -> new ListedPilgrim(
                        String.format("PP%07d", i),
                        "PAK",
                        i % 97 == 3 ? AWKWARD_NAMES.get(i % AWKWARD_NAMES.size()) : "Surname" + i,
                        i == 700 ? "G".repeat(200) : "Given" + i))
                .toList();
        AtomicInteger taken = new AtomicInteger();

        records().recordList(group, pilgrims.stream().peek(p -> taken.incrementAndGet()));

        assertThat(taken).hasValue(1_234);
        assertThat(records().findList(home, IQ_MOI, "G-1", Optional.empty()))
                .hasValueSatisfying(found -> assertThat(found.pilgrims()).isEqualTo(pilgrims));
    }

    @Test
    void aFullBatchOfTheLongestNamesTheSchemaAllowsFitsItsRow() {
        ListedGroup group = list("G-1", LocalDate.of(2026, 3, 1), Instant.parse("2026-02-20T10:00:00Z"));
        // 200 characters a name, the schema's most, each one JSON writes as six: the longest a batch can be.
        String longest = "\u0001".repeat(200);
        List<ListedPilgrim> pilgrims = IntStream.range(0, PilgrimBatches.SIZE + 1)
                .mapToObj(i -> new ListedPilgrim(String.format("PP%07d", i), "PAK", longest, longest))
                .toList();

        records().recordList(group, pilgrims.stream());

        assertThat(records().findList(home, IQ_MOI, "G-1", Optional.empty()))
                .hasValueSatisfying(found -> assertThat(found.pilgrims()).isEqualTo(pilgrims));
    }

    @Test
    void recordingAgainInsideTheAcceptStepsTransactionChangesNothingAndLetsItCommit() {
        ListedGroup recorded = list("G-1", LocalDate.of(2026, 3, 1), Instant.parse("2026-02-20T10:00:00Z"), AYESHA);
        RecordedMovement entry = movement("m-1", AYESHA, Direction.ENTRY, "2026-03-01T06:40:00+03:00");

        // A duplicate key would abort a PostgreSQL transaction: what is recorded already is not inserted again.
        transactions().executeWithoutResult(status -> {
            records().recordList(recorded);
            records().recordList(recorded);
            records().recordMovements(home, IQ_MOI, "G-1", List.of(entry));
            records().recordMovements(home, IQ_MOI, "G-1", List.of(entry));
        });

        assertThat(records().findList(home, IQ_MOI, "G-1", Optional.empty()))
                .hasValueSatisfying(found -> assertThat(found.pilgrims()).containsExactly(AYESHA));
        assertThat(records().movementsOf(recorded, LocalDate.of(2026, 3, 31))).containsExactly(entry);
    }

    @Test
    void aListRecordedInATransactionThatFailsIsNotRecorded() {
        ListedGroup recorded = list("G-1", LocalDate.of(2026, 3, 1), Instant.parse("2026-02-20T10:00:00Z"), AYESHA);

        assertThatIllegalStateException()
                .isThrownBy(() -> transactions().executeWithoutResult(status -> {
                    records().recordList(recorded);
                    throw new IllegalStateException("the ledger row could not be written");
                }));

        assertThat(records().findList(home, IQ_MOI, "G-1", Optional.empty())).isEmpty();
    }

    @Test
    void movementsAreRecordedOnceAndReadBackUpToTheBorderPostDateAskedAbout() {
        ListedGroup recorded = list("G-1", LocalDate.of(2026, 3, 1), Instant.parse("2026-02-20T10:00:00Z"), AYESHA);
        records().recordList(recorded);
        RecordedMovement entry = movement("m-1", AYESHA, Direction.ENTRY, "2026-03-01T06:40:00+03:00");
        // The 21st at the post, 23:30 on the 20th in UTC: the post's date is what counts.
        RecordedMovement exit = movement("m-2", AYESHA, Direction.EXIT, "2026-03-21T02:30:00+03:00");

        records().recordMovements(home, IQ_MOI, "G-1", List.of(entry, exit));
        records().recordMovements(home, IQ_MOI, "G-1", List.of(entry));
        records()
                .recordMovements(
                        home,
                        IQ_MOI,
                        "G-2",
                        List.of(movement("m-3", AYESHA, Direction.ENTRY, "2026-03-01T06:40:00+03:00")));

        assertThat(records().movementsOf(recorded, LocalDate.of(2026, 3, 31))).containsExactly(entry, exit);
        assertThat(records().movementsOf(recorded, LocalDate.of(2026, 3, 20))).containsExactly(entry);
        assertThat(exit.localDate()).isEqualTo(LocalDate.of(2026, 3, 21));
    }

    @Test
    void listsDueAreTheHomesCurrentListsWhosePermittedStayEndedBeforeTheDate() {
        ListedGroup due = list("G-1", LocalDate.of(2026, 3, 1), Instant.parse("2026-02-20T10:00:00Z"), AYESHA);
        ListedGroup notYet = list("G-2", LocalDate.of(2026, 3, 10), Instant.parse("2026-02-20T10:00:00Z"), SAJJAD);
        ListedGroup dueToo = list("G-3", LocalDate.of(2026, 2, 1), Instant.parse("2026-01-20T10:00:00Z"), FATIMA);
        List.of(due, notYet, dueToo).forEach(records()::recordList);

        // G-1 may stay until 15 March, G-2 until 24 March, G-3 until 15 February.
        assertThat(records().listsDueBefore(home, LocalDate.of(2026, 3, 16), Optional.empty()))
                .containsExactly(dueToo, due);
        assertThat(records().listsDueBefore(home, LocalDate.of(2026, 3, 15), Optional.empty()))
                .containsExactly(dueToo);
        assertThat(records().listsDueBefore(home, LocalDate.of(2026, 12, 31), Optional.of("G-2")))
                .containsExactly(notYet);
        assertThat(records().listsDueBefore(IQ_MOI, LocalDate.of(2026, 12, 31), Optional.of("G-2")))
                .isEmpty();
    }

    @Test
    void aPurgeRemovesTheGroupsThatDepartedBeforeTheCutoffWithTheirPilgrimsAndMovements() {
        // Dates long past, so that nothing the gateway's other tests recorded is old enough to go too.
        ListedGroup old =
                list("G-OLD", LocalDate.of(1990, 3, 1), Instant.parse("1990-02-20T10:00:00Z"), AYESHA, SAJJAD);
        ListedGroup oldCorrected =
                list("G-OLD", LocalDate.of(1990, 3, 2), Instant.parse("1990-02-21T10:00:00Z"), AYESHA);
        ListedGroup recent = list("G-NEW", LocalDate.of(1990, 6, 1), Instant.parse("1990-05-20T10:00:00Z"), AYESHA);
        List.of(old, oldCorrected, recent).forEach(records()::recordList);
        records()
                .recordMovements(
                        home,
                        IQ_MOI,
                        "G-OLD",
                        List.of(movement("m-1", AYESHA, Direction.ENTRY, "1990-03-01T06:40:00+03:00")));
        records()
                .recordMovements(
                        home,
                        IQ_MOI,
                        "G-NEW",
                        List.of(movement("m-2", AYESHA, Direction.ENTRY, "1990-06-01T06:40:00+03:00")));

        JdbcOverstayRecords.Purged purged = records().purgeDepartedBefore(LocalDate.of(1990, 4, 1));

        assertThat(purged.groups()).isGreaterThanOrEqualTo(1);
        assertThat(purged.lists()).isGreaterThanOrEqualTo(2);
        assertThat(purged.pilgrims()).isGreaterThanOrEqualTo(3);
        assertThat(purged.movements()).isGreaterThanOrEqualTo(1);
        assertThat(records().findList(home, IQ_MOI, "G-OLD", Optional.empty())).isEmpty();
        assertThat(records().findList(home, IQ_MOI, "G-OLD", Optional.of(old.listMessageId())))
                .isEmpty();
        assertThat(records().movementsOf(oldCorrected, LocalDate.of(1990, 12, 31)))
                .isEmpty();
        assertThat(records().findList(home, IQ_MOI, "G-NEW", Optional.empty())).contains(recent);
        assertThat(records().movementsOf(recent, LocalDate.of(1990, 12, 31))).hasSize(1);
    }
}
