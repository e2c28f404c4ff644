package com.tickitecking.reservation.reservation;

import com.tickitecking.events.ConcertDetails;
import com.tickitecking.events.ConcertUpdated;
import com.tickitecking.reservation.ReservationApi;
import com.tickitecking.reservation.TestEvents;
import com.tickitecking.reservation.ThroughTheApi;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TestHttp;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.tickitecking.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The concert's sale window, as concert-service's events give it: no hold before the opening or after the end. */
@IntegrationTest
class SaleWindowIT extends ThroughTheApi {

    private static final AtomicLong USERS = new AtomicLong(800);
    private static final Pattern NOT_ON_SALE = Pattern.compile(
            "tickitecking_reservations_total\\{[^}]*outcome=\"rejected_not_on_sale\"[^}]*} (\\S+)");

    @Test
    void refusesAHoldBeforeTheOpeningHoldsAfterItAndRefusesAgainOnceTheSaleEnded() {
        // soon enough to wait for, late enough that the concert event has arrived before it (a busy machine)
        Instant opens = Instant.now().plusSeconds(10).truncatedTo(ChronoUnit.MILLIS);
        ConcertDetails hall = TestEvents.hall(2, 10, Instant.now().plus(Duration.ofDays(30)));
        long concertId = events.concertOnSale(TestEvents.withSaleWindow(hall, opens, null, false));
        var buyer = ReservationApi.as(port, USERS.incrementAndGet());
        double refusedBefore = refusalsCounted();

        TestHttp.Response early = buyer.hold(concertId, "FLOOR-A-1");

        assertProblem(early, 409);
        assertThat(early.json().get("reason").asString()).isEqualTo("not-on-sale-yet");
        assertThat(Instant.parse(early.json().get("saleStartsAt").asString())).isEqualTo(opens);
        assertThat(early.header("Retry-After")).as("opens within a minute").isNotNull();
        assertThat(Integer.parseInt(early.header("Retry-After"))).isBetween(1, 10);

        await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(opens));
        TestHttp.Response onSale = buyer.hold(concertId, "FLOOR-A-1");

        assertThat(onSale.status()).as(onSale.toString()).isEqualTo(201);

        Instant ended = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        events.publish(ConcertUpdated.of(concertId, 2, TestEvents.withSaleWindow(hall, opens, ended, false)));
        events.awaitConcert(concertId, 2);
        TestHttp.Response late = buyer.hold(concertId, "FLOOR-A-2");
        // a seat someone still holds: the sale's end is the answer, not the seat (refused in one round trip)
        TestHttp.Response lateForAHeldSeat = ReservationApi.as(port, USERS.incrementAndGet()).hold(concertId, "FLOOR-A-1");

        assertProblem(late, 409);
        assertThat(late.json().get("reason").asString()).isEqualTo("sale-ended");
        assertThat(Instant.parse(late.json().get("saleEndsAt").asString())).isEqualTo(ended);
        assertThat(late.header("Retry-After")).isNull();
        assertProblem(lateForAHeldSeat, 409);
        assertThat(lateForAHeldSeat.json().get("reason").asString()).isEqualTo("sale-ended");
        assertThat(refusalsCounted() - refusedBefore).isEqualTo(3);
    }

    @Test
    void saysNothingAboutRetryingWhenTheOpeningIsAMinuteOrMoreAway() {
        Instant opens = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        long concertId = events.concertOnSale(TestEvents.withSaleWindow(
                TestEvents.hall(2, 10, Instant.now().plus(Duration.ofDays(30))), opens, null, false));

        TestHttp.Response early = ReservationApi.as(port, USERS.incrementAndGet()).hold(concertId, "FLOOR-A-1");

        assertProblem(early, 409);
        assertThat(early.json().get("reason").asString()).isEqualTo("not-on-sale-yet");
        assertThat(Instant.parse(early.json().get("saleStartsAt").asString())).isEqualTo(opens);
        assertThat(early.header("Retry-After")).isNull();
    }

    private double refusalsCounted() {
        Matcher counted = NOT_ON_SALE.matcher(TestHttp.at(port).get("/actuator/prometheus").body());
        assertThat(counted.find()).as("the rejected_not_on_sale outcome is exported").isTrue();
        return Double.parseDouble(counted.group(1));
    }
}
