package com.tickitecking.reservation.queue;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a waiting client should ask for its place again ({@code pollAfterSeconds}), by its distance to the front:
 * half its estimated wait, between {@code poll-min} and {@code poll-max}, with up to 20 % added at random so that
 * clients told the same thing do not come back in the same second. Far back that is 10–20 s, near the front 1 s:
 * a client polls a few times over its whole wait instead of every second, and still notices its admission within a
 * second once near. A place that the next admission run takes in (fewer people ahead of it than free admission
 * slots) polls at {@code poll-min} whatever the estimate says: the measured rate lags a burst of admissions (the
 * opening, a limit that grows, shoppers leaving together), and a place admitted while it sleeps 10 s notices 10 s
 * late. Before the opening a place is asked back at the opening (the shuffle gives it its position then), spread
 * over twice {@code poll-min}. The longest advice stays well under {@code lapse-after} (a client that follows the
 * advice never lapses) and under a tenth of {@code admission-ttl} (an admission is noticed early in its life).
 */
final class PollAdvice {

    /** The share of the estimated wait to sleep before asking again: halves the uncertainty with every poll. */
    private static final double SHARE_OF_WAIT = 0.5;
    /** At most this share is added at random. */
    private static final double JITTER = 0.2;
    /** The longest advice, jitter included, stays under this share of lapse-after: 5/12 × 1.2 = 1/2. */
    private static final double SHARE_OF_LAPSE = 5.0 / 12;
    /** ... and under this share of an admission's life (jitter aside): a tenth of it at most goes unnoticed. */
    private static final double SHARE_OF_ADMISSION = 0.1;

    private final long minSeconds;
    private final long maxSeconds;

    PollAdvice(long minSeconds, long maxSeconds) {
        this.minSeconds = Math.max(1, minSeconds);
        this.maxSeconds = Math.max(this.minSeconds, maxSeconds);
    }

    /** poll-min, and poll-max kept under its shares of lapse-after and admission-ttl. */
    static PollAdvice of(Duration pollMin, Duration pollMax, Duration lapseAfter, Duration admissionTtl) {
        long max = Math.min(pollMax.toSeconds(), Math.min((long) (lapseAfter.toSeconds() * SHARE_OF_LAPSE),
                (long) (admissionTtl.toSeconds() * SHARE_OF_ADMISSION)));
        return new PollAdvice(pollMin.toSeconds(), Math.max(1, max));
    }

    long maxSeconds() {
        return maxSeconds;
    }

    /**
     * Seconds until the next poll of a waiting place; null for a place that need not poll again (admitted: hold
     * now; sold out, expired: stop).
     *
     * @param position             null before the shuffle gave the place one
     * @param ahead                places still waiting in front of it
     * @param freeSlots            admissions the next run may make at once (its ceiling less the active shoppers)
     * @param estimatedWaitSeconds null before the first admission
     * @param untilOpeningMillis   ms until the sale opens, 0 or less once it has
     */
    Long seconds(PlaceStatus status, Long position, long ahead, long freeSlots, Long estimatedWaitSeconds,
                 long untilOpeningMillis) {
        if (status != PlaceStatus.WAITING) {
            return null;
        }
        if (position == null && untilOpeningMillis > 0) {
            // back at the opening, spread over twice the minimum (everyone in the pre-queue learns its position then)
            long untilOpening = Math.ceilDiv(untilOpeningMillis, 1000);
            return Math.min(maxSeconds, untilOpening + ThreadLocalRandom.current().nextLong(2 * minSeconds + 1));
        }
        if (position == null || estimatedWaitSeconds == null) {
            return minSeconds; // the shuffle or the first admission is due any moment
        }
        if (ahead < freeSlots) {
            return minSeconds; // in the next admission batch: admitted within an admission interval
        }
        double base = Math.clamp(estimatedWaitSeconds * SHARE_OF_WAIT, minSeconds, maxSeconds);
        return Math.round(base * (1 + JITTER * ThreadLocalRandom.current().nextDouble()));
    }
}
