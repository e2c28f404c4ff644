package com.tickitecking.reservation.queue;

/**
 * When the waiting room lets the next people in. Admitted shoppers who have not finished may each still take up
 * to the concert's tickets per buyer; so admitting one more is safe only while the free seats exceed what all of
 * them together could take ({@code free > active × perBuyer}), and never past the ceiling of active shoppers.
 * Equivalently: admit while {@code active < activeCeiling(...)}. The Lua script of a run compares the live count
 * of active shoppers with this ceiling, so two instances never admit past it between them.
 */
public final class AdmissionRule {

    private AdmissionRule() {
    }

    /**
     * The most active shoppers the free seats and the configured ceiling allow:
     * {@code min(maxActive, ceil(free / perBuyer))}, 0 when no seat is free.
     */
    public static long activeCeiling(long freeSeats, int perBuyer, int maxActive) {
        if (freeSeats <= 0) {
            return 0;
        }
        long bySeats = (freeSeats + Math.max(1, perBuyer) - 1) / Math.max(1, perBuyer);
        return Math.min(maxActive, bySeats);
    }

    /** Sold out: no seat free and no hold pending that could still lapse and free one. */
    public static boolean soldOut(long freeSeats, long pendingHeldSeats) {
        return freeSeats <= 0 && pendingHeldSeats <= 0;
    }
}
