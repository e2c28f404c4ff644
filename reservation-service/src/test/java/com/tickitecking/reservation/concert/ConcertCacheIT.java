package com.tickitecking.reservation.concert;

import com.tickitecking.events.ConcertDetails;
import com.tickitecking.events.ConcertUpdated;
import com.tickitecking.reservation.ReservationServiceApplication;
import com.tickitecking.reservation.ThroughTheApi;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.IsolatedInfrastructure;
import com.tickitecking.reservation.ReservationApi;
import com.tickitecking.reservation.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The in-memory concert cache stays within its size, whatever concert ids the holds name, and a concert change
 * reaches the cache of every instance, not only the one SQS gave the event to (the TTL here is 10 minutes).
 */
@IntegrationTest
@TestPropertySource(properties = {"tickitecking.reservation.concert-cache.max-size=50",
        "tickitecking.reservation.concert-cache.ttl=10m"})
class ConcertCacheIT extends ThroughTheApi {

    private static final int MAX_SIZE = 50;

    @Autowired
    ConcertRepository concerts;
    @Autowired
    ConfigurableEnvironment environment;

    @Test
    void holdsNamingManyUnknownConcertsLeaveAtMostTheMaximumCachedAndStill404() {
        long concertId = TestEvents.on(queuePrefix, jdbc).concertOnSale(
                TestEvents.hall(1, 5, Instant.now().plus(3, ChronoUnit.DAYS)));
        var user = ReservationApi.as(port, 1);

        for (long unknown = 9_000_000; unknown < 9_000_000 + 6 * MAX_SIZE; unknown++) {
            assertThat(user.hold(unknown, "FLOOR-A-1").status()).isEqualTo(404);
        }

        assertThat(concerts.cachedConcerts()).isPositive().isLessThanOrEqualTo(MAX_SIZE);
        assertThat(user.hold(concertId, "FLOOR-A-1").status()).as("a known concert is still served").isEqualTo(201);
        assertThat(user.hold(9_000_000, "FLOOR-A-1").status()).as("an unknown one still is not").isEqualTo(404);
    }

    @Test
    void aConcertChangeReachesTheCacheOfEveryInstance() {
        ConcertDetails onSale = TestEvents.hall(1, 5, Instant.now().plus(3, ChronoUnit.DAYS));
        long concertId = events.concertOnSale(onSale);
        try (ConfigurableApplicationContext second = IsolatedInfrastructure.secondInstance(ReservationServiceApplication.class,
                environment, Map.of("tickitecking.reservation.concert-cache.ttl", "10m"))) {
            int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
            var onFirst = ReservationApi.as(port, 1);
            var onSecond = ReservationApi.as(secondPort, 2);
            assertThat(onFirst.hold(concertId, "FLOOR-A-1").status()).isEqualTo(201); // both instances cache it now
            assertThat(onSecond.hold(concertId, "FLOOR-A-2").status()).isEqualTo(201);

            Instant movedToThePast = Instant.now().minusSeconds(60);
            events.publish(ConcertUpdated.of(concertId, 2, new ConcertDetails(onSale.ownerId(), onSale.name(),
                    movedToThePast, onSale.auditoriumId(), onSale.auditoriumName(), onSale.layout(), onSale.grades(),
                    onSale.maxTicketsPerBuyer())));
            events.awaitConcert(concertId, 2);

            // One of the two applied the event; the other learns of it only through the broadcast.
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(onFirst.hold(concertId, "FLOOR-A-3").json().path("reason").asString()).isEqualTo("started");
                assertThat(onSecond.hold(concertId, "FLOOR-A-4").json().path("reason").asString()).isEqualTo("started");
            });
        }
    }
}
