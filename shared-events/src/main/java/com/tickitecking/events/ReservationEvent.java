package com.tickitecking.events;

import java.util.List;

/** Events in a reservation's life (HELD → CONFIRMED, or → CANCELLED / EXPIRED), published by reservation-service. */
public sealed interface ReservationEvent extends DomainEvent
        permits ReservationCreated, ReservationConfirmed, ReservationCancelled, ReservationExpired {

    long reservationId();

    long concertId();

    long userId();

    /** The seats as the layout names them (see {@link SeatId}). */
    List<String> seats();

    /** The reservation's revision after the change: HELD is 1 and every later state is higher. */
    long revision();

    @Override
    default String aggregateId() {
        return "reservation-" + reservationId();
    }
}
