package com.tickitecking.reservation.sales;

import com.tickitecking.platform.web.PageResponse;
import com.tickitecking.reservation.reservation.ReservationStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A concert's sales as its organiser sees them, as of {@code asOf}. Seats: {@code totalSeats = soldSeats + heldSeats
 * + blockedSeats + remainingSeats}. Revenue counts confirmed reservations only, at the prices their seats were held at.
 */
@Schema(description = "A concert's sales for its owner: seats sold (confirmed), held (holds not run out), blocked and "
        + "remaining; reservations by status; revenue of confirmed ones by grade; a page of the latest reservations.")
public record ConcertSales(
        long concertId,
        @Schema(description = "When these figures were read") Instant asOf,
        int totalSeats,
        @Schema(description = "Seats of CONFIRMED reservations") int soldSeats,
        @Schema(description = "Seats of HELD reservations whose hold has not run out") int heldSeats,
        @Schema(description = "Seats the owner took off sale") int blockedSeats,
        @Schema(description = "totalSeats - soldSeats - heldSeats - blockedSeats") int remainingSeats,
        Reservations reservations,
        @Schema(description = "The sum of the confirmed reservations' seats", example = "1240.00") BigDecimal revenue,
        @Schema(description = "Every grade of the concert, in its order") List<GradeSales> grades,
        @Schema(description = "The concert's reservations, newest first (`page`, `size` of the request)") PageResponse<Sale> latest) {

    @Schema(description = "The concert's reservations by their status now (a hold past its expiry is EXPIRED)")
    public record Reservations(long confirmed, long held, long cancelled, long expired) {
    }

    public record GradeSales(String grade, BigDecimal price, int soldSeats, int heldSeats,
                             @Schema(description = "The sum of its sold seats", example = "960.00") BigDecimal revenue) {
    }

    /** One reservation, without anything of the buyer's account but a name for it at this concert. */
    public record Sale(long id,
                       @Schema(description = "The buyer's pseudonym, the same for all their reservations of this concert "
                               + "and unlinkable to other concerts", example = "buyer-3f9a1c0d7e22") String buyer,
                       List<String> seats, BigDecimal total,
                       @Schema(description = "As of now: a hold past `expiresAt` is EXPIRED") ReservationStatus status,
                       Instant heldAt, Instant expiresAt, @Nullable Instant confirmedAt, @Nullable Instant endedAt) {
    }
}
