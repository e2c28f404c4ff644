package com.tickitecking.reservation.reservation;

import com.tickitecking.events.SeatGrade;
import com.tickitecking.events.SeatingLayout;
import com.tickitecking.platform.domain.DomainException;
import com.tickitecking.reservation.concert.Concert;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** The rules of a new hold: the seat list, the concert (started, sale window, layout, grades), blocked seats, the buyer limit. */
class NewHoldTest {

    private static final Instant NOW = Instant.parse("2030-05-01T18:00:00Z");
    private static final Duration HOLD_TIME = Duration.ofMinutes(10);
    private static final int MAX_SEATS = 8;

    /** Rows A to D of 10 seats: row A is VIP at 120.00, rows B and C are R at 50.00, row D has no grade. */
    private static final Concert CONCERT = new Concert(7, 1, "Test Concert", NOW.plus(Duration.ofDays(30)),
            SeatingLayout.grid("FLOOR", 4, 10),
            List.of(new SeatGrade("VIP", new BigDecimal("120.00"), List.of(new SeatGrade.Area("FLOOR", List.of("A")))),
                    new SeatGrade("R", new BigDecimal("50.00"), List.of(new SeatGrade.Area("FLOOR", List.of("B", "C"))))),
            4, 1);

    @Test
    void acceptsOneToTheMostSeatsInTheOrderAsked() {
        assertThat(NewHold.validSeats(List.of("FLOOR-B-2", "FLOOR-A-1"), MAX_SEATS)).containsExactly("FLOOR-B-2", "FLOOR-A-1");
        assertThat(NewHold.validSeats(seats(MAX_SEATS), MAX_SEATS)).hasSize(MAX_SEATS);
    }

    @Test
    void refusesNoSeatsAndOneSeatMoreThanTheMost() {
        assertInvalidSeats(() -> NewHold.validSeats(List.of(), MAX_SEATS), "must name 1 to 8 seats");
        assertInvalidSeats(() -> NewHold.validSeats(null, MAX_SEATS), "must name 1 to 8 seats");
        assertInvalidSeats(() -> NewHold.validSeats(seats(MAX_SEATS + 1), MAX_SEATS), "must name 1 to 8 seats");
    }

    @Test
    void refusesSomethingThatIsNotASeatLabel() {
        assertInvalidSeats(() -> NewHold.validSeats(List.of("FLOOR-A-1", "floor a 2"), MAX_SEATS),
                "not a seat label: floor a 2 (expected e.g. FLOOR-A-12)");
    }

    @Test
    void refusesASeatNamedTwice() {
        assertInvalidSeats(() -> NewHold.validSeats(List.of("FLOOR-A-1", "FLOOR-B-1", "FLOOR-A-1"), MAX_SEATS),
                "seat named twice: FLOOR-A-1");
    }

    @Test
    void theReservationItBecomesIsWhatTheDatabaseKeepsMicrosecondsAndCents() {
        Concert wholePrices = new Concert(7, 1, "Test Concert", NOW.plus(Duration.ofDays(30)), SeatingLayout.grid("FLOOR", 1, 10),
                List.of(new SeatGrade("R", new BigDecimal("50"), List.of(new SeatGrade.Area("FLOOR", List.of())))), 4, 1);
        Instant now = NOW.plusNanos(123_456_789);

        Reservation held = NewHold.of(3, wholePrices, List.of("FLOOR-A-1", "FLOOR-A-2"), now, HOLD_TIME).reservation(42, "token");

        assertThat(held.heldAt()).isEqualTo(NOW.plusNanos(123_456_000));
        assertThat(held.expiresAt()).isEqualTo(NOW.plusNanos(123_456_000).plus(HOLD_TIME));
        assertThat(held.seats()).extracting(seat -> seat.price().toPlainString()).containsExactly("50.00", "50.00");
        assertThat(held.totalPrice().toPlainString()).isEqualTo("100.00");
        assertThat(held).extracting(Reservation::id, Reservation::status, Reservation::revision, Reservation::userId,
                Reservation::guardToken).containsExactly(42L, ReservationStatus.HELD, 1L, 3L, "token");
    }

    @Test
    void pricesEachSeatByItsGradeAndAddsThemUp() {
        NewHold hold = NewHold.of(99, CONCERT, List.of("FLOOR-B-3", "FLOOR-A-1", "FLOOR-C-10"), NOW, HOLD_TIME);

        assertThat(hold.seats()).containsExactly(
                new Reservation.ReservedSeat("FLOOR-B-3", "R", new BigDecimal("50.00")),
                new Reservation.ReservedSeat("FLOOR-A-1", "VIP", new BigDecimal("120.00")),
                new Reservation.ReservedSeat("FLOOR-C-10", "R", new BigDecimal("50.00")));
        assertThat(hold.total()).isEqualByComparingTo("220.00");
        assertThat(hold.seatLabels()).containsExactly("FLOOR-B-3", "FLOOR-A-1", "FLOOR-C-10");
    }

    @Test
    void keepsTheSeatsForTheHoldTimeFromNow() {
        NewHold hold = NewHold.of(99, CONCERT, List.of("FLOOR-A-1"), NOW, HOLD_TIME);

        assertThat(hold.heldAt()).isEqualTo(NOW);
        assertThat(hold.expiresAt()).isEqualTo(NOW.plus(HOLD_TIME));
    }

    @Test
    void refusesAConcertThatHasStartedFromItsStartInstantOn() {
        Concert startingNow = concertStartingAt(NOW);

        assertThatThrownBy(() -> NewHold.of(99, startingNow, List.of("FLOOR-A-1"), NOW, HOLD_TIME))
                .isInstanceOfSatisfying(ConcertAlreadyStarted.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                    assertThat(e.getMessage()).isEqualTo("This concert has already started; it can no longer be reserved.");
                    assertThat(e.properties()).containsExactly(entry("reason", "started"));
                });
        assertThatCode(() -> NewHold.of(99, concertStartingAt(NOW.plusMillis(1)), List.of("FLOOR-A-1"), NOW, HOLD_TIME))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAHoldBeforeTheSaleOpensSayingWhenItOpens() {
        Instant opens = NOW.plus(Duration.ofHours(2));

        assertThatThrownBy(() -> NewHold.of(99, concertOnSale(opens, null), List.of("FLOOR-A-1"), NOW, HOLD_TIME))
                .isInstanceOfSatisfying(NotOnSaleYet.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                    assertThat(e.getMessage()).isEqualTo("This concert is not on sale yet; its sale opens at 2030-05-01T20:00:00Z.");
                    assertThat(e.properties()).containsExactly(entry("reason", "not-on-sale-yet"), entry("saleStartsAt", opens));
                    assertThat(e.retryAfter()).as("an opening an hour or more away: wait for it, do not poll").isEmpty();
                });
    }

    @Test
    void anOpeningLessThanAMinuteAwaySaysToRetryThen() {
        Instant opens = NOW.plusSeconds(59).plusMillis(400);

        assertThatThrownBy(() -> NewHold.of(99, concertOnSale(opens, null), List.of("FLOOR-A-1"), NOW, HOLD_TIME))
                .isInstanceOfSatisfying(NotOnSaleYet.class, e -> {
                    assertThat(e.retryAfter()).contains(Duration.ofMillis(59_400));
                    assertThat(e.properties()).containsEntry("retryAfterSeconds", 60L);
                });
        assertThatThrownBy(() -> NewHold.of(99, concertOnSale(NOW.plusSeconds(60), null), List.of("FLOOR-A-1"), NOW, HOLD_TIME))
                .isInstanceOfSatisfying(NotOnSaleYet.class, e -> assertThat(e.retryAfter()).isEmpty());
    }

    @Test
    void holdsFromTheOpeningInstantOn() {
        assertThatCode(() -> NewHold.of(99, concertOnSale(NOW, null), List.of("FLOOR-A-1"), NOW, HOLD_TIME))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAHoldFromTheSalesEndOn() {
        Instant opened = NOW.minus(Duration.ofDays(1));

        assertThatThrownBy(() -> NewHold.of(99, concertOnSale(opened, NOW), List.of("FLOOR-A-1"), NOW, HOLD_TIME))
                .isInstanceOfSatisfying(SaleEnded.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                    assertThat(e.getMessage()).isEqualTo("The sale of this concert ended at 2030-05-01T18:00:00Z.");
                    assertThat(e.properties()).containsExactly(entry("reason", "sale-ended"), entry("saleEndsAt", NOW));
                    assertThat(e.retryAfter()).isEmpty();
                });
        assertThatCode(() -> NewHold.of(99, concertOnSale(null, NOW.plusMillis(1)), List.of("FLOOR-A-1"), NOW, HOLD_TIME))
                .doesNotThrowAnyException();
    }

    @Test
    void aStartedConcertIsRefusedAsStartedEvenWhenItsSaleHasEnded() {
        Concert started = new Concert(CONCERT.id(), CONCERT.ownerId(), CONCERT.name(), NOW, CONCERT.layout(),
                CONCERT.grades(), CONCERT.maxTicketsPerBuyer(), CONCERT.revision(), null, NOW.minusSeconds(60), false);

        assertThatThrownBy(() -> NewHold.of(99, started, List.of("FLOOR-A-1"), NOW, HOLD_TIME))
                .isInstanceOf(ConcertAlreadyStarted.class);
    }

    @Test
    void refusesSeatsOutsideTheLayoutNamingAllOfThem() {
        assertInvalidSeats(() -> NewHold.of(99, CONCERT, List.of("FLOOR-A-11", "FLOOR-A-1", "BALCONY-A-1"), NOW, HOLD_TIME),
                "no such seats in this concert's layout: FLOOR-A-11, BALCONY-A-1");
    }

    @Test
    void refusesSeatsInNoGradeAsNotOnSaleNamingAllOfThem() {
        assertInvalidSeats(() -> NewHold.of(99, CONCERT, List.of("FLOOR-D-1", "FLOOR-A-1", "FLOOR-D-2"), NOW, HOLD_TIME),
                "seats without a grade are not on sale: FLOOR-D-1, FLOOR-D-2");
    }

    @Test
    void namesSeatsOutsideTheLayoutBeforeUngradedOnes() {
        assertInvalidSeats(() -> NewHold.of(99, CONCERT, List.of("FLOOR-D-1", "FLOOR-E-1"), NOW, HOLD_TIME),
                "no such seats in this concert's layout: FLOOR-E-1");
    }

    @Test
    void refusesBlockedSeatsNamingThem() {
        NewHold hold = NewHold.of(99, CONCERT, List.of("FLOOR-A-1", "FLOOR-A-2"), NOW, HOLD_TIME);

        assertThatCode(() -> hold.refuseBlocked(List.of())).doesNotThrowAnyException();
        assertThatThrownBy(() -> hold.refuseBlocked(List.of("FLOOR-A-2")))
                .isInstanceOfSatisfying(SeatsNotOnSale.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                    assertThat(e.getMessage()).isEqualTo("Seats not on sale: FLOOR-A-2");
                    assertThat(e.properties()).containsExactly(entry("reason", "blocked"), entry("seats", List.of("FLOOR-A-2")));
                });
    }

    @Test
    void claimsTheSeatsFromTheConcertsBuyerLimit() {
        NewHold twoSeats = NewHold.of(99, CONCERT, List.of("FLOOR-A-1", "FLOOR-A-2"), NOW, HOLD_TIME);

        assertThatCode(() -> twoSeats.claimAllowance(2)).doesNotThrowAnyException();
        assertThatThrownBy(() -> twoSeats.claimAllowance(3)).isInstanceOfSatisfying(BuyerLimitReached.class, e -> {
            assertThat(e.allowance()).isEqualTo(new TicketAllowance(4, 3));
            assertThat(e.requested()).isEqualTo(2);
        });
    }

    @Test
    void announcesTheHoldAsRevisionOneWithItsSeatsAndExpiry() {
        NewHold hold = NewHold.of(99, CONCERT, List.of("FLOOR-B-1", "FLOOR-A-1"), NOW, HOLD_TIME);

        var created = hold.created(42);

        assertThat(created.reservationId()).isEqualTo(42);
        assertThat(created.concertId()).isEqualTo(7);
        assertThat(created.userId()).isEqualTo(99);
        assertThat(created.seats()).containsExactly("FLOOR-B-1", "FLOOR-A-1");
        assertThat(created.revision()).isEqualTo(1);
        assertThat(created.expiresAt()).isEqualTo(NOW.plus(HOLD_TIME));
    }

    private static void assertInvalidSeats(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
            assertThat(e.getMessage()).isEqualTo(detail);
            assertThat(e.properties().get("errors")).isEqualTo(List.of(new DomainException.FieldError("seats", detail)));
        });
    }

    private static Concert concertStartingAt(Instant start) {
        return new Concert(CONCERT.id(), CONCERT.ownerId(), CONCERT.name(), start, CONCERT.layout(), CONCERT.grades(),
                CONCERT.maxTicketsPerBuyer(), CONCERT.revision());
    }

    private static Concert concertOnSale(Instant saleStartsAt, Instant saleEndsAt) {
        return new Concert(CONCERT.id(), CONCERT.ownerId(), CONCERT.name(), CONCERT.startTime(), CONCERT.layout(),
                CONCERT.grades(), CONCERT.maxTicketsPerBuyer(), CONCERT.revision(), saleStartsAt, saleEndsAt, false);
    }

    /** {@code count} distinct seats of rows A and B. */
    private static List<String> seats(int count) {
        List<String> seats = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            seats.add("FLOOR-" + (char) ('A' + i / 10) + "-" + (1 + i % 10));
        }
        return seats;
    }
}
