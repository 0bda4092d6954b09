package org.pouch.gateway.bench;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.DoubleAccumulator;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Watches the gateway during one stage: its process's CPU time when the command started it, and the
 * actuator's CPU share and heap every half second when the management port exposes them.
 */
final class UsageSampler implements AutoCloseable {

    private final Optional<GatewayProcess> process;
    private final Optional<GatewayMetrics> metrics;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-usage");
        thread.setDaemon(true);
        return thread;
    });
    private final DoubleAdder cpuShares = new DoubleAdder();
    private final LongAdder cpuSamples = new LongAdder();
    private final DoubleAccumulator heapMax = new DoubleAccumulator(Math::max, -1);
    private final Optional<Duration> cpuAtStart;
    private final long startNanos = System.nanoTime();

    UsageSampler(Optional<GatewayProcess> process, Optional<GatewayMetrics> metrics) {
        this.process = process;
        this.metrics = metrics;
        this.cpuAtStart = process.flatMap(GatewayProcess::cpuTime);
        metrics.ifPresent(m -> timer.scheduleAtFixedRate(this::sample, 0, 500, TimeUnit.MILLISECONDS));
    }

    private void sample() {
        GatewayMetrics m = metrics.orElseThrow();
        OptionalDouble cpu = m.processCpuUsage();
        if (cpu.isPresent()) {
            cpuShares.add(cpu.getAsDouble());
            cpuSamples.increment();
        }
        m.heapUsed().ifPresent(heapMax::accumulate);
    }

    /** The usage since this sampler started. */
    BenchResults.GatewayUsage usage() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Double cores = null;
        Optional<Duration> cpuNow = process.flatMap(GatewayProcess::cpuTime);
        if (cpuAtStart.isPresent() && cpuNow.isPresent()) {
            cores = round(cpuNow.get().minus(cpuAtStart.get()).toNanos() / 1e9 / seconds);
        }
        Double share = cpuSamples.sum() == 0 ? null : round(cpuShares.sum() / cpuSamples.sum());
        Double heap = heapMax.get() < 0 ? null : round(heapMax.get() / (1024 * 1024));
        return new BenchResults.GatewayUsage(cores, share, heap);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
