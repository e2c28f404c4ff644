package com.tickitecking.reservation.reservation;

import com.tickitecking.events.ConcertDetails;
import com.tickitecking.events.SeatBlocked;
import com.tickitecking.events.SeatGrade;
import com.tickitecking.events.SeatingLayout;
import com.tickitecking.reservation.ReservationApi;
import com.tickitecking.reservation.ThroughTheApi;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TestHttp;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static com.tickitecking.testing.ProblemAssertions.assertInvalid;
import static com.tickitecking.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** "The best 4 VIP seats": picked from what the guard and the owner's blocks leave free, held like named seats. */
@IntegrationTest
class BestSeatsIT extends ThroughTheApi {

    private static final AtomicLong USERS = new AtomicLong(900);

    /** FLOOR rows A and B of 10 seats are VIP, rows C and D are R. */
    private static final ConcertDetails HALL = new ConcertDetails(7, "Best Seats Night", Instant.now().plus(Duration.ofDays(30)),
            1, "Test Hall", SeatingLayout.grid("FLOOR", 4, 10),
            List.of(new SeatGrade("VIP", new BigDecimal("120.00"), List.of(new SeatGrade.Area("FLOOR", List.of("A", "B")))),
                    new SeatGrade("R", new BigDecimal("50.00"), List.of(new SeatGrade.Area("FLOOR", List.of("C", "D"))))));

    @Test
    void eachBuyerGetsTheBestBlockLeftNearTheStageAndTheMiddleOfTheRowUntilNoneIsLeft() {
        // row A's middle is taken: its two ends come first, then the middle of row B; row B's rest is in threes
        long concertId = events.concertOnSale(HALL);
        assertThat(buyer().hold(concertId, "FLOOR-A-5", "FLOOR-A-6").status()).isEqualTo(201);

        List<List<String>> picked = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TestHttp.Response held = buyer().holdBest(concertId, 4, "VIP");
            assertThat(held.status()).as(held.toString()).isEqualTo(201);
            assertThat(held.json().get("status").asString()).isEqualTo("HELD");
            List<String> seats = new ArrayList<>();
            held.json().get("seats").forEach(seat -> {
                seats.add(seat.get("seat").asString());
                assertThat(seat.get("grade").asString()).isEqualTo("VIP");
            });
            picked.add(seats);
        }
        TestHttp.Response noneLeft = buyer().holdBest(concertId, 4, "VIP");

        assertThat(picked).containsExactly(
                List.of("FLOOR-A-1", "FLOOR-A-2", "FLOOR-A-3", "FLOOR-A-4"),
                List.of("FLOOR-A-7", "FLOOR-A-8", "FLOOR-A-9", "FLOOR-A-10"),
                List.of("FLOOR-B-4", "FLOOR-B-5", "FLOOR-B-6", "FLOOR-B-7"));
        assertProblem(noneLeft, 409);
        assertThat(noneLeft.json().get("reason").asString()).isEqualTo("no-adjacent-seats");
    }

    @Test
    void skipsSeatsTheOwnerTookOffSale() {
        long concertId = events.concertOnSale(HALL);
        events.publish(SeatBlocked.of(concertId, "FLOOR-C-5", 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> !jdbc.queryForList(
                "SELECT seat_label FROM blocked_seat WHERE concert_id = ? AND blocked = TRUE", String.class, concertId).isEmpty());

        TestHttp.Response held = buyer().holdBest(concertId, 2, "R");

        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        assertThat(held.json().get("seats").get(0).get("seat").asString()).isEqualTo("FLOOR-C-6");
        assertThat(held.json().get("seats").get(1).get("seat").asString()).isEqualTo("FLOOR-C-7");
    }

    @Test
    void refusesAnUnknownGradeOrACountOutsideOneToEight() {
        long concertId = events.concertOnSale(HALL);

        assertInvalid(buyer().holdBest(concertId, 2, "GOLD"), "best.grade");
        assertInvalid(buyer().holdBest(concertId, 0, "VIP"), "best.count");
        assertInvalid(buyer().holdBest(concertId, 9, "VIP"), "best.count");
    }

    private ReservationApi buyer() {
        return ReservationApi.as(port, USERS.incrementAndGet());
    }
}
