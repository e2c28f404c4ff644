package com.tickitecking.reservation.reservation;

import com.tickitecking.events.ReservationCreated;
import com.tickitecking.events.SeatGrade;
import com.tickitecking.events.SeatId;
import com.tickitecking.events.SeatIndex;
import com.tickitecking.platform.domain.DomainException;
import com.tickitecking.reservation.concert.Concert;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A hold about to be written: the buyer, the concert, the seats priced by their grades, and until when they are
 * kept. The rules of a hold are here, in the order {@link ReservationService} meets them: the seat list's own
 * ({@link #validSeats}), the concert's ({@link #of}: not started, on sale, every seat in the layout and graded), then,
 * once the seat guards let the hold through, seats off sale ({@link #refuseBlocked}) and the buyer's limit
 * ({@link #claimAllowance}).
 */
public record NewHold(long buyerId, Concert concert, List<Reservation.ReservedSeat> seats, Instant heldAt,
                      Instant expiresAt) {

    public NewHold {
        seats = List.copyOf(seats);
    }

    /**
     * The seat list as the request gives it, checked before anything is looked up.
     *
     * @throws DomainException invalid {@code seats}: none, more than {@code maxSeats}, not a seat label, a seat twice
     */
    public static List<String> validSeats(List<String> seats, int maxSeats) {
        if (seats == null || seats.isEmpty() || seats.size() > maxSeats) {
            throw DomainException.invalid("seats", "must name 1 to " + maxSeats + " seats");
        }
        Set<String> distinct = new HashSet<>();
        for (String seat : seats) {
            if (!SeatId.isValid(seat)) {
                throw DomainException.invalid("seats", "not a seat label: " + seat + " (expected e.g. FLOOR-A-12)");
            }
            if (!distinct.add(seat)) {
                throw DomainException.invalid("seats", "seat named twice: " + seat);
            }
        }
        return List.copyOf(seats);
    }

    /**
     * Prices valid seats (see {@link #validSeats}) of the concert by their grades, held from {@code now} for
     * {@code holdTime}.
     *
     * @throws ConcertAlreadyStarted when the concert has begun by {@code now}
     * @throws NotOnSaleYet          when its sale opens after {@code now}
     * @throws SaleEnded             when its sale has ended by {@code now}
     * @throws DomainException       invalid {@code seats}: not in the concert's layout, or in no grade (not on sale)
     */
    public static NewHold of(long buyerId, Concert concert, List<String> seats, Instant at, Duration holdTime) {
        // as the database keeps it (TIMESTAMP(6)), so that the hold's answer and a later read of it agree
        Instant now = at.truncatedTo(ChronoUnit.MICROS);
        assertOnSale(concert, now);
        List<String> unknown = new ArrayList<>();
        List<String> unpriced = new ArrayList<>();
        List<Reservation.ReservedSeat> priced = new ArrayList<>();
        SeatIndex layout = SeatIndex.of(concert.layout());
        for (String label : seats) {
            SeatId seat = SeatId.parse(label);
            if (!layout.contains(seat)) {
                unknown.add(label);
                continue;
            }
            SeatGrade grade = concert.gradeOf(seat);
            if (grade == null) {
                unpriced.add(label);
            } else {
                priced.add(new Reservation.ReservedSeat(label, grade.name(), asStored(grade.price())));
            }
        }
        if (!unknown.isEmpty()) {
            throw DomainException.invalid("seats", "no such seats in this concert's layout: " + String.join(", ", unknown));
        }
        if (!unpriced.isEmpty()) {
            throw DomainException.invalid("seats", "seats without a grade are not on sale: " + String.join(", ", unpriced));
        }
        return new NewHold(buyerId, concert, priced, now, now.plus(holdTime));
    }

    /**
     * The concert may be held at {@code now}: it has not started, and its sale is open.
     *
     * @throws ConcertAlreadyStarted when the concert has begun by {@code now}
     * @throws NotOnSaleYet          when its sale opens after {@code now}
     * @throws SaleEnded             when its sale has ended by {@code now}
     */
    public static void assertOnSale(Concert concert, Instant now) {
        if (concert.hasStartedBy(now)) {
            throw new ConcertAlreadyStarted();
        }
        if (!concert.saleOpenBy(now)) {
            throw new NotOnSaleYet(concert.saleStartsAt(), now);
        }
        if (concert.saleEndedBy(now)) {
            throw new SaleEnded(concert.saleEndsAt());
        }
    }

    /** A price as the database keeps it: DECIMAL(12,2), rounded half up as MariaDB and MySQL round it. */
    static BigDecimal asStored(BigDecimal price) {
        return price.setScale(2, RoundingMode.HALF_UP);
    }

    /** The reservation this hold is once written (revision 1, HELD), as a read of it would answer it. */
    public Reservation reservation(long id, String guardToken) {
        return new Reservation(id, concert.id(), concert.name(), concert.startTime(), buyerId, ReservationStatus.HELD,
                total(), 1, heldAt, expiresAt, null, null, guardToken, seats);
    }

    /** The seats' prices added up. */
    public BigDecimal total() {
        return seats.stream().map(Reservation.ReservedSeat::price).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public List<String> seatLabels() {
        return seats.stream().map(Reservation.ReservedSeat::seat).toList();
    }

    /** @throws SeatsNotOnSale when any of the hold's seats is among those the owner took off sale */
    public void refuseBlocked(List<String> blocked) {
        if (!blocked.isEmpty()) {
            throw new SeatsNotOnSale(blocked);
        }
    }

    /**
     * @param held the buyer's seats of the concert in active holds and confirmed reservations
     * @throws BuyerLimitReached when these seats would take the buyer past the concert's tickets per buyer
     */
    public void claimAllowance(int held) {
        new TicketAllowance(concert.maxTicketsPerBuyer(), held).claim(seats.size());
    }

    /** The event of the hold once written: revision 1, the seats in the order they were asked for. */
    public ReservationCreated created(long reservationId) {
        return ReservationCreated.of(reservationId, concert.id(), buyerId, seatLabels(), 1, expiresAt);
    }
}
