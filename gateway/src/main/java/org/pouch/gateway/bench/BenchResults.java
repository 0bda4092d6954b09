package org.pouch.gateway.bench;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one {@code pouch bench} run found: written as results.json (this shape, field by field) and
 * drawn as report.html. Throughputs are messages per second; latencies milliseconds.
 */
record BenchResults(
        String startedAt,
        Machine machine,
        Settings settings,
        Bound cryptoBound,
        List<Stage> stages,
        List<String> notes) {

    BenchResults {
        stages = List.copyOf(stages);
        notes = List.copyOf(notes);
    }

    /** Where it ran; the gateway, the generator and the sink share these cores unless said otherwise. */
    record Machine(int cores, String java, String os) {
        static Machine here() {
            return new Machine(
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.vendor") + " " + System.getProperty("java.version"),
                    System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        }
    }

    /**
     * @param gateway {@code started} when the command started it, else the URL it targeted
     * @param payloadBytes the payload size generated (the schema's limits may round the asked size)
     */
    record Settings(
            String gateway, String channel, String suite, String type, int payloadBytes, int messagesPerStage) {}

    record Bound(double messagesPerSecond, int threads, long messages, double seconds) {
        static Bound of(CryptoBound.Result result) {
            return new Bound(result.messagesPerSecond(), result.threads(), result.messages(), result.seconds());
        }
    }

    /**
     * One load stage.
     *
     * @param loop {@code closed} (each connection sends again once answered) or {@code open} (a fixed
     *     offered rate; latency from the intended send time)
     * @param offeredPerSecond the open loop's rate, null in a closed loop
     * @param rejected rejections and failures by reason code
     * @param boundPerSecond the crypto bound measured right before the stage
     * @param fractionOfBound accepted per second over that bound
     * @param delivered distinct messages the sink received during the stage and the wait after it
     * @param preparedFromHandoff of the deliveries the gateway prepared during the stage and the wait
     *     after it, the share that took the document its intake held rather than opening the envelope
     *     again (ADR 0022); null when its metrics could not be read or nothing was prepared
     * @param jit what the JIT compilers took during the stage, and how long they were let settle first
     * @param acceptedEachSecond answers that were acceptances, per second of the stage
     */
    record Stage(
            String name,
            String loop,
            int connections,
            Double offeredPerSecond,
            long sent,
            long accepted,
            Map<String, Long> rejected,
            double seconds,
            double acceptedPerSecond,
            Double boundPerSecond,
            Double fractionOfBound,
            Latency acceptance,
            long delivered,
            Double deliveredPerSecond,
            Latency delivery,
            Double preparedFromHandoff,
            GatewayUsage gateway,
            Jit jit,
            long[] acceptedEachSecond) {}

    /** Percentiles of a latency histogram recorded in microseconds, in milliseconds. */
    record Latency(long count, double p50, double p90, double p99, double p999, double max, double mean) {
        static Latency of(Histogram micros) {
            if (micros.getTotalCount() == 0) {
                return new Latency(0, 0, 0, 0, 0, 0, 0);
            }
            return new Latency(
                    micros.getTotalCount(),
                    ms(micros.getValueAtPercentile(50)),
                    ms(micros.getValueAtPercentile(90)),
                    ms(micros.getValueAtPercentile(99)),
                    ms(micros.getValueAtPercentile(99.9)),
                    ms(micros.getMaxValue()),
                    Math.round(micros.getMean()) / 1000.0);
        }

        private static double ms(long micros) {
            return micros / 1000.0;
        }
    }

    /**
     * The gateway's use of the machine during a stage.
     *
     * @param cpuCores CPU time of the gateway's process over the stage's wall time (1.0 = one core
     *     busy), when the command started the gateway
     * @param cpuShare the actuator's {@code process.cpu.usage}, averaged over the stage (0 to 1 of the
     *     whole machine)
     * @param heapUsedMaxMb the highest heap in use the actuator reported during the stage
     */
    record GatewayUsage(Double cpuCores, Double cpuShare, Double heapUsedMaxMb) {}

    /**
     * The JIT compilers during a stage ({@link JitCompilation}).
     *
     * @param gatewayCores the time the gateway's compiler threads spent compiling over the stage's wall
     *     time, when its metrics could be read. The JVM counts elapsed time, not CPU time: a compiler
     *     thread waiting for a core counts, so on saturated cores this exceeds the CPU they got.
     * @param benchCores the same for this command's process: the generator and the sink
     * @param settleSeconds how long the command waited for both compilers to go quiet before the
     *     stage's bound; null when it did not wait
     * @param settled whether they went quiet within {@code --jit-settle}; null when it did not wait
     */
    record Jit(Double gatewayCores, Double benchCores, Double settleSeconds, Boolean settled) {}
}
