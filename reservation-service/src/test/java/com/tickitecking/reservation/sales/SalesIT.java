package com.tickitecking.reservation.sales;

import com.tickitecking.events.ConcertDetails;
import com.tickitecking.events.SeatBlocked;
import com.tickitecking.events.SeatGrade;
import com.tickitecking.events.SeatingLayout;
import com.tickitecking.platform.security.Role;
import com.tickitecking.reservation.ReservationApi;
import com.tickitecking.reservation.TestEvents;
import com.tickitecking.reservation.ThroughTheApi;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TestHttp;
import com.tickitecking.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class SalesIT extends ThroughTheApi {

    private static final AtomicLong USERS = new AtomicLong(7_000);
    private static final long OWNER = 4_242;

    long concertId;
    ReservationApi alice;
    ReservationApi bob;

    /** 2 rows of 5: row A is VIP at 100.00, row B is R at 40.00. */
    @BeforeEach
    void concertOnSale() {
        var layout = SeatingLayout.grid("FLOOR", 2, 5);
        concertId = events.concertOnSale(new ConcertDetails(OWNER, "Sales Night", Instant.now().plus(30, ChronoUnit.DAYS),
                1, "Test Hall", layout, List.of(
                new SeatGrade("VIP", new BigDecimal("100.00"), List.of(new SeatGrade.Area("FLOOR", List.of("A")))),
                new SeatGrade("R", new BigDecimal("40.00"), List.of(new SeatGrade.Area("FLOOR", List.of("B")))))));
        alice = ReservationApi.as(port, USERS.incrementAndGet());
        bob = ReservationApi.as(port, USERS.incrementAndGet());
    }

    private TestHttp owner() {
        return TestHttp.at(port).as(TestTokens.accessToken(OWNER, Role.COMPANY_USER));
    }

    private TestHttp.Response sales(TestHttp as, String query) {
        return as.get("/api/v1/concerts/" + concertId + "/sales" + query);
    }

    @Test
    void tellsTheOwnerSeatsSoldHeldBlockedAndRemainingWithRevenueByGrade() {
        long sold = alice.hold(concertId, "FLOOR-A-1", "FLOOR-B-1").json().get("id").asLong();
        alice.confirm(sold);
        bob.hold(concertId, "FLOOR-A-2");
        long cancelled = bob.hold(concertId, "FLOOR-B-5").json().get("id").asLong();
        bob.cancel(cancelled);
        events.publish(SeatBlocked.of(concertId, "FLOOR-B-4", 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> sales(owner(), "").json().get("blockedSeats").asInt() == 1);

        var response = sales(owner(), "");

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("totalSeats").asInt()).isEqualTo(10);
        assertThat(body.get("soldSeats").asInt()).isEqualTo(2);
        assertThat(body.get("heldSeats").asInt()).isEqualTo(1);
        assertThat(body.get("blockedSeats").asInt()).isEqualTo(1);
        assertThat(body.get("remainingSeats").asInt()).isEqualTo(6);
        assertThat(body.get("revenue").decimalValue()).isEqualByComparingTo("140.00");
        JsonNode reservations = body.get("reservations");
        assertThat(List.of(reservations.get("confirmed").asLong(), reservations.get("held").asLong(),
                reservations.get("cancelled").asLong(), reservations.get("expired").asLong())).containsExactly(1L, 1L, 1L, 0L);
        JsonNode vip = body.get("grades").get(0);
        assertThat(vip.get("grade").asString()).isEqualTo("VIP");
        assertThat(List.of(vip.get("soldSeats").asInt(), vip.get("heldSeats").asInt())).containsExactly(1, 1);
        assertThat(vip.get("revenue").decimalValue()).isEqualByComparingTo("100.00");
        JsonNode r = body.get("grades").get(1);
        assertThat(r.get("grade").asString()).isEqualTo("R");
        assertThat(List.of(r.get("soldSeats").asInt(), r.get("heldSeats").asInt())).containsExactly(1, 0);
        assertThat(r.get("revenue").decimalValue()).isEqualByComparingTo("40.00");
    }

    @Test
    void listsTheLatestReservationsNewestFirstWithAPseudonymPerBuyer() {
        long first = alice.hold(concertId, "FLOOR-A-1", "FLOOR-A-2").json().get("id").asLong();
        alice.confirm(first);
        long second = bob.hold(concertId, "FLOOR-B-1").json().get("id").asLong();
        long third = alice.hold(concertId, "FLOOR-B-2").json().get("id").asLong();

        JsonNode latest = sales(owner(), "?size=2").json().get("latest");

        assertThat(latest.get("totalElements").asLong()).isEqualTo(3);
        assertThat(latest.get("totalPages").asInt()).isEqualTo(2);
        JsonNode lines = latest.get("content");
        assertThat(lines.findValuesAsString("status")).containsExactly("HELD", "HELD");
        assertThat(List.of(lines.get(0).get("id").asLong(), lines.get(1).get("id").asLong())).containsExactly(third, second);
        assertThat(lines.get(0).get("seats").get(0).asString()).isEqualTo("FLOOR-B-2");
        assertThat(lines.get(0).get("total").decimalValue()).isEqualByComparingTo("40.00");
        JsonNode oldest = sales(owner(), "?size=2&page=1").json().get("latest").get("content").get(0);
        assertThat(oldest.get("id").asLong()).isEqualTo(first);
        assertThat(oldest.get("status").asString()).isEqualTo("CONFIRMED");
        String alicesName = oldest.get("buyer").asString();
        assertThat(alicesName).matches("buyer-[0-9a-f]{12}").isEqualTo(lines.get(0).get("buyer").asString())
                .isNotEqualTo(lines.get(1).get("buyer").asString())
                .doesNotContain(String.valueOf(USERS.get() - 1));
    }

    @Test
    void countsAHoldPastItsExpiryAsExpiredNotHeld() {
        long id = alice.hold(concertId, "FLOOR-A-3").json().get("id").asLong();
        jdbc.update("UPDATE reservation SET expires_at = ? WHERE id = ?", java.sql.Timestamp.from(Instant.now().minusSeconds(1)), id);

        JsonNode body = sales(owner(), "").json();

        assertThat(body.get("heldSeats").asInt()).isZero();
        assertThat(body.get("reservations").get("expired").asLong()).isEqualTo(1);
        assertThat(body.get("reservations").get("held").asLong()).isZero();
        assertThat(body.get("latest").get("content").get(0).get("status").asString()).isEqualTo("EXPIRED");
    }

    @Test
    void answersAnAdminLikeTheOwner() {
        alice.hold(concertId, "FLOOR-A-4");

        var response = sales(TestHttp.at(port).as(TestTokens.accessToken(1, Role.ADMIN)), "");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("heldSeats").asInt()).isEqualTo(1);
    }

    @Test
    void refusesAnotherCompanyAndABuyerWith403() {
        var otherCompany = sales(TestHttp.at(port).as(TestTokens.accessToken(OWNER + 1, Role.COMPANY_USER)), "");
        var buyer = sales(alice.http(), "");

        assertThat(otherCompany.status()).isEqualTo(403);
        assertThat(otherCompany.contentType()).startsWith("application/problem+json");
        assertThat(buyer.status()).isEqualTo(403);
    }

    @Test
    void refusesAnonymousCallersWith401() {
        var response = sales(TestHttp.at(port), "");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void answersAnUnknownConcertWith404() {
        var response = owner().get("/api/v1/concerts/" + TestEvents.newConcertId() + "/sales");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void refusesAPageSizeOutOfRangeNamingTheField() {
        var response = sales(owner(), "?size=101");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
    }
}
