package com.tickitecking.gateway;

import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TcpProxy;
import com.tickitecking.testing.TestHttp;
import com.tickitecking.testing.TestServers;
import com.tickitecking.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static com.tickitecking.testing.ProblemAssertions.assertProblem;
import static com.tickitecking.testing.TestAdmissionTokens.admissionToken;
import static com.tickitecking.testing.TestAdmissionTokens.expiredToken;
import static com.tickitecking.testing.TestAdmissionTokens.forgedToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway enforces the waiting room on holds: a concert whose Redis flag reservation-service set is held only
 * with an {@code Admission-Token} that admits the caller to that concert, and a refused hold never reaches the service
 * (an echo backend stands in for reservation-service, serves its admission JWKS and remembers what reached it; another
 * stands in for every other service). The gateway reaches Redis through a proxy the tests can cut.
 */
@IntegrationTest
class WaitingRoomAdmissionIT {

    static final EchoBackend BACKEND = EchoBackend.start();
    static final EchoBackend RESERVATIONS = EchoBackend.start();
    static final TcpProxy REDIS = new TcpProxy(TestServers.redis().host(), TestServers.redis().port());
    static final long BUYER = 21;
    static final Map<String, Object> HOLD = Map.of("seats", List.of("A-1"));
    /** Each test its own concerts: the gateway keeps a concert's flag for up to a second. */
    static final AtomicLong CONCERTS = new AtomicLong(1_000);

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        BACKEND.standInForEveryService(registry);
        registry.add("RESERVATION_SERVICE_URL", RESERVATIONS::url);
        registry.add("tickitecking.gateway.admission.jwks-uri", () -> RESERVATIONS.url() + "/.well-known/admission-jwks.json");
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", REDIS::port);
    }

    @AfterAll
    static void stop() {
        BACKEND.close();
        RESERVATIONS.close();
        REDIS.close();
    }

    @LocalServerPort
    int port;
    @Value("${tickitecking.redis.key-prefix}")
    String keyPrefix;
    @Autowired
    ReactiveStringRedisTemplate redis;
    TestHttp buyer;

    @BeforeEach
    void setUp() {
        buyer = TestHttp.at(port).as(TestTokens.accessToken(BUYER, "USER"));
    }

    @Test
    void refusesAHoldWithoutAnAdmissionToken() {
        long concert = waitingRoomConcert();

        var response = buyer.post(holdPath(concert), HOLD);

        assertRefusedBeforeTheService(response, concert);
    }

    @Test
    void refusesAHoldWithAnotherUsersToken() {
        long concert = waitingRoomConcert();

        var response = buyer.header("Admission-Token", admissionToken(BUYER + 1, concert)).post(holdPath(concert), HOLD);

        assertRefusedBeforeTheService(response, concert);
    }

    @Test
    void refusesAHoldWithATokenForAnotherConcert() {
        long concert = waitingRoomConcert();
        long other = waitingRoomConcert();

        var response = buyer.header("Admission-Token", admissionToken(BUYER, other)).post(holdPath(concert), HOLD);

        assertRefusedBeforeTheService(response, concert);
    }

    @Test
    void refusesAHoldWithAnExpiredToken() {
        long concert = waitingRoomConcert();

        var response = buyer.header("Admission-Token", expiredToken(BUYER, concert)).post(holdPath(concert), HOLD);

        assertRefusedBeforeTheService(response, concert);
    }

    @Test
    void refusesAHoldWithABadlySignedToken() {
        long concert = waitingRoomConcert();

        var response = buyer.header("Admission-Token", forgedToken(BUYER, concert)).post(holdPath(concert), HOLD);

        assertRefusedBeforeTheService(response, concert);
    }

    @Test
    void refusesAnAccessTokenPassedOffAsAnAdmissionToken() {
        long concert = waitingRoomConcert();

        var response = buyer.header("Admission-Token", TestTokens.accessToken(BUYER, "USER")).post(holdPath(concert), HOLD);

        assertRefusedBeforeTheService(response, concert);
    }

    @Test
    void anotherSpellingOfTheConcertIdIsCheckedAsThatConcert() {
        long concert = waitingRoomConcert();

        for (String path : new String[]{"/api/v1/concerts/00" + concert + "/reservations",
                "/api/v1/concerts/" + concert + "/reservations/", "/api/v1/%63oncerts/" + concert + "/%72eservations"}) {
            var response = buyer.post(path, HOLD);
            // refused by the admission check, or not routed as a hold at all
            // (a ;matrix=param spelling never gets this far: Spring Security's firewall answers 400)
            assertThat(response.status()).as(path + ": " + response).isIn(403, 404);
        }
        assertThat(RESERVATIONS.received()).noneMatch(request -> request.startsWith("POST ") && request.contains(String.valueOf(concert)));
    }

    @Test
    void letsAnAdmittedHoldThroughWithItsToken() {
        long concert = waitingRoomConcert();
        String token = admissionToken(BUYER, concert);

        var response = buyer.header("Admission-Token", token).post(holdPath(concert), HOLD);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(RESERVATIONS.received()).contains("POST " + holdPath(concert));
        // reservation-service checks the token again and counts the holds made with it
        assertThat(response.json().get("headers").get("admission-token").asString()).isEqualTo(token);
    }

    @Test
    void aConcertWithoutAWaitingRoomIsHeldWithoutAToken() {
        long concert = CONCERTS.incrementAndGet();

        var response = buyer.post(holdPath(concert), HOLD);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(RESERVATIONS.received()).contains("POST " + holdPath(concert));
    }

    @Test
    void aWaitingRoomTurnedOnIsEnforcedWithinASecond() {
        long concert = CONCERTS.incrementAndGet();
        assertThat(buyer.post(holdPath(concert), HOLD).status()).isEqualTo(200);

        setFlag(concert);

        await().atMost(Duration.ofMillis(1_900)).pollInterval(Duration.ofMillis(100))
                .until(() -> buyer.post(holdPath(concert), HOLD).status() == 403);
    }

    @Test
    void aHoldIsRefusedWith503WhenRedisCannotSayWhetherTheConcertHasAWaitingRoom() {
        long concert = CONCERTS.incrementAndGet();

        REDIS.stall(true);
        TestHttp.Response response;
        try {
            response = buyer.header("Admission-Token", admissionToken(BUYER, concert)).post(holdPath(concert), HOLD);
        } finally {
            REDIS.stall(false);
        }

        assertProblem(response, 503);
        assertThat(response.header("Retry-After")).isNotNull();
        assertThat(response.json().get("reason").asString()).isEqualTo("waiting-room-unavailable");
        assertThat(RESERVATIONS.received()).doesNotContain("POST " + holdPath(concert));
    }

    @Test
    void theQueueIsReservationServicesAndOnlyTheCallersPlaceNeedsALogin() {
        TestHttp anonymous = TestHttp.at(port);

        assertThat(anonymous.get("/api/v1/concerts/7/queue").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/concerts/7/queue/pre-queue").status()).isEqualTo(200);
        assertProblem(anonymous.get("/api/v1/concerts/7/queue/me"), 401);
        assertProblem(anonymous.post("/api/v1/concerts/7/queue", Map.of()), 401);
        assertThat(buyer.post("/api/v1/concerts/7/queue", Map.of()).json().get("headers").get("x-user-id").asString())
                .isEqualTo(String.valueOf(BUYER));
        assertThat(buyer.get("/api/v1/concerts/7/queue/me").status()).isEqualTo(200);
        assertThat(RESERVATIONS.received()).contains("GET /api/v1/concerts/7/queue", "GET /api/v1/concerts/7/queue/pre-queue",
                "POST /api/v1/concerts/7/queue", "GET /api/v1/concerts/7/queue/me");
    }

    private long waitingRoomConcert() {
        long concert = CONCERTS.incrementAndGet();
        setFlag(concert);
        return concert;
    }

    private void setFlag(long concert) {
        redis.opsForValue().set(keyPrefix + "waiting-room:" + concert, "1", Duration.ofMinutes(5)).block(Duration.ofSeconds(5));
    }

    private static String holdPath(long concert) {
        return "/api/v1/concerts/" + concert + "/reservations";
    }

    private static void assertRefusedBeforeTheService(TestHttp.Response response, long concert) {
        assertProblem(response, 403);
        assertThat(response.json().get("reason").asString()).isEqualTo("admission-required");
        assertThat(response.json().get("detail").asString()).contains("POST /api/v1/concerts/" + concert + "/queue");
        assertThat(RESERVATIONS.received()).doesNotContain("POST " + holdPath(concert));
    }
}
