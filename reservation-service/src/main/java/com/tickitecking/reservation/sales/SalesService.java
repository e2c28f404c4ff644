package com.tickitecking.reservation.sales;

import com.tickitecking.events.SeatGrade;
import com.tickitecking.platform.domain.DomainException;
import com.tickitecking.platform.security.AuthenticatedUser;
import com.tickitecking.platform.web.PageResponse;
import com.tickitecking.reservation.concert.Concert;
import com.tickitecking.reservation.concert.ConcertRepository;
import com.tickitecking.reservation.reservation.ReservationStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A concert's sales, for its owner or an admin only. */
@Service
public class SalesService {

    private final ConcertRepository concerts;
    private final SalesRepository sales;
    private final BuyerPseudonyms buyers;
    private final Clock clock;

    public SalesService(ConcertRepository concerts, SalesRepository sales, BuyerPseudonyms buyers, Clock clock) {
        this.concerts = concerts;
        this.sales = sales;
        this.buyers = buyers;
        this.clock = clock;
    }

    /**
     * @throws DomainException not found (no such concert, or it was withdrawn), forbidden (not the owner nor an admin)
     */
    @Transactional(readOnly = true)
    public ConcertSales of(AuthenticatedUser caller, long concertId, int page, int size) {
        Concert concert = concerts.find(concertId).orElseThrow(() -> DomainException.notFound("concert", concertId));
        if (!caller.owns(concert.ownerId())) {
            throw DomainException.forbidden("Only the concert's owner can see its sales.");
        }
        Instant now = clock.instant();
        Map<String, Long> byStatus = sales.reservationsByStatus(concertId, now);
        var reservations = new ConcertSales.Reservations(byStatus.getOrDefault("CONFIRMED", 0L),
                byStatus.getOrDefault("HELD", 0L), byStatus.getOrDefault("CANCELLED", 0L),
                byStatus.getOrDefault("EXPIRED", 0L));

        Map<String, GradeTally> grades = new LinkedHashMap<>();
        concert.grades().forEach(grade -> grades.put(grade.name(), new GradeTally(grade)));
        int sold = 0;
        int held = 0;
        BigDecimal revenue = BigDecimal.ZERO;
        for (SalesRepository.GradeSeats seats : sales.activeSeatsByGrade(concertId, now)) {
            // a grade renamed since the seats were held keeps its own line, after the concert's grades
            GradeTally tally = grades.computeIfAbsent(seats.grade(), name -> new GradeTally(name, null));
            if (seats.sold()) {
                tally.sold += seats.seats();
                tally.revenue = tally.revenue.add(seats.amount());
                sold += seats.seats();
                revenue = revenue.add(seats.amount());
            } else {
                tally.held += seats.seats();
                held += seats.seats();
            }
        }
        int total = concert.layout().totalSeats();
        int blocked = concerts.blockedSeats(concertId).size();
        List<ConcertSales.GradeSales> gradeSales = new ArrayList<>();
        grades.values().forEach(t -> gradeSales.add(new ConcertSales.GradeSales(t.name, t.price, t.sold, t.held, t.revenue)));

        long count = reservations.confirmed() + reservations.held() + reservations.cancelled() + reservations.expired();
        List<ConcertSales.Sale> lines = size == 0 ? List.of() : sales.latest(concertId, page, size).stream()
                .map(line -> sale(concertId, line, now)).toList();
        int pages = size == 0 ? 0 : (int) ((count + size - 1) / size);
        return new ConcertSales(concertId, now, total, sold, held, blocked, Math.max(0, total - sold - held - blocked),
                reservations, revenue, gradeSales, new PageResponse<>(lines, page, size, count, pages));
    }

    private ConcertSales.Sale sale(long concertId, SalesRepository.Line line, Instant now) {
        ReservationStatus status = ReservationStatus.valueOf(line.status());
        if (status == ReservationStatus.HELD && !line.expiresAt().isAfter(now)) {
            status = ReservationStatus.EXPIRED;
        }
        return new ConcertSales.Sale(line.id(), buyers.of(concertId, line.userId()), line.seats(), line.total(), status,
                line.heldAt(), line.expiresAt(), line.confirmedAt(), line.endedAt());
    }

    private static final class GradeTally {
        final String name;
        final BigDecimal price;
        int sold;
        int held;
        BigDecimal revenue = BigDecimal.ZERO;

        GradeTally(SeatGrade grade) {
            this(grade.name(), grade.price());
        }

        GradeTally(String name, BigDecimal price) {
            this.name = name;
            this.price = price;
        }
    }
}
