package com.tickitecking.reservation.reservation;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * Either {@code {"seats": ["FLOOR-A-12", "FLOOR-A-13"]}}: 1 to 8 seats as the concert's layout names them; or
 * {@code {"best": {"count": 4, "grade": "VIP"}}}: the best adjacent free seats of that grade, picked for the buyer.
 */
public record HoldRequest(@Nullable List<String> seats, @Nullable Best best) {

    /** How many adjacent seats of which grade; best = nearest the stage, then the middle of the row. */
    public record Best(int count, String grade) {
    }
}
