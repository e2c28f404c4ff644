package com.tickitecking.reservation.reservation;

import com.tickitecking.events.ReservationEvent;

/**
 * What a state change of a reservation decided: the reservation after it, and the event that tells the other
 * services. The domain returns it; {@link ReservationService} writes both down in one transaction.
 */
public record ReservationChange(Reservation after, ReservationEvent event) {
}
