package com.tickitecking.reservation;

import com.tickitecking.events.ConcertDetails;
import com.tickitecking.platform.security.Role;
import com.tickitecking.testing.TestHttp;
import com.tickitecking.testing.TestTokens;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test helper: the waiting room over real HTTP, as one user, and a hold with an admission token. */
public record QueueApi(TestHttp http, long userId) {

    public static QueueApi as(int port, long userId) {
        return new QueueApi(TestHttp.at(port).as(TestTokens.accessToken(userId, Role.USER)), userId);
    }

    public TestHttp.Response join(long concertId) {
        return http.post("/api/v1/concerts/" + concertId + "/queue", null);
    }

    public TestHttp.Response me(long concertId) {
        return http.get("/api/v1/concerts/" + concertId + "/queue/me");
    }

    public TestHttp.Response leave(long concertId) {
        return http.delete("/api/v1/concerts/" + concertId + "/queue/me");
    }

    public TestHttp.Response holdWith(String admissionToken, long concertId, String... seats) {
        TestHttp request = http.header("Idempotency-Key", UUID.randomUUID().toString());
        if (admissionToken != null) {
            request = request.header("Admission-Token", admissionToken);
        }
        return request.post("/api/v1/concerts/" + concertId + "/reservations", Map.of("seats", List.of(seats)));
    }

    public TestHttp.Response confirm(long reservationId) {
        return http.post("/api/v1/reservations/" + reservationId + "/confirm", null);
    }

    /** The same concert with a waiting room, its sale opening at {@code opensAt} (null: open from the start). */
    public static ConcertDetails withWaitingRoom(ConcertDetails details, Instant opensAt) {
        return new ConcertDetails(details.ownerId(), details.name(), details.startTime(), details.auditoriumId(),
                details.auditoriumName(), details.layout(), details.grades(), details.maxTicketsPerBuyer(), opensAt,
                null, true);
    }

    /** A claim of a JWT, read without checking it (the service checks; the test only looks). */
    public static String claim(String jwt, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(payload).get(name).asString();
    }

    /** The public status (no token needed). */
    public static TestHttp.Response status(int port, long concertId) {
        return TestHttp.at(port).get("/api/v1/concerts/" + concertId + "/queue");
    }

    public static TestHttp.Response preQueue(int port, long concertId) {
        return TestHttp.at(port).get("/api/v1/concerts/" + concertId + "/queue/pre-queue");
    }
}
