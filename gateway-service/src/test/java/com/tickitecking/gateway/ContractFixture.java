package com.tickitecking.gateway;

import com.tickitecking.testing.TestHttp;
import tools.jackson.databind.JsonNode;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the documents cannot say: which things exist (ids to put in paths), who may act on them, and request bodies
 * that make sense (a concert's grades must cover its venue's seats). Made through the gateway as a client would,
 * once per run. Everything else of a request comes from the document itself. An operation that needs a value no
 * one put here fails the contract test, naming it: a new operation gets its fixture with it.
 */
final class ContractFixture {

    private static final String PASSWORD = "Contr4ct!go";
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final AtomicInteger USERS = new AtomicInteger();
    /** Usernames of this run: unique in a system that other tests (and earlier runs) have used too. */
    private static final String RUN = Long.toString(System.nanoTime() % 1_679_616L, 36);

    private final TestHttp gateway;
    final TestHttp admin;
    /** A company user who owns every venue, concert and image here. */
    final TestHttp owner;
    /** A plain user who holds the reservations here, and is nobody's owner. */
    final TestHttp fan;
    private final long strangerId;
    private final long venue;
    private final long venueToEdit;
    private final long spareVenue;
    private final long concert;
    private final long concertToEdit;
    private final long spareConcert;
    private final long image;
    private final long spareImage;
    private final long heldToConfirm;
    private final long heldToCancel;
    private final long heldToRead;
    /** A concert with a waiting room: the fan has a place in it, the leaver another one to leave. */
    private final long queueConcert;
    private final TestHttp leaver;
    final byte[] png = picture();

    private final Map<String, Map<String, Supplier<String>>> pathValues = new HashMap<>();
    private final Map<String, Supplier<Object>> bodies = new HashMap<>();
    private final Map<String, Supplier<TestHttp>> callers = new HashMap<>();
    private final Map<TestHttp, String> tokens = new IdentityHashMap<>();

    ContractFixture(TestHttp gateway) {
        this.gateway = gateway;
        admin = login(RunningSystem.ADMIN, RunningSystem.ADMIN_PASSWORD);
        owner = promote(signup("owner"));
        fan = login(signup("fan"), PASSWORD);
        strangerId = gateway.as(token(signup("stranger"))).get("/api/v1/users/me").json().get("id").asLong();

        venue = created(owner.post("/api/v1/auditoriums", venueBody("Contract Hall")));
        venueToEdit = created(owner.post("/api/v1/auditoriums", venueBody("Hall To Edit")));
        spareVenue = created(owner.post("/api/v1/auditoriums", venueBody("Hall To Delete")));
        concert = created(owner.post("/api/v1/concerts", concertBody("Contract Night", venue)));
        concertToEdit = created(owner.post("/api/v1/concerts", concertBody("Night To Edit", venue)));
        spareConcert = created(owner.post("/api/v1/concerts", concertBody("Night To Withdraw", venue)));
        // media-service and reservation-service learn of concerts by event
        image = created(await().atMost(EVENTUALLY).until(() -> upload(concertToEdit), r -> r.status() != 404));
        spareImage = created(upload(concertToEdit));
        heldToConfirm = created(await().atMost(EVENTUALLY).until(() -> hold(concert, "A-A-1"), r -> r.status() != 404));
        heldToCancel = created(hold(concert, "A-A-2"));
        heldToRead = created(hold(concert, "A-A-3"));
        await().atMost(EVENTUALLY).until(() -> gateway.get("/api/v1/concerts/" + concert + "/seats").status() == 200);
        // the waiting room answers 409 for a concert without one: the queue operations need a concert with one
        var withWaitingRoom = new HashMap<>(concertBody("Night With A Queue", venue));
        withWaitingRoom.put("waitingRoom", true);
        queueConcert = created(owner.post("/api/v1/concerts", withWaitingRoom));
        leaver = login(signup("quitter"), PASSWORD);
        await().atMost(EVENTUALLY).until(() -> fan.post("/api/v1/concerts/" + queueConcert + "/queue", null).status() / 100 == 2);
        assertThat(leaver.post("/api/v1/concerts/" + queueConcert + "/queue", null).status()).isEqualTo(201);

        String concertPath = "/api/v1/concerts/{id}";
        path("GET " + concertPath, "id", concert);
        path("PUT " + concertPath, "id", concertToEdit);
        path("DELETE " + concertPath, "id", spareConcert);
        path("GET /api/v1/auditoriums/{id}", "id", venue);
        path("PUT /api/v1/auditoriums/{id}", "id", venueToEdit);
        path("DELETE /api/v1/auditoriums/{id}", "id", spareVenue);
        path("GET /api/v1/concerts/{id}/seats", "id", concert);
        path("GET /api/v1/concerts/{id}/seats/availability", "id", concert);
        path("PATCH /api/v1/concerts/{id}/seats/{seat}", "id", concert);
        path("GET /api/v1/concerts/{id}/seats/statuses", "id", concert);
        path("GET /api/v1/concerts/{concertId}/sales", "concertId", concert);
        pathValues.get("PATCH /api/v1/concerts/{id}/seats/{seat}").put("seat", () -> "A-B-10");
        path("POST /api/v1/concerts/{concertId}/reservations", "concertId", concert);
        path("POST /api/v1/reservations/{id}/confirm", "id", heldToConfirm);
        path("DELETE /api/v1/reservations/{id}", "id", heldToCancel);
        path("GET /api/v1/reservations/{id}", "id", heldToRead);
        path("GET /api/v1/concerts/{concertId}/images", "concertId", concertToEdit);
        path("POST /api/v1/concerts/{concertId}/queue", "concertId", queueConcert);
        path("GET /api/v1/concerts/{concertId}/queue", "concertId", queueConcert);
        path("GET /api/v1/concerts/{concertId}/queue/me", "concertId", queueConcert);
        path("DELETE /api/v1/concerts/{concertId}/queue/me", "concertId", queueConcert);
        path("GET /api/v1/concerts/{concertId}/queue/pre-queue", "concertId", queueConcert);
        path("POST /api/v1/concerts/{concertId}/images", "concertId", concertToEdit);
        path("GET /api/v1/images/{imageId}", "imageId", image);
        path("DELETE /api/v1/images/{imageId}", "imageId", spareImage);
        path("PUT /api/v1/admin/users/{id}/role", "id", strangerId);

        bodies.put("POST /api/v1/users/signup", () -> Map.of("username", "c" + RUN + "_u" + USERS.incrementAndGet(),
                "password", PASSWORD, "email", "c" + RUN + "_u" + USERS.get() + "@example.com"));
        bodies.put("POST /api/v1/users/login", () -> Map.of("username", "c" + RUN + "_fan", "password", PASSWORD));
        bodies.put("POST /api/v1/users/refresh", () -> Map.of("refreshToken", refreshToken()));
        bodies.put("POST /api/v1/users/logout", () -> Map.of("refreshToken", refreshToken()));
        bodies.put("PUT /api/v1/users/me", () -> Map.of("nickname", "Fan " + RUN));
        bodies.put("PUT /api/v1/admin/users/{id}/role", () -> Map.of("role", "USER"));
        bodies.put("POST /api/v1/auditoriums", () -> venueBody("New Hall"));
        bodies.put("PUT /api/v1/auditoriums/{id}", () -> venueBody("Hall Edited"));
        bodies.put("POST /api/v1/concerts", () -> concertBody("New Night", venue));
        bodies.put("PUT /api/v1/concerts/{id}", () -> concertBody("Night Edited", venue));
        bodies.put("PATCH /api/v1/concerts/{id}/seats/{seat}", () -> Map.of("status", "BLOCKED"));
        bodies.put("POST /api/v1/concerts/{concertId}/reservations", () -> Map.of("seats", List.of("A-A-4")));

        // the owner acts on what is theirs, the fan on their account and reservations, the admin under /admin
        for (String operation : List.of("POST /api/v1/auditoriums", "GET /api/v1/auditoriums",
                "GET /api/v1/auditoriums/{id}", "PUT /api/v1/auditoriums/{id}", "DELETE /api/v1/auditoriums/{id}",
                "POST /api/v1/concerts", "PUT /api/v1/concerts/{id}", "DELETE /api/v1/concerts/{id}",
                "PATCH /api/v1/concerts/{id}/seats/{seat}", "GET /api/v1/concerts/{id}/seats/statuses",
                "GET /api/v1/concerts/{concertId}/sales", "POST /api/v1/concerts/{concertId}/images",
                "DELETE /api/v1/images/{imageId}")) {
            callers.put(operation, () -> owner);
        }
        // leaving the waiting room: someone else than the fan, whose place GET .../queue/me reads
        callers.put("DELETE /api/v1/concerts/{concertId}/queue/me", () -> leaver);
        // deleting an account ends it: a fresh one each time
        callers.put("DELETE /api/v1/users/me", () -> login(signup("leaver" + USERS.incrementAndGet()), PASSWORD));
    }

    /** Who sends the request as documented: the admin under /api/v1/admin, else the owner or the fan. */
    TestHttp caller(ApiDocument.Operation operation) {
        if (operation.path().startsWith("/api/v1/admin/")) {
            return admin;
        }
        return callers.getOrDefault(operation.key(), () -> fan).get();
    }

    /** A value for a path parameter, or null when the fixture has none for it. */
    String pathValue(ApiDocument.Operation operation, String name) {
        Supplier<String> value = pathValues.getOrDefault(operation.key(), Map.of()).get(name);
        return value == null ? null : value.get();
    }

    /** The request body of the fixture, or null to build one from the document. */
    Object body(ApiDocument.Operation operation) {
        Supplier<Object> body = bodies.get(operation.key());
        return body == null ? null : body.get();
    }

    /** A header the document requires, with a value that works (a fresh Idempotency-Key per attempt). */
    String header(String name) {
        return name.equalsIgnoreCase("Idempotency-Key") ? UUID.randomUUID().toString() : null;
    }

    private static byte[] picture() {
        var picture = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        picture.setRGB(3, 4, 0xff0000);
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(picture, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void path(String operation, String name, long value) {
        pathValues.computeIfAbsent(operation, k -> new HashMap<>()).put(name, () -> String.valueOf(value));
    }

    private TestHttp.Response upload(long concertId) {
        return owner.postFile("/api/v1/concerts/" + concertId + "/images", "file", "poster.png", "image/png", png,
                Map.of("kind", "GALLERY"));
    }

    private TestHttp.Response hold(long concertId, String seat) {
        return fan.header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/concerts/" + concertId + "/reservations", Map.of("seats", List.of(seat)));
    }

    private String refreshToken() {
        return gateway.post("/api/v1/users/login", Map.of("username", "c" + RUN + "_fan", "password", PASSWORD))
                .json().get("refreshToken").asString();
    }

    private static Map<String, Object> venueBody(String name) {
        return Map.of("name", name, "address", "1 Contract St",
                "layout", Map.of("sections", List.of(Map.of("code", "A", "rowCount", 2, "seatsPerRow", 10))));
    }

    private static Map<String, Object> concertBody(String name, long venue) {
        return Map.of("name", name, "description", "checks the documents",
                "startTime", Instant.now().plus(Duration.ofDays(30)).toString(), "auditoriumId", venue,
                "grades", List.of(Map.of("name", "R", "price", 50000, "areas", List.of(Map.of("section", "A")))));
    }

    private static long created(TestHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    private String signup(String name) {
        String username = "c" + RUN + "_" + name;
        var signup = gateway.post("/api/v1/users/signup",
                Map.of("username", username, "password", PASSWORD, "email", username + "@example.com"));
        assertThat(signup.status()).as(signup.toString()).isEqualTo(201);
        return username;
    }

    private String token(String username) {
        JsonNode login = gateway.post("/api/v1/users/login", Map.of("username", username, "password", PASSWORD)).json();
        return login.get("accessToken").asString();
    }

    private TestHttp login(String username, String password) {
        var login = gateway.post("/api/v1/users/login", Map.of("username", username, "password", password));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        String token = login.json().get("accessToken").asString();
        TestHttp caller = gateway.as(token);
        tokens.put(caller, token);
        return caller;
    }

    /** The access token a caller sends; null for the gateway itself, i.e. no one. */
    String tokenOf(TestHttp caller) {
        return tokens.get(caller);
    }

    /** The admin makes the user a company user; the new role is in the next token. */
    private TestHttp promote(String username) {
        long id = login(username, PASSWORD).get("/api/v1/users/me").json().get("id").asLong();
        assertThat(admin.put("/api/v1/admin/users/" + id + "/role", Map.of("role", "COMPANY_USER")).status()).isEqualTo(200);
        return login(username, PASSWORD);
    }
}
