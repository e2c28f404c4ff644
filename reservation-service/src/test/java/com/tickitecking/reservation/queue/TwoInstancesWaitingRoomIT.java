package com.tickitecking.reservation.queue;

import com.tickitecking.reservation.QueueApi;
import com.tickitecking.reservation.ReservationServiceApplication;
import com.tickitecking.reservation.TestEvents;
import com.tickitecking.reservation.ThroughTheApi;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.IsolatedInfrastructure;
import com.tickitecking.testing.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two instances of the service, one Redis: one queue, one order, one place per account, no double admission. */
@IntegrationTest
@TestPropertySource(properties = {
        "tickitecking.waiting-room.max-active-shoppers=5",
        "tickitecking.waiting-room.admission-interval=100ms"})
class TwoInstancesWaitingRoomIT extends ThroughTheApi {

    private static final int FANS = 40;

    @Autowired
    ConfigurableEnvironment environment;

    @Test
    void joinsOnBothInstancesMakeOneQueueAdmittedInOneOrderWithinOneCeiling() throws Exception {
        try (ConfigurableApplicationContext second = IsolatedInfrastructure.secondInstance(ReservationServiceApplication.class,
                environment, Map.of("tickitecking.waiting-room.max-active-shoppers", "5",
                        "tickitecking.waiting-room.admission-interval", "100ms"))) {
            int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
            List<Integer> ports = List.of(port, secondPort);
            Instant opening = Instant.now().plusSeconds(8);
            long concertId = events.concertOnSale(QueueApi.withWaitingRoom(TestEvents.hall(10, 10, Instant.now().plus(7, ChronoUnit.DAYS)), opening));

            // every fan joins twice at once, once on each instance
            List<TestHttp.Response> joins = parallel(FANS * 2, i -> QueueApi.as(ports.get(i % 2), 100 + i / 2).join(concertId));

            Map<Long, Set<String>> pseudonymsByFan = new HashMap<>();
            for (int i = 0; i < joins.size(); i++) {
                assertThat(joins.get(i).status()).isIn(200, 201);
                pseudonymsByFan.computeIfAbsent(100L + i / 2, k -> new HashSet<>()).add(joins.get(i).json().get("pseudonym").asString());
            }
            assertThat(pseudonymsByFan.values()).allSatisfy(p -> assertThat(p).hasSize(1));
            assertThat(joins.stream().filter(r -> r.status() == 201)).hasSize(FANS);
            assertThat(Instant.now()).as("all joined before the opening").isBefore(opening);

            await().atMost(Duration.ofSeconds(30)).until(() -> QueueApi.status(secondPort, concertId).json().get("state").asString().equals("OPEN"));
            JsonNode pre = QueueApi.preQueue(port, concertId).json();
            assertThat(QueueApi.preQueue(secondPort, concertId).json()).isEqualTo(pre);
            String seed = pre.get("seed").asString();
            List<String> order = new ArrayList<>();
            pre.get("places").forEach(p -> order.add(p.get("pseudonym").asString()));
            order.sort(Comparator.comparing(p -> WaitingRoomIT.sha256Hex((seed + ":" + p).getBytes(StandardCharsets.UTF_8))));
            assertThat(order).hasSize(FANS);

            // both instances' jobs run: still exactly the first five positions admitted, each once
            Thread.sleep(1000);
            Map<Long, JsonNode> places = new HashMap<>();
            for (int fan = 0; fan < FANS; fan++) {
                places.put(100L + fan, QueueApi.as(ports.get(fan % 2), 100 + fan).me(concertId).json());
            }
            List<Long> admittedPositions = places.values().stream()
                    .filter(p -> p.get("status").asString().equals("ADMITTED"))
                    .map(p -> p.get("position").asLong()).sorted().toList();
            assertThat(admittedPositions).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(places.values().stream().filter(p -> !p.get("admissionToken").isNull())
                    .map(p -> QueueApi.claim(p.get("admissionToken").asString(), "jti")).distinct()).hasSize(5);
            for (JsonNode place : places.values()) {
                assertThat(place.get("position").asLong()).isEqualTo(order.indexOf(place.get("pseudonym").asString()) + 1);
            }

            // two admitted leave (one on each instance): positions 6 and 7 come next, nobody else
            List<Long> leaving = places.entrySet().stream().filter(e -> e.getValue().get("position").asLong() <= 2)
                    .map(Map.Entry::getKey).toList();
            for (long fan : leaving) {
                assertThat(QueueApi.as(ports.get((int) (fan % 2)), fan).leave(concertId).status()).isEqualTo(204);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> QueueApi.status(port, concertId).json().get("nowServing").asLong() == 7);
            Thread.sleep(500);
            assertThat(QueueApi.status(secondPort, concertId).json().get("activeShoppers").asLong()).isEqualTo(5);
            assertThat(QueueApi.status(port, concertId).json().get("nowServing").asLong()).isEqualTo(7);
        }
    }

    private static List<TestHttp.Response> parallel(int count, java.util.function.IntFunction<TestHttp.Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Callable<TestHttp.Response>> calls = IntStream.range(0, count)
                    .<Callable<TestHttp.Response>>mapToObj(i -> () -> call.apply(i)).toList();
            List<TestHttp.Response> responses = new ArrayList<>();
            for (Future<TestHttp.Response> f : pool.invokeAll(calls)) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
