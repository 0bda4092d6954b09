package org.pouch.gateway.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The JIT compilers' work in the run's two processes: the gateway's, from its actuator, and this
 * command's own (the generator and the sink). A gateway of this size (Spring, Camel, CXF, Tomcat,
 * Artemis, H2, Bouncy Castle) keeps compiling for many minutes under load, and on two cores each
 * compiler thread takes CPU from the stage and from the crypto bound. So the command waits for both
 * compilers to go quiet before it measures a bound and starts a stage, and every stage reports how busy
 * its compilers were.
 *
 * <p>Both JVMs count the compilers' elapsed time ({@code jvm.compilation.time}, the compilation MXBean),
 * not their CPU time: time a compiler thread spends waiting for a core counts too. Quiet is quiet either
 * way; a busy figure on saturated cores is an upper bound of the CPU the compilers took.
 */
final class JitCompilation {

    /** Quiet: the two processes together compiled for less than this share of one core over a window. */
    static final double QUIET_CORES = 0.05;

    /** Waits in steps of this while the compilers settle. */
    static final Duration WINDOW = Duration.ofSeconds(2);

    /** Waits for a duration; a test's clock advances instead. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** The compilers' accumulated time at one instant; the gateway's is empty when it cannot be read. */
    record Snapshot(OptionalDouble gatewayMillis, OptionalDouble ownMillis, long nanos) {}

    /**
     * How a wait for quiet compilers ended.
     *
     * @param seconds how long it waited
     * @param quiet whether the compilers went quiet before the patience ran out
     * @param cores what the compilers took over the last window, in cores
     */
    record Settling(double seconds, boolean quiet, double cores) {}

    /** The compilers' busy time over a stretch of wall time, in cores. */
    record Busy(OptionalDouble gateway, OptionalDouble own) {}

    private final Supplier<OptionalDouble> gatewayMillis;
    private final Supplier<OptionalDouble> ownMillis;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final Duration window;

    JitCompilation(
            Supplier<OptionalDouble> gatewayMillis,
            Supplier<OptionalDouble> ownMillis,
            LongSupplier nanoTime,
            Sleeper sleeper,
            Duration window) {
        this.gatewayMillis = gatewayMillis;
        this.ownMillis = ownMillis;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.window = window;
    }

    /** The gateway's compilers, when its metrics can be read, and this process's. */
    static JitCompilation of(Optional<GatewayMetrics> gateway) {
        return new JitCompilation(
                () -> gateway.map(GatewayMetrics::compilationMillis).orElse(OptionalDouble.empty()),
                JitCompilation::thisProcess,
                System::nanoTime,
                duration -> Thread.sleep(duration.toMillis()),
                WINDOW);
    }

    static OptionalDouble thisProcess() {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        return compiler != null && compiler.isCompilationTimeMonitoringSupported()
                ? OptionalDouble.of(compiler.getTotalCompilationTime())
                : OptionalDouble.empty();
    }

    Snapshot snapshot() {
        return new Snapshot(gatewayMillis.get(), ownMillis.get(), nanoTime.getAsLong());
    }

    /**
     * How busy the compilers were since {@code start}, in cores: the gateway's and this process's, each
     * empty when either end could not be read.
     */
    Busy busySince(Snapshot start) {
        return busy(start, snapshot());
    }

    /**
     * Waits, window by window, until the two processes' compilers together took less than {@link
     * #QUIET_CORES} over the last window, or until {@code patience} has passed.
     */
    Settling awaitQuiet(Duration patience) throws InterruptedException {
        long started = nanoTime.getAsLong();
        Snapshot before = snapshot();
        while (true) {
            sleeper.sleep(window);
            Snapshot after = snapshot();
            Busy busy = busy(before, after);
            double cores = busy.gateway().orElse(0) + busy.own().orElse(0);
            long waited = after.nanos() - started;
            if (cores < QUIET_CORES || waited >= patience.toNanos()) {
                return new Settling(waited / 1e9, cores < QUIET_CORES, cores);
            }
            before = after;
        }
    }

    private static Busy busy(Snapshot from, Snapshot to) {
        long nanos = to.nanos() - from.nanos();
        return new Busy(
                cores(from.gatewayMillis(), to.gatewayMillis(), nanos), cores(from.ownMillis(), to.ownMillis(), nanos));
    }

    private static OptionalDouble cores(OptionalDouble fromMillis, OptionalDouble toMillis, long nanos) {
        if (fromMillis.isEmpty() || toMillis.isEmpty() || nanos <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((toMillis.getAsDouble() - fromMillis.getAsDouble()) / (nanos / 1e6));
    }
}
