package com.tickitecking.media.concert;

import com.tickitecking.media.ThroughTheApi;
import com.tickitecking.events.ConcertCreated;
import com.tickitecking.events.ConcertDeleted;
import com.tickitecking.events.ConcertUpdated;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.events.DomainEvent;
import com.tickitecking.events.EventQueue;
import com.tickitecking.testing.ServiceQueue;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.tickitecking.media.MediaApi.details;
import static com.tickitecking.media.MediaApi.imagesOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Ownership and existence of concerts, as concert-service's events tell them, late or out of order. */
@IntegrationTest
class ConcertEventsIT extends ThroughTheApi {

    static final long OWNER = 21;
    static final long NEW_OWNER = 22;

    @Test
    void deletingAConcertDeletesItsImagesFromTheBucket() {
        long concertId = api.concertOwnedBy(OWNER);
        long imageId = api.uploadPng(OWNER, concertId).json().get("id").asLong();
        api.uploadPng(OWNER, concertId);
        assertThat(api.objectKeysOf(concertId)).hasSize(2);

        // Processed means committed: the objects go before the commit, so an empty bucket alone is too early to ask.
        publishAndAwait(ConcertDeleted.of(concertId, 2));

        assertThat(api.objectKeysOf(concertId)).isEmpty();
        assertThat(api.http().get(imagesOf(concertId)).status()).isEqualTo(404);
        assertThat(api.http().get("/api/v1/images/" + imageId).status()).isEqualTo(404);
        assertThat(api.uploadPng(OWNER, concertId).status()).isEqualTo(404);
    }

    @Test
    void handsTheConcertToItsNewOwner() {
        long concertId = api.concertOwnedBy(OWNER);

        api.publish(ConcertUpdated.of(concertId, 2, details(NEW_OWNER)));

        await().atMost(Duration.ofSeconds(15)).until(() -> api.uploadPng(NEW_OWNER, concertId).status() == 201);
        assertThat(api.uploadPng(OWNER, concertId).status()).isEqualTo(403);
    }

    @Test
    void ignoresAnOlderRevisionArrivingLate() {
        long concertId = api.concertOwnedBy(OWNER);
        api.publish(ConcertUpdated.of(concertId, 3, details(NEW_OWNER)));
        await().atMost(Duration.ofSeconds(15)).until(() -> api.uploadPng(NEW_OWNER, concertId).status() == 201);

        publishAndAwait(ConcertUpdated.of(concertId, 2, details(OWNER)));

        assertThat(api.uploadPng(OWNER, concertId).status()).isEqualTo(403);
        assertThat(api.uploadPng(NEW_OWNER, concertId).status()).isEqualTo(201);
    }

    @Test
    void aDeletedConcertStaysDeletedWhenItsCreationArrivesLate() {
        long concertId = 5000;
        publishAndAwait(ConcertDeleted.of(concertId, 2));

        publishAndAwait(ConcertCreated.of(concertId, 1, details(OWNER)));

        assertThat(api.http().get(imagesOf(concertId)).status()).isEqualTo(404);
        assertThat(api.uploadPng(OWNER, concertId).status()).isEqualTo(404);
    }

    /** Waits until media-service's inbox has applied (or deliberately ignored) the event. */
    private void publishAndAwait(DomainEvent event) {
        ServiceQueue.of(EventQueue.MEDIA, queuePrefix, jdbc.getDataSource()).publishAndAwait(event);
    }
}
