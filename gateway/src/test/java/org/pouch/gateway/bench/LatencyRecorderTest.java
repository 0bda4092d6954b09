package org.pouch.gateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    private static final long START = 1_000_000_000L;

    @Test
    void latencyRunsFromTheIntendedSendTimeToTheAnswer() {
        LatencyRecorder recorder = new LatencyRecorder(START, 10);

        // Meant to go at the start, answered 250 ms later: 250 ms, however late it actually went out.
        recorder.record(START, START + ms(250));
        recorder.record(START + ms(100), START + ms(105));

        Histogram histogram = recorder.histogram();
        assertThat(histogram.getTotalCount()).isEqualTo(2);
        assertThat(histogram.getMaxValue()).isBetween(249_000L, 251_000L);
        assertThat(histogram.getMinValue()).isBetween(4_990L, 5_010L);
    }

    @Test
    void answersAreCountedInTheSecondTheyArrived() {
        LatencyRecorder recorder = new LatencyRecorder(START, 3);

        recorder.record(START, START + ms(10));
        recorder.record(START, START + ms(999));
        recorder.record(START, START + ms(2_500));
        recorder.record(START, START + ms(9_000)); // past the stage's seconds: in the histogram only

        assertThat(recorder.perSecond(3)).containsExactly(2, 0, 1);
        assertThat(recorder.histogram().getTotalCount()).isEqualTo(4);
    }

    @Test
    void theHistogramAccumulatesAcrossReads() {
        LatencyRecorder recorder = new LatencyRecorder(START, 1);
        recorder.record(START, START + ms(1));
        recorder.histogram();

        recorder.record(START, START + ms(2));

        assertThat(recorder.histogram().getTotalCount()).isEqualTo(2);
    }

    private static long ms(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
