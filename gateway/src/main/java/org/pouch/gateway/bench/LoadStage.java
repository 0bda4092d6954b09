package org.pouch.gateway.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Sends one workload through {@code connections} concurrent connections, each taking the next message
 * when it is free; in an open loop a message also waits for its intended send time. Every submission
 * ends as accepted or as a reason code, so accepted plus rejected is what was sent.
 */
final class LoadStage {

    /** What became of one submission: accepted, or the reason code of the rejection or failure. */
    record Outcome(boolean accepted, String reason) {
        static final Outcome ACCEPTED = new Outcome(true, "accepted");
    }

    /** Sends one envelope as a partner does and says what became of it. */
    interface Submitter {
        Outcome submit(byte[] envelope) throws InterruptedException;
    }

    /** The counts and latencies of a finished stage, before the gateway's usage and the bound are added. */
    record Measured(
            long sent,
            long accepted,
            Map<String, Long> rejected,
            long startNanos,
            long lastAnswerNanos,
            LatencyRecorder acceptance) {

        double seconds() {
            return Math.max(1e-9, (lastAnswerNanos - startNanos) / 1e9);
        }
    }

    private final int connections;
    private final SendSchedule schedule;

    LoadStage(int connections, SendSchedule schedule) {
        if (connections < 1) {
            throw new IllegalArgumentException("at least one connection, not " + connections);
        }
        this.connections = connections;
        this.schedule = schedule;
    }

    /**
     * @param intended filled with each message's intended send time, by message id, before it is sent:
     *     what the sink measures end-to-end latency from
     * @param answered told the number of answers so far, after each
     */
    Measured run(Workload workload, Submitter submitter, Map<String, Long> intended, IntConsumer answered)
            throws InterruptedException {
        int count = workload.size();
        AtomicInteger next = new AtomicInteger();
        AtomicLong lastAnswer = new AtomicLong();
        LongAdder accepted = new LongAdder();
        Map<String, LongAdder> rejected = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        LatencyRecorder latencies = new LatencyRecorder(start, 3600);
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        Workload.Message message = workload.get(i);
                        long sendAt = schedule.intendedNanos(start, i, System.nanoTime());
                        waitUntil(sendAt);
                        intended.put(message.messageId(), sendAt);
                        Outcome outcome = submitter.submit(message.envelope());
                        long now = System.nanoTime();
                        latencies.record(sendAt, now);
                        lastAnswer.accumulateAndGet(now, Math::max);
                        if (outcome.accepted()) {
                            accepted.increment();
                        } else {
                            rejected.computeIfAbsent(outcome.reason(), r -> new LongAdder())
                                    .increment();
                        }
                        answered.accept(done.incrementAndGet());
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a connection failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Map<String, Long> reasons = new TreeMap<>();
        rejected.forEach((reason, n) -> reasons.put(reason, n.sum()));
        return new Measured(count, accepted.sum(), reasons, start, lastAnswer.get(), latencies);
    }

    private static void waitUntil(long nanoTime) {
        for (long wait = nanoTime - System.nanoTime(); wait > 0; wait = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }
}
