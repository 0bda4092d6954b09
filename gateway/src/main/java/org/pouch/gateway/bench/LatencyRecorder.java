package org.pouch.gateway.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latencies and completions of one stage: each latency is counted from the submission's intended send
 * time (see {@link SendSchedule}) to its answer, into an HdrHistogram with three significant digits up
 * to an hour; completions are counted per second of the stage for the throughput chart.
 */
final class LatencyRecorder {

    static final long HIGHEST_TRACKABLE_MICROS = TimeUnit.HOURS.toMicros(1);

    private final Recorder recorder = new Recorder(HIGHEST_TRACKABLE_MICROS, 3);
    private final Histogram total = new Histogram(HIGHEST_TRACKABLE_MICROS, 3);
    private final long startNanos;
    private final AtomicLongArray perSecond;

    LatencyRecorder(long startNanos, int maxSeconds) {
        this.startNanos = startNanos;
        this.perSecond = new AtomicLongArray(Math.max(1, maxSeconds));
    }

    /** Records one answered submission that was meant to go out at {@code intendedNanos}. */
    void record(long intendedNanos, long answeredNanos) {
        long micros = Math.max(0, TimeUnit.NANOSECONDS.toMicros(answeredNanos - intendedNanos));
        recorder.recordValue(Math.min(micros, HIGHEST_TRACKABLE_MICROS));
        int second = (int) TimeUnit.NANOSECONDS.toSeconds(answeredNanos - startNanos);
        if (second >= 0 && second < perSecond.length()) {
            perSecond.incrementAndGet(second);
        }
    }

    /** All latencies recorded so far, in microseconds. */
    synchronized Histogram histogram() {
        total.add(recorder.getIntervalHistogram());
        return total.copy();
    }

    /** Completions in each whole second since the start, up to {@code seconds}. */
    long[] perSecond(int seconds) {
        long[] counts = new long[Math.min(seconds, perSecond.length())];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = perSecond.get(i);
        }
        return counts;
    }
}
