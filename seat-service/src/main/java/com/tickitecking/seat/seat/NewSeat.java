package com.tickitecking.seat.seat;

import com.tickitecking.events.SeatId;

import java.math.BigDecimal;

/**
 * One seat row as it is created (AVAILABLE, held by nobody).
 *
 * @param grade null (and so is the price) for a seat no grade covers: it is not for sale
 */
public record NewSeat(int index, SeatId seat, String grade, BigDecimal price) {
}
