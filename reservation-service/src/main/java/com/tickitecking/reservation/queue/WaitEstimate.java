package com.tickitecking.reservation.queue;

/**
 * How long someone waits, from the measured admission rate: the admissions of the last window (and when the
 * oldest of them was), so a queue that started admitting ten seconds ago is measured over ten seconds, not sixty.
 */
public final class WaitEstimate {

    private static final long MIN_SPAN_MILLIS = 1000;

    private WaitEstimate() {
    }

    /**
     * Seconds until the place is admitted: ({@code ahead} + 1) / rate, rounded up. Null when nothing was admitted
     * in the window (no rate to go by).
     *
     * @param admittedInWindow how many places were admitted in the window
     * @param oldestMillis     when the oldest of them was admitted (epoch ms)
     * @param nowMillis        now (epoch ms)
     */
    public static Long seconds(long ahead, long admittedInWindow, long oldestMillis, long nowMillis) {
        if (admittedInWindow <= 0) {
            return null;
        }
        long span = Math.max(MIN_SPAN_MILLIS, nowMillis - oldestMillis);
        double perSecond = admittedInWindow * 1000.0 / span;
        return (long) Math.ceil((ahead + 1) / perSecond);
    }
}
