package com.tickitecking.reservation.queue;

import com.tickitecking.reservation.QueueApi;
import com.tickitecking.reservation.TestEvents;
import com.tickitecking.reservation.ThroughTheApi;
import com.tickitecking.testing.IntegrationTest;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The admission limit adapts to the back end: when this instance's database pool queues, the next admission run
 * lets fewer shoppers in; calm runs whose admissions the limit held back raise it again, up to max-active-shoppers.
 * The pool is made to queue for real (every connection taken, one more asked for).
 */
@IntegrationTest
@TestPropertySource(properties = {
        "tickitecking.waiting-room.max-active-shoppers=6",
        "tickitecking.waiting-room.admission-interval=200ms",
        "tickitecking.waiting-room.admission-limit-floor=2",
        "tickitecking.waiting-room.admission-limit-step=1",
        "tickitecking.waiting-room.pressure-acquire-time=20ms"})
class AdaptiveAdmissionIT extends ThroughTheApi {

    private static final Duration EVENTUALLY = Duration.ofSeconds(20);
    private static final Instant SHOW = Instant.now().plus(7, ChronoUnit.DAYS);

    @Autowired
    DataSource dataSource;

    @Test
    void aQueueingDatabasePoolShrinksTheAdmissionLimitAndCalmRunsRaiseItAgain() throws Exception {
        long concertId = events.concertOnSale(QueueApi.withWaitingRoom(TestEvents.hall(10, 10, SHOW), null));
        List<QueueApi> first = fans(100, 3);
        first.forEach(fan -> fan.join(concertId));
        // three admitted, under the limit of six: calm runs leave the limit where it is
        first.forEach(fan -> await().atMost(EVENTUALLY).until(() -> status(fan.me(concertId)).equals("ADMITTED")));
        assertThat(limit(concertId)).isEqualTo(6);

        makeThePoolQueue(Duration.ofMillis(300));

        await().atMost(EVENTUALLY).until(() -> limit(concertId) < 6);
        long shrunk = limit(concertId);
        assertThat(shrunk).isBetween(2L, 4L); // three quarters of six, once or more, never under the floor
        sleepFor(Duration.ofMillis(600));
        assertThat(limit(concertId)).as("no admission was held back by the limit: it stays").isEqualTo(shrunk);

        // six more fans: the limit lets one more in at a time and grows by a step after each calm run it held back
        List<QueueApi> next = fans(200, 6);
        next.forEach(fan -> fan.join(concertId));
        await().atMost(EVENTUALLY).until(() -> limit(concertId) == 6);
        await().atMost(EVENTUALLY).until(() -> QueueApi.status(port, concertId).json().get("activeShoppers").asLong() == 6);
        assertThat(next.stream().filter(fan -> status(fan.me(concertId)).equals("ADMITTED"))).hasSize(3);
    }

    /** Takes every connection of the pool, asks for one more on another thread, and hands one over after {@code wait}. */
    private void makeThePoolQueue(Duration wait) throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        List<Connection> taken = new ArrayList<>();
        try {
            while (taken.size() < pool.getMaximumPoolSize()) {
                taken.add(pool.getConnection());
            }
            CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> {
                try (Connection connection = pool.getConnection()) {
                    assertThat(connection.isValid(1)).isTrue();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            sleepFor(wait);
            taken.removeFirst().close();
            waiter.get();
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }
    }

    private long limit(long concertId) {
        return QueueApi.status(port, concertId).json().get("admissionLimit").asLong();
    }

    private List<QueueApi> fans(long firstId, int count) {
        return IntStream.range(0, count).mapToObj(i -> QueueApi.as(port, firstId + i)).toList();
    }

    private static String status(com.tickitecking.testing.TestHttp.Response place) {
        return place.json().get("status").asString();
    }

    private static void sleepFor(Duration duration) throws InterruptedException {
        Thread.sleep(duration);
    }
}
