package com.tickitecking.seat.seat;

import java.math.BigDecimal;

/**
 * The new grade and price of one row of seats, the seats {@code firstIndex..lastIndex} in SeatIndex order. Grades
 * cover whole rows (an area is a section or some of its rows), so a row is the unit of a regrade.
 *
 * @param grade null (and so is the price) when no grade covers the row any more
 */
public record RowGrade(int firstIndex, int lastIndex, String grade, BigDecimal price) {
}
