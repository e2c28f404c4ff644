package com.tickitecking.reservation.reservation;

import com.tickitecking.platform.web.PageResponse;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A reservation as clients see it. {@code status} is as of now: a hold past {@code expiresAt} reads EXPIRED even
 * before the sweeper has written it down. Prices are those of the seats' grades when they were held.
 */
public record ReservationResponse(long id, long concertId, String concertName, Instant concertStartTime, long userId,
                                  ReservationStatus status, List<SeatLine> seats, BigDecimal total, Instant heldAt,
                                  Instant expiresAt, @Nullable Instant confirmedAt, @Nullable Instant endedAt) {

    public record SeatLine(String seat, String grade, BigDecimal price) {
    }

    public static PageResponse<ReservationResponse> page(ReservationService.Page page, Instant now) {
        return PageResponse.of(new PageImpl<>(page.content(), PageRequest.of(page.page(), page.size()), page.total()),
                r -> of(r, now));
    }

    public static ReservationResponse of(Reservation r, Instant now) {
        return new ReservationResponse(r.id(), r.concertId(), r.concertName(), r.concertStartTime(), r.userId(),
                r.statusAt(now), r.seats().stream().map(s -> new SeatLine(s.seat(), s.grade(), s.price())).toList(),
                r.totalPrice(), r.heldAt(), r.expiresAt(), r.confirmedAt(), r.endedAt());
    }
}
