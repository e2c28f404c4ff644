package com.tickitecking.reservation.reservation;

import com.tickitecking.events.SeatGrade;
import com.tickitecking.events.SeatingLayout;
import com.tickitecking.platform.domain.DomainException;
import com.tickitecking.reservation.concert.Concert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BestSeatsTest {

    /** FLOOR rows A and B of 10 seats are VIP, row C is R; the BALC section's row A of 6 seats is VIP too. */
    private static final Concert CONCERT = new Concert(7, 1, "Test Concert", Instant.parse("2030-06-01T19:00:00Z"),
            new SeatingLayout(List.of(
                    new SeatingLayout.Section("FLOOR", "Floor", List.of(new SeatingLayout.Row("A", 10),
                            new SeatingLayout.Row("B", 10), new SeatingLayout.Row("C", 10))),
                    new SeatingLayout.Section("BALC", "Balcony", List.of(new SeatingLayout.Row("A", 6))))),
            List.of(new SeatGrade("VIP", new BigDecimal("120.00"), List.of(new SeatGrade.Area("FLOOR", List.of("A", "B")),
                            new SeatGrade.Area("BALC", List.of()))),
                    new SeatGrade("R", new BigDecimal("50.00"), List.of(new SeatGrade.Area("FLOOR", List.of("C"))))),
            8, 1);

    @Test
    void picksTheMiddleOfTheFrontRowFirst() {
        assertThat(new BestSeats(4, "VIP").blocks(CONCERT, Set.of(), 1))
                .containsExactly(List.of("FLOOR-A-4", "FLOOR-A-5", "FLOOR-A-6", "FLOOR-A-7"));
    }

    @Test
    void staysInTheFrontRowOffCentreBeforeGoingBackARow() {
        Set<String> taken = Set.of("FLOOR-A-5", "FLOOR-A-6", "BALC-A-3", "BALC-A-4");

        var blocks = new BestSeats(4, "VIP").blocks(CONCERT, taken, 3);

        assertThat(blocks).containsExactly(
                List.of("FLOOR-A-1", "FLOOR-A-2", "FLOOR-A-3", "FLOOR-A-4"),
                List.of("FLOOR-A-7", "FLOOR-A-8", "FLOOR-A-9", "FLOOR-A-10"),
                List.of("FLOOR-B-4", "FLOOR-B-5", "FLOOR-B-6", "FLOOR-B-7"));
    }

    @Test
    void aTieBetweenTheFrontRowsOfTwoSectionsGoesToTheFirstSection() {
        var blocks = new BestSeats(2, "VIP").blocks(CONCERT, Set.of(), 2);

        assertThat(blocks).containsExactly(List.of("FLOOR-A-5", "FLOOR-A-6"), List.of("BALC-A-3", "BALC-A-4"));
    }

    @Test
    void aFullFrontRowSendsBuyersToAnotherSectionsFrontRowBeforeASecondRow() {
        Set<String> frontRowFull = Set.of("FLOOR-A-1", "FLOOR-A-2", "FLOOR-A-3", "FLOOR-A-4", "FLOOR-A-5",
                "FLOOR-A-6", "FLOOR-A-7", "FLOOR-A-8", "FLOOR-A-9", "FLOOR-A-10");

        var blocks = new BestSeats(2, "VIP").blocks(CONCERT, frontRowFull, 4);

        assertThat(blocks).containsExactly(List.of("BALC-A-3", "BALC-A-4"), List.of("BALC-A-1", "BALC-A-2"),
                List.of("BALC-A-5", "BALC-A-6"), List.of("FLOOR-B-5", "FLOOR-B-6"));
    }

    @Test
    void theBlocksItOffersNeverShareASeat() {
        var blocks = new BestSeats(3, "R").blocks(CONCERT, Set.of(), 5);

        assertThat(blocks).containsExactly(List.of("FLOOR-C-4", "FLOOR-C-5", "FLOOR-C-6"),
                List.of("FLOOR-C-7", "FLOOR-C-8", "FLOOR-C-9"), List.of("FLOOR-C-1", "FLOOR-C-2", "FLOOR-C-3"));
    }

    @Test
    void findsNothingWhenNoRowOfTheGradeHasEnoughAdjacentFreeSeats() {
        Set<String> everyOther = Set.of("FLOOR-C-2", "FLOOR-C-4", "FLOOR-C-6", "FLOOR-C-8", "FLOOR-C-10");

        assertThat(new BestSeats(2, "R").blocks(CONCERT, everyOther, 3)).isEmpty();
        assertThat(new BestSeats(11, "R").blocks(CONCERT, Set.of(), 3)).isEmpty();
    }

    /** 100 rows of 20 seats in one section, all VIP: a big hall in miniature. */
    private static final Concert BIG = new Concert(8, 1, "Big Concert", Instant.parse("2030-06-01T19:00:00Z"),
            new SeatingLayout(List.of(new SeatingLayout.Section("FLOOR", "Floor",
                    IntStream.range(0, 100).mapToObj(r -> new SeatingLayout.Row("R" + r, 20)).toList()))),
            List.of(new SeatGrade("VIP", new BigDecimal("120.00"), List.of(new SeatGrade.Area("FLOOR", List.of())))),
            8, 1);

    @Test
    void asksOnlyAboutTheFrontRowsWhileTheyHaveRoom() {
        List<List<String>> asked = new ArrayList<>();

        var blocks = new BestSeats(4, "VIP").blocks(BIG, seats -> {
            asked.add(seats);
            return Set.of();
        }, 3);

        assertThat(blocks).containsExactly(List.of("FLOOR-R0-9", "FLOOR-R0-10", "FLOOR-R0-11", "FLOOR-R0-12"),
                List.of("FLOOR-R0-5", "FLOOR-R0-6", "FLOOR-R0-7", "FLOOR-R0-8"),
                List.of("FLOOR-R0-13", "FLOOR-R0-14", "FLOOR-R0-15", "FLOOR-R0-16"));
        assertThat(asked).hasSize(1);
        assertThat(asked.getFirst()).hasSizeLessThan(2000).contains("FLOOR-R0-1", "FLOOR-R25-20").doesNotContain("FLOOR-R26-1");
    }

    @Test
    void looksFurtherBackAFewRowsAtATimeWhenTheFrontIsFull() {
        Set<String> frontFull = new HashSet<>();
        for (int r = 0; r < 60; r++) {
            for (int n = 1; n <= 20; n++) {
                frontFull.add("FLOOR-R" + r + "-" + n);
            }
        }
        frontFull.add("FLOOR-R60-10");
        List<List<String>> asked = new ArrayList<>();

        var blocks = new BestSeats(4, "VIP").blocks(BIG, seats -> {
            asked.add(seats);
            return seats.stream().filter(frontFull::contains).collect(Collectors.toSet());
        }, 2);

        assertThat(blocks).containsExactly(List.of("FLOOR-R60-11", "FLOOR-R60-12", "FLOOR-R60-13", "FLOOR-R60-14"),
                List.of("FLOOR-R60-6", "FLOOR-R60-7", "FLOOR-R60-8", "FLOOR-R60-9"));
        assertThat(asked).hasSize(3); // rows 0-25, 26-51, 52-77
        assertThat(asked.stream().flatMap(List::stream).distinct().count()).isEqualTo(78 * 20);
    }

    @Test
    void refusesAGradeTheConcertDoesNotHave() {
        assertInvalid(() -> new BestSeats(2, "GOLD").blocks(CONCERT, Set.of(), 3), "best.grade",
                "this concert has no grade GOLD");
    }

    @Test
    void refusesACountOutsideOneToTheMostOfAHoldAndNoGrade() {
        assertInvalid(() -> new BestSeats(0, "VIP").checked(8), "best.count", "must be 1 to 8");
        assertInvalid(() -> new BestSeats(9, "VIP").checked(8), "best.count", "must be 1 to 8");
        assertInvalid(() -> new BestSeats(2, " ").checked(8), "best.grade", "must name one of the concert's grades");
        assertThat(new BestSeats(8, "VIP").checked(8)).isEqualTo(new BestSeats(8, "VIP"));
    }

    private static void assertInvalid(ThrowingCallable call, String field, String detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
            assertThat(e.properties().get("errors")).isEqualTo(List.of(new DomainException.FieldError(field, detail)));
        });
    }
}
