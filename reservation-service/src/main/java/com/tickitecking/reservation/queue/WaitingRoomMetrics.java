package com.tickitecking.reservation.queue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The waiting rooms' meters, named once here, without a concert tag (one series each, whatever the number of
 * concerts): people waiting, active shoppers, admissions. The gauges are what this instance's last admission run
 * per concert saw in Redis, so every instance reports the same totals: dashboards and alerts take the max over
 * instances, and the sum of the admissions counter (each admission is made by one instance).
 */
@Component
class WaitingRoomMetrics {

    /** What one admission run saw of one concert. */
    private record Seen(long waiting, long active, boolean soldOut) {
    }

    private final Map<Long, Seen> lastRun = new ConcurrentHashMap<>();
    private final Counter admissions;

    WaitingRoomMetrics(MeterRegistry registry) {
        this.admissions = Counter.builder("tickitecking.queue.admissions")
                .description("Places the waiting rooms admitted (this instance's admission runs)").register(registry);
        Gauge.builder("tickitecking.queue.waiting", lastRun,
                        runs -> runs.values().stream().filter(s -> !s.soldOut()).mapToLong(Seen::waiting).sum())
                .description("People in the line of open waiting rooms that are not sold out (the pre-queue before its opening not included)")
                .register(registry);
        Gauge.builder("tickitecking.queue.active", lastRun, runs -> runs.values().stream().mapToLong(Seen::active).sum())
                .description("Admitted shoppers who have not finished yet, over all waiting rooms").register(registry);
    }

    /** An admission run of an open waiting room. */
    void ran(long concertId, int admitted, long active, long waiting, boolean soldOut) {
        admissions.increment(admitted);
        lastRun.put(concertId, new Seen(waiting, active, soldOut));
    }

    /** Only these concerts' waiting rooms run now: the others' figures go (their sale ended). */
    void keepOnly(Collection<Long> concertIds) {
        lastRun.keySet().retainAll(concertIds);
    }

    /** The concert's waiting room is not (or no longer) open, or its run failed: its figures are unknown. */
    void forget(long concertId) {
        lastRun.remove(concertId);
    }
}
