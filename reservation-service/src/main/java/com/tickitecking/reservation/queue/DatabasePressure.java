package com.tickitecking.reservation.queue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/**
 * Whether this instance's database pool is the bottleneck, since the last look: taking a connection took longer
 * than {@code pressure-acquire-time} on average, or timed out. That is where an on-sale overload shows first (a
 * connection is held longer when the holds wait for CPU or locks, so the next hold queues for one, and after the
 * pool's connection-timeout it is a 503), and what the admission job slows down for (the admission limit of
 * {@code lua/waiting-room-admit.lua}).
 * Read from HikariCP's own meters ({@code hikaricp.connections.acquire}, {@code hikaricp.connections.timeout}).
 */
@Component
class DatabasePressure {

    private final MeterRegistry registry;
    private final double thresholdMillis;
    private boolean primed;
    private long lastAcquires;
    private double lastAcquireMillis;
    private double lastTimeouts;

    DatabasePressure(MeterRegistry registry, WaitingRoomProperties properties) {
        this.registry = registry;
        this.thresholdMillis = properties.pressureAcquireTime().toNanos() / 1e6;
    }

    /**
     * True when the acquires since the last call waited longer than the threshold on average, or one timed out.
     * The first call only takes the meters' readings (the start-up's acquires are not an on-sale's).
     */
    synchronized boolean sinceLastLook() {
        long acquires = 0;
        double acquireMillis = 0;
        for (Timer timer : registry.find("hikaricp.connections.acquire").timers()) {
            acquires += timer.count();
            acquireMillis += timer.totalTime(TimeUnit.MILLISECONDS);
        }
        double timeouts = 0;
        for (Counter counter : registry.find("hikaricp.connections.timeout").counters()) {
            timeouts += counter.count();
        }
        long newAcquires = acquires - lastAcquires;
        double waited = acquireMillis - lastAcquireMillis;
        boolean timedOut = timeouts > lastTimeouts;
        lastAcquires = acquires;
        lastAcquireMillis = acquireMillis;
        lastTimeouts = timeouts;
        if (!primed) {
            primed = true;
            return false;
        }
        return timedOut || newAcquires > 0 && waited / newAcquires > thresholdMillis;
    }
}
