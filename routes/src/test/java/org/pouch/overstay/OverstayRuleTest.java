package org.pouch.overstay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.pouch.exchange.ParticipantId;
import org.pouch.formats.movements.Direction;

class OverstayRuleTest {

    private static final LocalDate ARRIVAL = LocalDate.of(2026, 3, 1);
    /** Arrival plus 14 days. */
    private static final LocalDate PERMITTED_UNTIL = LocalDate.of(2026, 3, 15);

    private static final ListedPilgrim AYESHA = new ListedPilgrim("AB1234567", "PAK", "Khan", "Ayesha");
    private static final ListedGroup LIST = new ListedGroup(
            "exchange-1",
            "message-1",
            ParticipantId.of("PK-MOI"),
            ParticipantId.of("IQ-MOI"),
            "KRB-2026-0117",
            ARRIVAL,
            ARRIVAL.plusDays(12),
            PERMITTED_UNTIL,
            Instant.parse("2026-02-20T10:00:00Z"),
            List.of(AYESHA));

    private final AtomicInteger ids = new AtomicInteger();

    /** A crossing at Najaf, UTC+3. */
    private RecordedMovement crossing(Direction direction, String localTime) {
        OffsetDateTime time = OffsetDateTime.parse(localTime + "+03:00");
        return new RecordedMovement(
                "m" + ids.incrementAndGet(), "AB1234567", "PAK", direction, time.toInstant(), time.toLocalDate());
    }

    private static Optional<Overstay> asOf(LocalDate date, RecordedMovement... movements) {
        return OverstayRule.of(LIST, AYESHA, List.of(movements), date);
    }

    @Test
    void anEntryWithoutAnExitPastThePermittedStayIsAnOverstay() {
        RecordedMovement entry = crossing(Direction.ENTRY, "2026-03-01T06:40:00");

        assertThat(asOf(LocalDate.of(2026, 3, 20), entry)).hasValueSatisfying(overstay -> {
            assertThat(overstay.status()).isEqualTo(Overstay.Status.NO_EXIT);
            assertThat(overstay.entered()).contains(entry.at());
            assertThat(overstay.exited()).isEmpty();
            assertThat(overstay.daysOver()).isEqualTo(5);
            assertThat(overstay.list().pilgrims())
                    .as("the answer names the list, not its pilgrims")
                    .isEmpty();
        });
    }

    @Test
    void anExitAfterThePermittedStayIsALateExit() {
        RecordedMovement exit = crossing(Direction.EXIT, "2026-03-18T23:10:00");

        assertThat(asOf(LocalDate.of(2026, 4, 1), crossing(Direction.ENTRY, "2026-03-01T06:40:00"), exit))
                .hasValueSatisfying(overstay -> {
                    assertThat(overstay.status()).isEqualTo(Overstay.Status.LATE_EXIT);
                    assertThat(overstay.exited()).contains(exit.at());
                    assertThat(overstay.daysOver()).isEqualTo(3);
                });
    }

    @Test
    void anExitOnTheLastPermittedDayAtTheBorderPostIsInTimeWhateverTheDateInUtc() {
        // 23:59 on the 15th at a post two hours behind UTC is 01:59 on the 16th in UTC: the post's date counts.
        OffsetDateTime lastMinute = OffsetDateTime.of(2026, 3, 15, 23, 59, 0, 0, ZoneOffset.ofHours(-2));
        RecordedMovement exit = new RecordedMovement(
                "m-last", "AB1234567", "PAK", Direction.EXIT, lastMinute.toInstant(), lastMinute.toLocalDate());

        assertThat(asOf(LocalDate.of(2026, 4, 1), crossing(Direction.ENTRY, "2026-03-01T06:40:00"), exit))
                .isEmpty();
    }

    @Test
    void anExitInTimeIsNoOverstay() {
        assertThat(asOf(
                        LocalDate.of(2026, 4, 1),
                        crossing(Direction.ENTRY, "2026-03-01T06:40:00"),
                        crossing(Direction.EXIT, "2026-03-13T21:00:00")))
                .isEmpty();
    }

    @Test
    void beforeThePermittedStayHasEndedNobodyIsDue() {
        RecordedMovement entry = crossing(Direction.ENTRY, "2026-03-01T06:40:00");

        assertThat(asOf(PERMITTED_UNTIL, entry)).as("the last permitted day").isEmpty();
        assertThat(asOf(PERMITTED_UNTIL.plusDays(1), entry)).isPresent();
    }

    @Test
    void aPilgrimNeverSeenEnteringIsNotCountedAsAnOverstay() {
        assertThat(asOf(LocalDate.of(2026, 4, 1))).isEmpty();
    }

    @Test
    void movementsAfterTheDateAskedAboutAreIgnored() {
        RecordedMovement entry = crossing(Direction.ENTRY, "2026-03-01T06:40:00");
        RecordedMovement lateExit = crossing(Direction.EXIT, "2026-03-25T10:00:00");

        assertThat(asOf(LocalDate.of(2026, 3, 20), entry, lateExit))
                .hasValueSatisfying(o -> assertThat(o.status()).isEqualTo(Overstay.Status.NO_EXIT));
        assertThat(asOf(LocalDate.of(2026, 3, 26), entry, lateExit))
                .hasValueSatisfying(o -> assertThat(o.status()).isEqualTo(Overstay.Status.LATE_EXIT));
    }

    @Test
    void aReturnAfterATimelyExitIsJudgedByTheLastEntry() {
        assertThat(asOf(
                        LocalDate.of(2026, 4, 1),
                        crossing(Direction.ENTRY, "2026-03-01T06:40:00"),
                        crossing(Direction.EXIT, "2026-03-05T12:00:00"),
                        crossing(Direction.ENTRY, "2026-03-07T12:00:00")))
                .hasValueSatisfying(o -> assertThat(o.status()).isEqualTo(Overstay.Status.NO_EXIT));
    }

    @Test
    void anotherPassportsMovementsDoNotCount() {
        OffsetDateTime time = OffsetDateTime.parse("2026-03-01T06:40:00+03:00");
        RecordedMovement someoneElse = new RecordedMovement(
                "m-other", "CK7654321", "PAK", Direction.ENTRY, time.toInstant(), time.toLocalDate());

        assertThat(asOf(LocalDate.of(2026, 4, 1), someoneElse)).isEmpty();
    }
}
