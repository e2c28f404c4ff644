package com.tickitecking.reservation.concert;

import com.tickitecking.reservation.ThroughTheApi;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.reservation.ReservationApi;
import com.tickitecking.reservation.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-memory concert cache stays within its size, whatever concert ids the holds name. */
@IntegrationTest
@TestPropertySource(properties = {"tickitecking.reservation.concert-cache.max-size=50",
        "tickitecking.reservation.concert-cache.ttl=10m"})
class ConcertCacheIT extends ThroughTheApi {

    private static final int MAX_SIZE = 50;

    @Autowired
    ConcertRepository concerts;

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
}
