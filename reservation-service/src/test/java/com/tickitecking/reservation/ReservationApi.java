package com.tickitecking.reservation;

import com.tickitecking.platform.security.Role;
import com.tickitecking.testing.TestHttp;
import com.tickitecking.testing.TestTokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test helper: the reservation API over real HTTP, as one user. */
public record ReservationApi(TestHttp http) {

    public static ReservationApi as(int port, long userId) {
        return new ReservationApi(TestHttp.at(port).as(TestTokens.accessToken(userId, Role.USER)));
    }

    public static ReservationApi asAdmin(int port, long userId) {
        return new ReservationApi(TestHttp.at(port).as(TestTokens.accessToken(userId, Role.ADMIN)));
    }

    public TestHttp.Response hold(long concertId, List<String> seats) {
        return holdWithKey(concertId, UUID.randomUUID().toString(), seats.toArray(String[]::new));
    }

    public TestHttp.Response hold(long concertId, String... seats) {
        return holdWithKey(concertId, UUID.randomUUID().toString(), seats);
    }

    public TestHttp.Response holdWithKey(long concertId, String idempotencyKey, String... seats) {
        return http.header("Idempotency-Key", idempotencyKey)
                .post("/api/v1/concerts/" + concertId + "/reservations", Map.of("seats", List.of(seats)));
    }

    /** Asks for the best {@code count} adjacent free seats of the grade. */
    public TestHttp.Response holdBest(long concertId, int count, String grade) {
        return http.header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/concerts/" + concertId + "/reservations",
                        Map.of("best", Map.of("count", count, "grade", grade)));
    }

    public TestHttp.Response confirm(long reservationId) {
        return http.post("/api/v1/reservations/" + reservationId + "/confirm", null);
    }

    public TestHttp.Response cancel(long reservationId) {
        return http.delete("/api/v1/reservations/" + reservationId);
    }

    public TestHttp.Response get(long reservationId) {
        return http.get("/api/v1/reservations/" + reservationId);
    }

    public TestHttp.Response mine() {
        return http.get("/api/v1/users/me/reservations");
    }
}
