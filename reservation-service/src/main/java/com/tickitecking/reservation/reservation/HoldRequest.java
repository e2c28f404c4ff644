package com.tickitecking.reservation.reservation;

import java.util.List;

/** {@code {"seats": ["FLOOR-A-12", "FLOOR-A-13"]}}: 1 to 8 seats as the concert's layout names them. */
public record HoldRequest(List<String> seats) {
}
