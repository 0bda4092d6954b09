package org.pouch.gateway.bench;

/**
 * When each submission is meant to go out. Closed loop: whenever a connection is free, so the intended
 * time is the actual one. Open loop: the i-th message at {@code start + i / rate}, whatever the gateway
 * is doing, so a slow answer cannot slow the offered load and hide its own cost (coordinated omission):
 * latency is measured from this intended time, and waiting for a free connection counts.
 */
interface SendSchedule {

    /** The nano-time the {@code index}-th submission is meant to be sent, given the run's start and now. */
    long intendedNanos(long startNanos, int index, long nowNanos);

    /** Whether the schedule paces submissions (open loop). */
    boolean paced();

    static SendSchedule closedLoop() {
        return new SendSchedule() {
            @Override
            public long intendedNanos(long startNanos, int index, long nowNanos) {
                return nowNanos;
            }

            @Override
            public boolean paced() {
                return false;
            }
        };
    }

    /** A fixed offered rate, in messages per second. */
    static SendSchedule fixedRate(double perSecond) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("the offered rate must be positive, not " + perSecond);
        }
        double interval = 1e9 / perSecond;
        return new SendSchedule() {
            @Override
            public long intendedNanos(long startNanos, int index, long nowNanos) {
                return startNanos + Math.round(index * interval);
            }

            @Override
            public boolean paced() {
                return true;
            }
        };
    }
}
