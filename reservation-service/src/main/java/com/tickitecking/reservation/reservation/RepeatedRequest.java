package com.tickitecking.reservation.reservation;

/**
 * A hold turned out to repeat an earlier request under the same Idempotency-Key, which only the reservation row's
 * unique key knew of (Redis had lost or never had the key). Thrown from inside the hold's transaction so that the
 * transaction rolls back and the seat guard gives back what it took for the repeat; {@link ReservationService}
 * answers it with the earlier reservation. Never leaves the service.
 */
final class RepeatedRequest extends RuntimeException {

    private final long reservationId;

    RepeatedRequest(long reservationId) {
        super("repeat of reservation " + reservationId, null, false, false);
        this.reservationId = reservationId;
    }

    long reservationId() {
        return reservationId;
    }
}
