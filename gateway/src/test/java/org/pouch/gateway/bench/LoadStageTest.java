package org.pouch.gateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.pouch.certificates.KeySuite;

class LoadStageTest {

    private static final Workload WORKLOAD = Workload.seal(BenchFixtures.pki(KeySuite.EC_P256), 40, 1024, n -> {});

    @Test
    void everySubmissionIsAcceptedOrRejectedWithItsReason() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        LoadStage.Submitter everyThirdRefused = envelope -> calls.incrementAndGet() % 3 == 0
                ? new LoadStage.Outcome(false, "rate-limited")
                : LoadStage.Outcome.ACCEPTED;
        Map<String, Long> intended = new ConcurrentHashMap<>();

        LoadStage.Measured measured =
                new LoadStage(4, SendSchedule.closedLoop()).run(WORKLOAD, everyThirdRefused, intended, n -> {});

        assertThat(measured.sent()).isEqualTo(40);
        assertThat(measured.accepted()
                        + measured.rejected().values().stream()
                                .mapToLong(Long::longValue)
                                .sum())
                .isEqualTo(measured.sent());
        assertThat(measured.rejected()).containsEntry("rate-limited", 13L);
        assertThat(measured.acceptance().histogram().getTotalCount()).isEqualTo(40);
        assertThat(intended).hasSize(40);
    }

    @Test
    void aSubmissionThatWentOutLateCountsItsWaitFromTheIntendedTime() throws InterruptedException {
        // Every message was meant to go out a minute before the stage began: the gateway was too busy
        // to take them then. An honest open loop charges that minute to the latency.
        long aMinute = TimeUnit.MINUTES.toNanos(1);
        SendSchedule behind = new SendSchedule() {
            @Override
            public long intendedNanos(long startNanos, int index, long nowNanos) {
                return startNanos - aMinute;
            }

            @Override
            public boolean paced() {
                return true;
            }
        };

        LoadStage.Measured measured = new LoadStage(2, behind)
                .run(WORKLOAD, envelope -> LoadStage.Outcome.ACCEPTED, new ConcurrentHashMap<>(), n -> {});

        // Three significant digits: a minute is recorded to within a tenth of a second.
        assertThat(measured.acceptance().histogram().getMinValue())
                .isGreaterThanOrEqualTo(TimeUnit.MINUTES.toMicros(1) - TimeUnit.MILLISECONDS.toMicros(100));
    }

    @Test
    void progressIsToldOfEveryAnswer() throws InterruptedException {
        AtomicInteger highest = new AtomicInteger();

        new LoadStage(3, SendSchedule.closedLoop())
                .run(
                        WORKLOAD,
                        envelope -> LoadStage.Outcome.ACCEPTED,
                        new ConcurrentHashMap<>(),
                        n -> highest.accumulateAndGet(n, Math::max));

        assertThat(highest).hasValue(40);
    }
}
