package com.tickitecking.reservation.reservation;

import com.tickitecking.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/** Everyone's reservations, for admins (the platform requires ADMIN on /api/v1/admin/**). */
@Tag(name = "Admin: reservations", description = "Everyone's reservations, for admins")
@RestController
@RequestMapping("/api/v1/admin/reservations")
public class AdminReservationController {

    private final ReservationService reservations;
    private final Clock clock;

    public AdminReservationController(ReservationService reservations, Clock clock) {
        this.reservations = reservations;
        this.clock = clock;
    }

    @Operation(summary = "All reservations", description = "Newest first, optionally of one concert; `page` from 0, "
            + "`size` 1 to 100.")
    @GetMapping
    public PageResponse<ReservationResponse> all(@RequestParam(required = false) Long concertId,
                                                 @RequestParam(defaultValue = "0") int page,
                                                 @RequestParam(defaultValue = "20") int size) {
        ReservationController.checkPage(page, size);
        return ReservationResponse.page(reservations.all(concertId, page, size), clock.instant());
    }
}
