package org.pouch.gateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The wait for quiet compilers and the cores they took, on a clock the test advances: each window the
 * test's compilers add what a function of the elapsed seconds says.
 */
class JitCompilationTest {

    private final AtomicLong nanos = new AtomicLong();

    /** Compilers whose accumulated milliseconds at second {@code t} are {@code millisAt.apply(t)}. */
    private JitCompilation compilers(LongUnaryOperator gatewayMillisAt, LongUnaryOperator ownMillisAt) {
        return new JitCompilation(
                () -> OptionalDouble.of(gatewayMillisAt.applyAsLong(nanos.get() / 1_000_000_000L)),
                () -> OptionalDouble.of(ownMillisAt.applyAsLong(nanos.get() / 1_000_000_000L)),
                nanos::get,
                duration -> nanos.addAndGet(duration.toNanos()),
                Duration.ofSeconds(2));
    }

    @Test
    void itWaitsUntilBothCompilersHaveGoneQuiet() throws Exception {
        // The gateway compiles a whole core for 10 s, this process half a core for 6 s; then both stop.
        JitCompilation jit = compilers(t -> Math.min(t, 10) * 1000, t -> Math.min(t, 6) * 500);

        JitCompilation.Settling settling = jit.awaitQuiet(Duration.ofSeconds(60));

        assertThat(settling.quiet()).isTrue();
        assertThat(settling.seconds()).isEqualTo(12.0);
        assertThat(settling.cores()).isZero();
    }

    @Test
    void compilersThatNeverGoQuietAreWaitedForOnlyAsLongAsThePatience() throws Exception {
        JitCompilation jit = compilers(t -> t * 300, t -> 0);

        JitCompilation.Settling settling = jit.awaitQuiet(Duration.ofSeconds(20));

        assertThat(settling.quiet()).isFalse();
        assertThat(settling.seconds()).isEqualTo(20.0);
        assertThat(settling.cores()).isEqualTo(0.3);
    }

    @Test
    void aLittleCompilingCountsAsQuiet() throws Exception {
        // 40 ms a second, under the 5 % of a core that counts as quiet.
        JitCompilation jit = compilers(t -> t * 40, t -> 0);

        assertThat(jit.awaitQuiet(Duration.ofSeconds(60)).seconds()).isEqualTo(2.0);
    }

    @Test
    void theCoresTakenSinceASnapshotAreTheCompilersTimeOverTheWallTime() {
        JitCompilation jit = compilers(t -> t * 250, t -> t * 100);
        JitCompilation.Snapshot start = jit.snapshot();

        nanos.addAndGet(Duration.ofSeconds(8).toNanos());

        JitCompilation.Busy busy = jit.busySince(start);
        assertThat(busy.gateway()).hasValue(0.25);
        assertThat(busy.own()).hasValue(0.1);
    }

    @Test
    void aGatewayWhoseMetricsCannotBeReadHasNoFigureButStillLetsTheWaitEnd() throws Exception {
        JitCompilation jit = new JitCompilation(
                OptionalDouble::empty,
                () -> OptionalDouble.of(0),
                nanos::get,
                duration -> nanos.addAndGet(duration.toNanos()),
                Duration.ofSeconds(2));
        JitCompilation.Snapshot start = jit.snapshot();

        assertThat(jit.awaitQuiet(Duration.ofSeconds(60)).quiet()).isTrue();
        assertThat(jit.busySince(start).gateway()).isEmpty();
    }

    @Test
    void thisProcessReportsItsOwnCompilers() {
        // HotSpot monitors compilation time; this JVM has compiled something by the time a test runs.
        assertThat(JitCompilation.thisProcess()).isPresent();
        assertThat(JitCompilation.thisProcess().getAsDouble()).isPositive();
    }
}
