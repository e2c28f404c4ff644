package com.tickitecking.seat.seat;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** Request bodies of the seat endpoints. */
public final class SeatRequests {

    private SeatRequests() {
    }

    /** Take a seat off sale (BLOCKED) or put it back (AVAILABLE). */
    public record ChangeStatus(
            @Schema(description = "BLOCKED or AVAILABLE", allowableValues = {"BLOCKED", "AVAILABLE"}) @NotNull SeatStatus status) {
    }

    /** A seat after a status change. */
    public record SeatView(
            @Schema(example = "42") long concertId,
            @Schema(example = "FLOOR-B-12") String seat,
            @Schema(example = "BLOCKED") SeatStatus status,
            @Schema(description = "Per-seat revision of blocking changes, as in SeatBlocked/SeatUnblocked", example = "1") long revision) {
    }
}
