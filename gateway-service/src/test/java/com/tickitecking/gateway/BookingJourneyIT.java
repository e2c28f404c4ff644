package com.tickitecking.gateway;

import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TestHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A whole booking through the gateway, with every service running as its own process and the events between
 * them travelling over SQS: a promoter puts a concert on sale with a poster, fans browse, hold, lose a race,
 * confirm and cancel, and every read model follows.
 */
@IntegrationTest
class BookingJourneyIT extends ThroughTheGateway {

    static final Duration EVENTUALLY = Duration.ofSeconds(30);



    @Test
    void aPromoterSellsAConcertAndFansBookIt() throws Exception {
        TestHttp admin = login(RunningSystem.ADMIN, RunningSystem.ADMIN_PASSWORD);
        TestHttp promoter = promote(admin, signupAndLogin("promoter1"));
        TestHttp fan = signupAndLogin("fan_one");
        TestHttp rival = signupAndLogin("fan_two");

        // the catalog: a venue of 2 rows x 10 seats and a concert on it
        var venue = promoter.post("/api/v1/auditoriums", Map.of("name", "Small Hall", "address", "1 Main St",
                "layout", Map.of("sections", List.of(Map.of("code", "A", "rowCount", 2, "seatsPerRow", 10)))));
        assertThat(venue.status()).as(venue.toString()).isEqualTo(201);
        var concert = promoter.post("/api/v1/concerts", Map.of("name", "Journey Night", "description", "end to end",
                "startTime", Instant.now().plus(Duration.ofDays(30)).toString(),
                "auditoriumId", venue.json().get("id").asLong(),
                "grades", List.of(Map.of("name", "R", "price", 50000, "areas", List.of(Map.of("section", "A"))))));
        assertThat(concert.status()).as(concert.toString()).isEqualTo(201);
        long concertId = concert.json().get("id").asLong();

        // browsing: the listing, the detail, the seat map (built from the event) with its ETag
        assertThat(gateway.get("/api/v1/concerts?name=journey").json().get("content").get(0).get("id").asLong()).isEqualTo(concertId);
        var seatMap = await().atMost(EVENTUALLY).until(() -> gateway.get("/api/v1/concerts/" + concertId + "/seats"), r -> r.status() == 200);
        assertThat(gateway.header("If-None-Match", seatMap.header("ETag")).get("/api/v1/concerts/" + concertId + "/seats").status())
                .isEqualTo(304);
        assertThat(availability(concertId).get("unavailableSeats").asInt()).isZero();

        // a poster, through media-service to S3 and, by event, onto the concert
        byte[] png = png();
        var upload = promoter.postFile("/api/v1/concerts/" + concertId + "/images", "file", "poster.png", "image/png", png, Map.of("kind", "POSTER"));
        assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
        assertThat(fan.postFile("/api/v1/concerts/" + concertId + "/images", "file", "poster.png", "image/png", png, Map.of()).status()).isEqualTo(403);
        await().atMost(EVENTUALLY).until(() -> !gateway.get("/api/v1/concerts/" + concertId).json().get("posterUrl").isNull());
        var redirect = gateway.get(upload.header("Location"));
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(fetch(redirect.header("Location"))).isEqualTo(png);

        // the hold: all seats or none, once per idempotency key; the rival loses the race for A-A-2
        var hold = await().atMost(EVENTUALLY).until(() -> hold(fan, concertId, "A-A-1", "A-A-2"), r -> r.status() != 404);
        assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
        long reservationId = hold.json().get("id").asLong();
        assertThat(hold.json().get("status").asString()).isEqualTo("HELD");
        var lost = hold(rival, concertId, "A-A-2", "A-A-3");
        assertThat(lost.status()).isEqualTo(409);
        assertThat(rival.get("/api/v1/reservations/" + reservationId).status()).isEqualTo(404);

        // the read models follow the events
        await().atMost(EVENTUALLY).until(() -> availability(concertId).get("unavailableSeats").asInt() == 2);
        await().atMost(EVENTUALLY).until(() -> gateway.get("/api/v1/concerts/" + concertId).json().get("remainingSeats").asInt() == 18);

        // confirm, see it in my reservations, cancel: the seats are free again everywhere
        var confirmed = fan.post("/api/v1/reservations/" + reservationId + "/confirm", "");
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().get("status").asString()).isEqualTo("CONFIRMED");
        JsonNode mine = fan.get("/api/v1/users/me/reservations").json().get("content");
        assertThat(mine).anySatisfy(r -> assertThat(r.get("id").asLong()).isEqualTo(reservationId));
        assertThat(fan.delete("/api/v1/reservations/" + reservationId).status()).isIn(200, 204);
        await().atMost(EVENTUALLY).until(() -> availability(concertId).get("unavailableSeats").asInt() == 0);
        await().atMost(EVENTUALLY).until(() -> gateway.get("/api/v1/concerts/" + concertId).json().get("remainingSeats").asInt() == 20);
        assertThat(hold(rival, concertId, "A-A-2").status()).isEqualTo(201);

        // the poster is listed publicly, only its owner may delete it, and the concert forgets it
        var images = gateway.get("/api/v1/concerts/" + concertId + "/images").json();
        assertThat(images).hasSize(1);
        String imagePath = upload.header("Location");
        assertThat(fan.delete(imagePath).status()).isEqualTo(403);
        assertThat(promoter.delete(imagePath).status()).isEqualTo(204);
        assertThat(gateway.get("/api/v1/concerts/" + concertId + "/images").json()).isEmpty();
        assertThat(gateway.get(imagePath).status()).isEqualTo(404);
        await().atMost(EVENTUALLY).until(() -> gateway.get("/api/v1/concerts/" + concertId).json().get("posterUrl").isNull());
    }

    private TestHttp.Response hold(TestHttp user, long concertId, String... seats) {
        return user.header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/concerts/" + concertId + "/reservations", Map.of("seats", List.of(seats)));
    }

    private JsonNode availability(long concertId) {
        return gateway.get("/api/v1/concerts/" + concertId + "/seats/availability").json();
    }

    private TestHttp signupAndLogin(String username) {
        var signup = gateway.post("/api/v1/users/signup",
                Map.of("username", username, "password", "Journ3y!go", "email", username + "@example.com"));
        assertThat(signup.status()).as(signup.toString()).isEqualTo(201);
        return login(username, "Journ3y!go");
    }

    private TestHttp login(String username, String password) {
        var login = gateway.post("/api/v1/users/login", Map.of("username", username, "password", password));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return gateway.as(login.json().get("accessToken").asString());
    }

    /** The admin makes the user a company user; the new role is in the next token. */
    private TestHttp promote(TestHttp admin, TestHttp user) {
        long id = user.get("/api/v1/users/me").json().get("id").asLong();
        String username = user.get("/api/v1/users/me").json().get("username").asString();
        assertThat(admin.put("/api/v1/admin/users/" + id + "/role", Map.of("role", "COMPANY_USER")).status()).isEqualTo(200);
        return login(username, "Journ3y!go");
    }

    private static byte[] png() throws IOException {
        var image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0xff0000);
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static byte[] fetch(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
    }
}
