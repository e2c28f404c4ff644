package com.tickitecking.reservation.queue;

import com.tickitecking.reservation.QueueApi;
import com.tickitecking.reservation.ReservationApi;
import com.tickitecking.reservation.TestEvents;
import com.tickitecking.reservation.ThroughTheApi;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TestHttp;
import com.tickitecking.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static com.tickitecking.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The waiting room through the API: one place per account, the verifiable shuffle, admission by capacity, tokens. */
@IntegrationTest
@TestPropertySource(properties = {
        "tickitecking.waiting-room.max-active-shoppers=2",
        "tickitecking.waiting-room.admission-interval=200ms",
        "tickitecking.waiting-room.holds-per-admission=3"})
class WaitingRoomIT extends ThroughTheApi {

    private static final Duration EVENTUALLY = Duration.ofSeconds(20);
    private static final Instant SHOW = Instant.now().plus(7, ChronoUnit.DAYS);

    @Test
    void aHundredParallelJoinsOfOneAccountMakeOnePlace() throws Exception {
        long concertId = events.concertOnSale(QueueApi.withWaitingRoom(TestEvents.hall(5, 10, SHOW), Instant.now().plus(1, ChronoUnit.HOURS)));
        var fan = QueueApi.as(port, 11);

        List<TestHttp.Response> joins = parallel(100, i -> fan.join(concertId));

        assertThat(joins).extracting(TestHttp.Response::status).containsOnly(200, 201);
        assertThat(joins.stream().filter(r -> r.status() == 201)).hasSize(1);
        assertThat(joins.stream().map(r -> r.json().get("pseudonym").asString()).distinct()).hasSize(1);
        assertThat(QueueApi.preQueue(port, concertId).json().get("places")).hasSize(1);
    }

    @Test
    void aHundredAccountsJoiningAtOnceGetAHundredPlaces() throws Exception {
        long concertId = events.concertOnSale(QueueApi.withWaitingRoom(TestEvents.hall(5, 10, SHOW), Instant.now().plus(1, ChronoUnit.HOURS)));

        List<TestHttp.Response> joins = parallel(100, i -> QueueApi.as(port, 1000 + i).join(concertId));

        assertThat(joins).extracting(TestHttp.Response::status).containsOnly(201);
        assertThat(joins.stream().map(r -> r.json().get("pseudonym").asString()).distinct()).hasSize(100);
        assertThat(joins).allSatisfy(r -> {
            assertThat(r.json().get("status").asString()).isEqualTo("WAITING");
            assertThat(r.json().get("position").isNull()).isTrue();
        });
        assertThat(QueueApi.status(port, concertId).json().get("waiting").asLong()).isEqualTo(100);
    }

    @Test
    void theShuffleMatchesItsPublishedSeedAndCommitment() throws Exception {
        Instant opening = Instant.now().plusSeconds(4);
        long concertId = events.concertOnSale(QueueApi.withWaitingRoom(TestEvents.hall(5, 10, SHOW), opening));
        List<QueueApi> fans = IntStream.range(0, 30).mapToObj(i -> QueueApi.as(port, 2000 + i)).toList();
        Map<String, QueueApi> byPseudonym = new HashMap<>();
        for (QueueApi fan : fans) {
            byPseudonym.put(fan.join(concertId).json().get("pseudonym").asString(), fan);
        }
        JsonNode before = QueueApi.status(port, concertId).json();
        assertThat(before.get("state").asString()).isEqualTo("PRE_QUEUE");
        assertThat(before.get("seed").isNull()).isTrue();
        String commitment = before.get("commitment").asString();
        assertThat(commitment).hasSize(64);

        await().atMost(EVENTUALLY).until(() -> QueueApi.status(port, concertId).json().get("state").asString().equals("OPEN"));
        var late = QueueApi.as(port, 2999);
        JsonNode latePlace = late.join(concertId).json();

        JsonNode pre = QueueApi.preQueue(port, concertId).json();
        String seed = pre.get("seed").asString();
        assertThat(sha256Hex(HexFormat.of().parseHex(seed))).isEqualTo(commitment);
        assertThat(pre.get("commitment").asString()).isEqualTo(commitment);
        List<String> recomputed = new ArrayList<>();
        pre.get("places").forEach(p -> recomputed.add(p.get("pseudonym").asString()));
        recomputed.sort(Comparator.comparing(p -> sha256Hex((seed + ":" + p).getBytes(StandardCharsets.UTF_8))));
        Map<String, Long> published = new HashMap<>();
        pre.get("places").forEach(p -> published.put(p.get("pseudonym").asString(), p.get("position").asLong()));
        for (int i = 0; i < recomputed.size(); i++) {
            String pseudonym = recomputed.get(i);
            assertThat(published.get(pseudonym)).as("position of %s", pseudonym).isEqualTo(i + 1);
            assertThat(byPseudonym.get(pseudonym).me(concertId).json().get("position").asLong()).isEqualTo(i + 1);
        }
        assertThat(recomputed).hasSize(30);
        // after the opening, arrivals queue behind the pre-queue in arrival order
        assertThat(latePlace.get("position").asLong()).isEqualTo(31);
        assertThat(QueueApi.status(port, concertId).json().get("seed").asString()).isEqualTo(seed);
    }

    @Test
    void aHoldNeedsTheCallersOwnTokenForThatConcertUnexpired() {
        long concertId = events.concertOnSale(QueueApi.withWaitingRoom(TestEvents.hall(2, 10, SHOW), null));
        long otherConcert = events.concertOnSale(QueueApi.withWaitingRoom(TestEvents.hall(2, 10, SHOW), null));
        var fan = QueueApi.as(port, 31);
        var rival = QueueApi.as(port, 32);
        fan.join(concertId);
        rival.join(otherConcert);
        String token = admitted(fan, concertId);
        String tokenForOtherConcert = admitted(rival, otherConcert);

        assertRefused(fan.holdWith(null, concertId, "FLOOR-A-1"), "admission-required");
        assertRefused(fan.holdWith("not.a.token", concertId, "FLOOR-A-1"), "admission-required");
        assertRefused(rival.holdWith(token, concertId, "FLOOR-A-1"), "admission-required");
        assertRefused(rival.holdWith(tokenForOtherConcert, concertId, "FLOOR-A-1"), "admission-required");
        assertRefused(fan.holdWith(TestTokens.admissionToken(31, concertId, Instant.now().minusSeconds(1)), concertId, "FLOOR-A-1"),
                "admission-required");
        assertRefused(fan.holdWith(TestTokens.forgedToken(31, "USER"), concertId, "FLOOR-A-1"), "admission-required");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reservation WHERE concert_id = ?", Long.class, concertId)).isZero();

        assertThat(fan.holdWith(token, concertId, "FLOOR-A-1").status()).isEqualTo(201);
    }

    @Test
    void aTokenMakesAtMostItsHoldsPerAdmission() {
        long concertId = events.concertOnSale(QueueApi.withWaitingRoom(TestEvents.hall(2, 10, SHOW), null));
        var fan = QueueApi.as(port, 41);
        fan.join(concertId);
        String token = admitted(fan, concertId);

        for (int seat = 1; seat <= 3; seat++) {
            assertThat(fan.holdWith(token, concertId, "FLOOR-A-" + seat).status()).isEqualTo(201);
        }
        assertRefused(fan.holdWith(token, concertId, "FLOOR-A-4"), "admission-used-up");
    }

    @Test
    void holdsOfAConcertWithoutWaitingRoomNeedNoToken() {
        long concertId = events.concertOnSale(TestEvents.hall(1, 5, SHOW));

        assertThat(ReservationApi.as(port, 51).hold(concertId, "FLOOR-A-1").status()).isEqualTo(201);
        assertThat(QueueApi.as(port, 51).join(concertId).json().get("reason").asString()).isEqualTo("no-waiting-room");
    }

    @Test
    void admittedShoppersWhoConfirmOrLeaveFreeTheirSlotForTheNextInLine() {
        long concertId = events.concertOnSale(QueueApi.withWaitingRoom(TestEvents.hall(10, 10, SHOW), null));
        var first = QueueApi.as(port, 61);
        var second = QueueApi.as(port, 62);
        var third = QueueApi.as(port, 63);
        var fourth = QueueApi.as(port, 64);
        for (QueueApi fan : List.of(first, second, third, fourth)) {
            assertThat(fan.join(concertId).status()).isEqualTo(201);
        }
        String token = admitted(first, concertId);
        admitted(second, concertId);
        sleep(Duration.ofMillis(600)); // a few admission runs: the ceiling of two active shoppers holds
        JsonNode waiting = third.me(concertId).json();
        assertThat(waiting.get("status").asString()).isEqualTo("WAITING");
        assertThat(waiting.get("position").asLong()).isEqualTo(3);
        assertThat(waiting.get("ahead").asLong()).isZero();
        assertThat(waiting.get("estimatedWaitSeconds").isNull()).isFalse();
        assertThat(fourth.me(concertId).json().get("ahead").asLong()).isEqualTo(1);
        assertThat(QueueApi.status(port, concertId).json().get("activeShoppers").asLong()).isEqualTo(2);

        long reservation = first.holdWith(token, concertId, "FLOOR-A-1", "FLOOR-A-2").json().get("id").asLong();
        assertThat(first.confirm(reservation).status()).isEqualTo(200);
        admitted(third, concertId);
        assertThat(fourth.me(concertId).json().get("status").asString()).isEqualTo("WAITING");

        assertThat(second.leave(concertId).status()).isEqualTo(204);
        admitted(fourth, concertId);
        assertThat(QueueApi.status(port, concertId).json().get("nowServing").asLong()).isEqualTo(4);
    }

    @Test
    void admitsNoMoreThanTheFreeSeatsAllowAndTellsEveryoneWaitingWhenSoldOut() {
        // two seats, two per buyer: one admitted shopper could take them all, so the second waits
        long concertId = events.concertOnSale(QueueApi.withWaitingRoom(TestEvents.withBuyerLimit(TestEvents.hall(1, 2, SHOW), 2), null));
        var first = QueueApi.as(port, 71);
        var second = QueueApi.as(port, 72);
        first.join(concertId);
        second.join(concertId);
        String token = admitted(first, concertId);
        sleep(Duration.ofMillis(600));
        assertThat(second.me(concertId).json().get("status").asString()).isEqualTo("WAITING");

        long reservation = first.holdWith(token, concertId, "FLOOR-A-1", "FLOOR-A-2").json().get("id").asLong();
        assertThat(first.confirm(reservation).status()).isEqualTo(200);

        await().atMost(EVENTUALLY).until(() -> second.me(concertId).json().get("status").asString().equals("SOLD_OUT"));
        assertThat(QueueApi.status(port, concertId).json().get("state").asString()).isEqualTo("SOLD_OUT");
    }

    @Test
    void admissionRunsAreMeteredOnceForAllConcerts() {
        double admittedBefore = meters.get("tickitecking.queue.admissions").counter().count();
        long concertId = events.concertOnSale(QueueApi.withWaitingRoom(TestEvents.hall(10, 10, SHOW), null));
        List<QueueApi> fans = List.of(QueueApi.as(port, 81), QueueApi.as(port, 82), QueueApi.as(port, 83));
        fans.forEach(fan -> assertThat(fan.join(concertId).status()).isEqualTo(201));

        admitted(fans.get(0), concertId);
        admitted(fans.get(1), concertId);

        // other tests' waiting rooms may still count too: at least this one's figures, in one series each
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            assertThat(meters.get("tickitecking.queue.active").gauges()).singleElement()
                    .satisfies(g -> assertThat(g.value()).isGreaterThanOrEqualTo(2));
            assertThat(meters.get("tickitecking.queue.waiting").gauges()).singleElement()
                    .satisfies(g -> assertThat(g.value()).isGreaterThanOrEqualTo(1));
        });
        assertThat(meters.get("tickitecking.queue.admissions").counter().count() - admittedBefore).isGreaterThanOrEqualTo(2);
    }

    @Test
    void tellsEachWaitingPlaceWhenToPollAgainByItsDistanceToTheFront() {
        long concertId = events.concertOnSale(QueueApi.withWaitingRoom(TestEvents.hall(10, 10, SHOW), null));
        List<QueueApi> fans = IntStream.range(0, 40).mapToObj(i -> QueueApi.as(port, 3000 + i)).toList();
        fans.forEach(fan -> fan.join(concertId));
        JsonNode admitted = await().atMost(EVENTUALLY).until(() -> fans.getFirst().me(concertId).json(),
                p -> p.get("status").asString().equals("ADMITTED"));

        JsonNode near = fans.get(2).me(concertId).json();
        JsonNode far = fans.getLast().me(concertId).json();

        assertThat(near.get("ahead").asLong()).isZero();
        assertThat(near.get("pollAfterSeconds").asLong()).isBetween(1L, 3L);
        assertThat(far.get("ahead").asLong()).isEqualTo(37);
        assertThat(far.get("pollAfterSeconds").asLong()).isBetween(10L, 24L); // half the wait, at most 20 s + 20 % jitter
        assertThat(admitted.get("pollAfterSeconds").isNull()).isTrue(); // admitted: hold now, no more polling
        assertThat(Instant.parse(admitted.get("admittedAt").asString())).isBefore(Instant.now())
                .isEqualTo(Instant.parse(admitted.get("admissionExpiresAt").asString()).minus(Duration.ofMinutes(5)));
    }

    @Test
    void thePreQueueIsToldToComeBackAtTheOpeningAtMostEveryTwentySeconds() {
        long soon = events.concertOnSale(QueueApi.withWaitingRoom(TestEvents.hall(1, 5, SHOW), Instant.now().plusSeconds(8)));
        long later = events.concertOnSale(QueueApi.withWaitingRoom(TestEvents.hall(1, 5, SHOW), Instant.now().plus(1, ChronoUnit.HOURS)));
        var fan = QueueApi.as(port, 3100);

        assertThat(fan.join(soon).json().get("pollAfterSeconds").asLong()).isBetween(3L, 10L);
        assertThat(fan.join(later).json().get("pollAfterSeconds").asLong()).isEqualTo(20);
    }

    @Test
    void theStatusIsPublicAndCacheableForASecond() {
        long concertId = events.concertOnSale(QueueApi.withWaitingRoom(TestEvents.hall(1, 5, SHOW), Instant.now().plus(1, ChronoUnit.HOURS)));

        TestHttp.Response status = QueueApi.status(port, concertId);

        assertThat(status.status()).isEqualTo(200);
        assertThat(status.header("Cache-Control")).contains("max-age=1").contains("public");
        assertThat(status.json().get("opensAt").isNull()).isFalse();
        assertThat(QueueApi.status(port, 999_999).status()).isEqualTo(404);
        assertThat(TestHttp.at(port).get("/.well-known/admission-jwks.json").json().get("keys")).hasSize(1);
    }

    @Test
    void theConcertEventRaisesTheGatewaysFlag() {
        long concertId = events.concertOnSale(QueueApi.withWaitingRoom(TestEvents.hall(1, 5, SHOW), null));
        long plain = events.concertOnSale(TestEvents.hall(1, 5, SHOW));

        assertThat(redisValue(prefix + "waiting-room:" + concertId)).isEqualTo("1");
        assertThat(redisValue(prefix + "waiting-room:" + plain)).isNull();
    }

    @org.springframework.beans.factory.annotation.Value("${tickitecking.redis.key-prefix}")
    String prefix;
    @org.springframework.beans.factory.annotation.Autowired
    io.micrometer.core.instrument.MeterRegistry meters;
    @org.springframework.beans.factory.annotation.Autowired
    org.redisson.api.RedissonClient redisson;

    private String redisValue(String key) {
        return (String) redisson.getBucket(key, org.redisson.client.codec.StringCodec.INSTANCE).get();
    }

    private static String admitted(QueueApi fan, long concertId) {
        JsonNode place = await().atMost(EVENTUALLY).until(() -> fan.me(concertId).json(),
                p -> p.get("status").asString().equals("ADMITTED"));
        String token = place.get("admissionToken").asString();
        assertThat(QueueApi.claim(token, "sub")).isEqualTo(String.valueOf(fan.userId()));
        return token;
    }

    private static void assertRefused(TestHttp.Response response, String reason) {
        assertProblem(response, 403);
        assertThat(response.json().get("reason").asString()).as(response.toString()).isEqualTo(reason);
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

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
