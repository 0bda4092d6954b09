package org.pouch.gateway.bench;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** A small finished run, for the tests of what is written from one. */
final class SampleResults {

    private SampleResults() {}

    static BenchResults twoStages() {
        Histogram micros = new Histogram(LatencyRecorder.HIGHEST_TRACKABLE_MICROS, 3);
        for (int i = 1; i <= 1000; i++) {
            micros.recordValue(i * 10L);
        }
        BenchResults.Latency latency = BenchResults.Latency.of(micros);
        BenchResults.GatewayUsage usage = new BenchResults.GatewayUsage(1.25, 0.6, 180.0);
        return new BenchResults(
                "2026-11-27T12:00:00Z",
                new BenchResults.Machine(2, "Test 17", "Linux amd64"),
                new BenchResults.Settings("started", "rest", "ec", "pilgrim-list", 10_300, 1000),
                new BenchResults.Bound(800, 2, 4000, 5),
                List.of(
                        new BenchResults.Stage(
                                "closed-4",
                                "closed",
                                4,
                                null,
                                1000,
                                998,
                                Map.of("rate-limited", 2L),
                                2.5,
                                399.2,
                                800.0,
                                0.499,
                                latency,
                                998,
                                390.0,
                                latency,
                                0.97,
                                usage,
                                new BenchResults.Jit(0.31, 0.07, 14.0, true),
                                new long[] {380, 410, 208}),
                        new BenchResults.Stage(
                                "open-<500>/s",
                                "open",
                                64,
                                500.0,
                                1000,
                                1000,
                                Map.of(),
                                2.0,
                                500,
                                790.0,
                                0.633,
                                latency,
                                0,
                                null,
                                BenchResults.Latency.of(new Histogram(1000, 3)),
                                null,
                                usage,
                                new BenchResults.Jit(null, 0.02, 60.0, false),
                                new long[] {500, 500})),
                List.of("Generator, sink & gateway shared the machine's 2 cores."));
    }
}
