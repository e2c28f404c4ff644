package com.tickitecking.reservation.bench;

import com.tickitecking.reservation.bench.SaleStats.Kind;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * What a sale needs, made through the gateway's public API only (as deploy/load/setup.sh does): accounts signed
 * up (the first made an organiser by the admin of {@code .local/admin.env}), the organiser's auditorium of
 * {@code seats} seats in rows of 100, and its concerts; then it waits until seat-service has the seat map and
 * reservation-service knows each concert.
 */
final class SaleSetup {

    private static final String PASSWORD = "Onsale#Pass1";
    private static final int SEATS_PER_ROW = 100;
    /** The one grade, over every seat. */
    static final String GRADE = "R";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    /** A concert made for the run: its id, seats, and seat plan once seat-service has it. */
    record SaleConcert(long id, int seats, SeatPlan plan) {
    }

    /** A real account (the ceiling run's endpoint reads the caller's row, so the caller must exist). */
    record Account(long id, String token) {
    }

    private final SaleClient http;
    private final SaleStats stats;
    private final String runId = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    private String organiserToken;
    private long auditoriumId;

    SaleSetup(SaleClient http, SaleStats stats) {
        this.http = http;
        this.stats = stats;
    }

    /**
     * Signs up {@code count} accounts; the first becomes the organiser (admin → COMPANY_USER, then a login), the
     * others are returned with tokens minted for them.
     */
    List<Account> accounts(int count, Path local, BuyerTokens tokens) throws Exception {
        String adminToken = login(admin(local, "ADMIN_USERNAME"), admin(local, "ADMIN_PASSWORD"));
        List<SignedUp> users = new ArrayList<>();
        // four at a time: each sign-up hashes a password, which is slow on purpose
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<SignedUp>> signups = IntStream.range(0, count)
                    .mapToObj(i -> pool.submit(() -> signUp("os" + runId + "_" + i))).toList();
            for (Future<SignedUp> signup : signups) {
                users.add(signup.get());
            }
        }
        SignedUp organiser = users.getFirst();
        expect(http.send(stats, Kind.SETUP, "PUT", "/api/v1/admin/users/" + organiser.id() + "/role", adminToken, Map.of(),
                Map.of("role", "COMPANY_USER")), 200, "making " + organiser.name() + " an organiser");
        organiserToken = login(organiser.name(), PASSWORD);
        return users.subList(1, users.size()).stream().map(u -> new Account(u.id(), tokens.token(u.id(), "USER"))).toList();
    }

    /** The organiser's venue: one section FLOOR of {@code seats} seats, rows 1, 2, … of 100 (fewer if seats < 100). */
    void auditorium(int seats) {
        int perRow = Math.min(SEATS_PER_ROW, seats);
        int rows = Math.ceilDiv(seats, perRow);
        List<String> labels = IntStream.rangeClosed(1, rows).mapToObj(String::valueOf).toList();
        var body = Map.of("name", "Onsale Arena " + runId, "address", "1 Onsale Street, Benchville",
                "layout", Map.of("sections", List.of(Map.of("code", "FLOOR", "name", "Floor", "rowLabels", labels,
                        "seatsPerRow", perRow))));
        auditoriumId = expect(http.post(stats, Kind.SETUP, "/api/v1/auditoriums", organiserToken, Map.of(), body), 201,
                "auditorium creation").json().path("id").asLong();
    }

    /**
     * A concert at the venue, one grade over every seat, a buyer limit of 8. {@code saleStartsAt} null: on sale
     * now; {@code waitingRoom} sent either way (concert-service turns it on by default for a future sale).
     */
    long concert(String name, Instant saleStartsAt, boolean waitingRoom) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name + " " + runId);
        body.put("description", "Created by ./tickitecking bench onsale");
        body.put("startTime", Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("auditoriumId", auditoriumId);
        body.put("maxTicketsPerBuyer", 8);
        body.put("grades", List.of(Map.of("name", GRADE, "price", 90, "areas", List.of(Map.of("section", "FLOOR")))));
        if (saleStartsAt != null) {
            body.put("saleStartsAt", saleStartsAt.toString());
        }
        body.put("waitingRoom", waitingRoom);
        return expect(http.post(stats, Kind.SETUP, "/api/v1/concerts", organiserToken, Map.of(), body), 201,
                "concert creation").json().path("id").asLong();
    }

    /** What concert-service answers about the concert (its detail), for the sale fields it echoes. */
    JsonNode detail(long concertId) {
        return expect(http.get(stats, Kind.SETUP, "/api/v1/concerts/" + concertId, null), 200, "concert detail").json();
    }

    /**
     * Waits until seat-service serves the seat map and reservation-service knows the concert: for a waiting-room
     * concert its queue status answers 200; for another, a hold of a seat that is not in the layout answers 400
     * (known concert) instead of 404. Null when that does not happen in time (the reason is printed).
     */
    SaleConcert ready(long concertId, boolean waitingRoom, String probeToken) throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        SeatPlan plan = null;
        while (System.nanoTime() < deadline) {
            if (plan == null) {
                var map = http.get(stats, Kind.SETUP, "/api/v1/concerts/" + concertId + "/seats", probeToken);
                if (map.is(200)) {
                    plan = SeatPlan.of(map.json());
                }
            }
            if (plan != null) {
                var known = waitingRoom
                        ? http.get(stats, Kind.SETUP, "/api/v1/concerts/" + concertId + "/queue", probeToken)
                        : http.post(stats, Kind.SETUP, "/api/v1/concerts/" + concertId + "/reservations", probeToken,
                        Map.of("Idempotency-Key", "onsale-probe-" + UUID.randomUUID()), Map.of("seats", List.of("NOSUCH-1-1")));
                if (known.is(waitingRoom ? 200 : 400)) {
                    return new SaleConcert(concertId, plan.size(), plan);
                }
            }
            Thread.sleep(500);
        }
        System.out.println("concert " + concertId + " not ready after " + READY_TIMEOUT.toSeconds() + " s ("
                + (plan == null ? "no seat map from seat-service" : waitingRoom
                ? "GET /api/v1/concerts/" + concertId + "/queue never answered 200: is the waiting room (i12-queue) deployed?"
                : "reservation-service does not know it") + ")");
        return null;
    }

    /** Mints {@code count} buyer tokens on all cores (an RS256 signature each). */
    static List<String> mint(int count, IntFunction<String> token) {
        return IntStream.range(0, count).parallel().mapToObj(token).toList();
    }

    private record SignedUp(String name, long id) {
    }

    private SignedUp signUp(String username) throws InterruptedException {
        SaleClient.Answer answer = null;
        String name = username;
        // a busy machine may answer 429/5xx now and then; the one that timed out may have signed up all the same,
        // so a retry signs up under a name of its own
        for (int attempt = 0; attempt < 5; attempt++) {
            name = attempt == 0 ? username : username + "r" + attempt;
            answer = http.post(stats, Kind.SETUP, "/api/v1/users/signup", null, Map.of(),
                    Map.of("username", name, "password", PASSWORD, "email", name + "@onsale.example"));
            if (answer.status() != 429 && answer.status() < 500 && answer.status() != SaleClient.NO_ANSWER) {
                break;
            }
            System.out.println("sign-up of " + name + " answered " + answer.status() + "; again in " + (attempt + 1) + " s");
            Thread.sleep(1000L * (attempt + 1));
        }
        return new SignedUp(name, expect(answer, 201, "sign-up of " + name).json().path("id").asLong());
    }

    private String login(String username, String password) {
        return expect(http.post(stats, Kind.SETUP, "/api/v1/users/login", null, Map.of(),
                Map.of("username", username, "password", password)), 200, "login of " + username)
                .json().path("accessToken").asString();
    }

    private static String admin(Path local, String name) throws IOException {
        String value = System.getenv(name);
        if (value != null && !value.isBlank()) {
            return value;
        }
        Path file = local.resolve("admin.env");
        if (!Files.exists(file)) {
            throw new IllegalStateException("set ADMIN_USERNAME/ADMIN_PASSWORD or run ./tickitecking up (it writes " + file + ")");
        }
        Properties env = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            env.load(reader);
        }
        return env.getProperty(name);
    }

    static SaleClient.Answer expect(SaleClient.Answer answer, int status, String what) {
        if (!answer.is(status)) {
            throw new IllegalStateException(what + " answered " + answer.status() + " (expected " + status + "): "
                    + new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return answer;
    }
}
