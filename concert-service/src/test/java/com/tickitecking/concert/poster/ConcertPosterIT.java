package com.tickitecking.concert.poster;

import com.tickitecking.concert.ConcertApi;
import com.tickitecking.events.EventQueue;
import com.tickitecking.events.ImageDeleted;
import com.tickitecking.events.ImageUploaded;
import com.tickitecking.platform.security.Role;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.ServiceQueue;
import com.tickitecking.testing.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import static com.tickitecking.concert.ConcertApi.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A concert's poster follows media-service's image events. */
@IntegrationTest
class ConcertPosterIT {

    private static final AtomicLong IMAGE_IDS = new AtomicLong(100);

    @LocalServerPort
    int port;
    @Value("${tickitecking.messaging.queue-prefix}")
    String queuePrefix;
    @Autowired
    JdbcTemplate jdbc;

    ServiceQueue queue;
    TestHttp anyone;
    long concert;

    @BeforeEach
    void setUp() {
        var api = ConcertApi.at(port);
        TestHttp owner = api.newCaller(Role.COMPANY_USER);
        long venue = created(owner.post("/api/v1/auditoriums", ConcertApi.smallVenue("Poster Hall")));
        concert = created(owner.post("/api/v1/concerts", ConcertApi.concertAtSmallVenue(venue, "Pictured")));
        queue = ServiceQueue.of(EventQueue.CONCERT, queuePrefix, jdbc.getDataSource());
        anyone = api.http();
    }

    @Test
    void showsAnUploadedPosterInTheDetailAndTheListing() {
        long image = IMAGE_IDS.incrementAndGet();

        queue.publish(ImageUploaded.of(image, concert, "POSTER", "/api/v1/images/" + image));

        awaitPoster("/api/v1/images/" + image);
        var page = anyone.get("/api/v1/concerts?size=100").json().get("content");
        page.forEach(summary -> {
            if (summary.get("id").asLong() == concert) {
                assertThat(summary.get("posterUrl").asString()).isEqualTo("/api/v1/images/" + image);
            }
        });
    }

    @Test
    void showsTheLatestUploadEvenWhenAnOlderOneArrivesLate() {
        long older = IMAGE_IDS.incrementAndGet();
        long newer = IMAGE_IDS.incrementAndGet();

        queue.publish(ImageUploaded.of(newer, concert, "POSTER", "/api/v1/images/" + newer));
        awaitPoster("/api/v1/images/" + newer);
        queue.publishAndAwait(ImageUploaded.of(older, concert, "POSTER", "/api/v1/images/" + older));

        assertThat(poster()).isEqualTo("/api/v1/images/" + newer);
    }

    @Test
    void fallsBackToThePreviousPosterAndThenToNoneWhenPostersAreDeleted() {
        long first = IMAGE_IDS.incrementAndGet();
        long second = IMAGE_IDS.incrementAndGet();
        queue.publishAndAwait(ImageUploaded.of(first, concert, "POSTER", "/api/v1/images/" + first));
        queue.publish(ImageUploaded.of(second, concert, "POSTER", "/api/v1/images/" + second));
        awaitPoster("/api/v1/images/" + second);

        queue.publish(ImageDeleted.of(second, concert));
        awaitPoster("/api/v1/images/" + first);
        queue.publish(ImageDeleted.of(first, concert));
        awaitPoster(null);
    }

    @Test
    void ignoresGalleryImages() {
        long image = IMAGE_IDS.incrementAndGet();

        queue.publishAndAwait(ImageUploaded.of(image, concert, "GALLERY", "/api/v1/images/" + image));

        assertThat(poster()).isNull();
    }

    @Test
    void doesNotResurrectAPosterWhoseDeletionArrivedFirst() {
        long image = IMAGE_IDS.incrementAndGet();

        queue.publishAndAwait(ImageDeleted.of(image, concert));
        queue.publishAndAwait(ImageUploaded.of(image, concert, "POSTER", "/api/v1/images/" + image));

        assertThat(poster()).isNull();
    }

    private String poster() {
        var url = anyone.get("/api/v1/concerts/" + concert).json().get("posterUrl");
        return url.isNull() ? null : url.asString();
    }

    private void awaitPoster(String expected) {
        await().atMost(Duration.ofSeconds(15)).until(() -> Objects.equals(poster(), expected));
    }
}
