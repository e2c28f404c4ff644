package com.tickitecking.platform.retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The one exponential back-off of the platform (logins, start-up, the outbox relay). How long the next try waits
 * after a number of failures: not at all for the first {@code freeFailures}, then
 * {@code firstWait}, doubling with every further failure, never more than {@code maxWait}.
 */
public record Backoff(int freeFailures, Duration firstWait, Duration maxWait) {

    public Backoff {
        if (freeFailures < 0 || firstWait == null || firstWait.isNegative() || firstWait.isZero()
                || maxWait == null || maxWait.compareTo(firstWait) < 0) {
            throw new IllegalArgumentException("a back-off needs free-failures >= 0 and 0 < first-wait <= max-wait, got "
                    + freeFailures + ", " + firstWait + ", " + maxWait);
        }
    }

    public Duration waitAfter(long failures) {
        long beyond = failures - freeFailures;
        if (beyond <= 0) {
            return Duration.ZERO;
        }
        // doubling past maxWait (or past 2^62) can stop early: the cap is reached by then
        long doublings = beyond - 1;
        Duration wait = firstWait;
        for (long i = 0; i < doublings && wait.compareTo(maxWait) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxWait) < 0 ? wait : maxWait;
    }

    /**
     * The waits after 1, 2, 3, … failures, up to the first that reaches {@code maxWait}; every later failure waits
     * as long as the last. This is the form the Redis script takes the rule in, so the rule lives here only.
     */
    public List<Duration> schedule() {
        List<Duration> waits = new ArrayList<>();
        long failures = 1;
        do {
            waits.add(waitAfter(failures++));
        } while (waits.getLast().compareTo(maxWait) < 0);
        return List.copyOf(waits);
    }
}
