package com.tickitecking.reservation.reservation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/** The service's own meters, named once here. */
@Component
public class ReservationMetrics {

    public static final List<String> OUTCOMES = List.of("held", "confirmed", "cancelled", "rejected_taken",
            "rejected_blocked", "rejected_limit", "rejected_not_on_sale", "rejected_invalid", "unavailable");
    public static final List<String> GUARDS = List.of("redis", "lock", "database");

    private final MeterRegistry registry;
    private final Counter holdsExpired;
    private final Timer lockWait;

    public ReservationMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.holdsExpired = Counter.builder("tickitecking.holds.expired")
                .description("Holds that ran out and freed their seats").register(registry);
        this.lockWait = Timer.builder("tickitecking.lock.wait")
                .description("Time spent acquiring the per-seat locks of a hold")
                .publishPercentileHistogram().register(registry);
        OUTCOMES.forEach(this::outcomeCounter);
        GUARDS.forEach(this::rejectionCounter);
    }

    public void outcome(String outcome) {
        outcomeCounter(outcome).increment();
    }

    public void rejected(String guard) {
        rejectionCounter(guard).increment();
    }

    public void holdExpired() {
        holdsExpired.increment();
    }

    public void lockWaited(Duration wait) {
        lockWait.record(wait);
    }

    private Counter outcomeCounter(String outcome) {
        return Counter.builder("tickitecking.reservations").tag("outcome", outcome)
                .description("Reservation requests by outcome").register(registry);
    }

    private Counter rejectionCounter(String guard) {
        return Counter.builder("tickitecking.guard.rejections").tag("guard", guard)
                .description("Holds refused by each double-booking guard").register(registry);
    }
}
