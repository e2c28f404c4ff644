package com.tickitecking.media;

import com.tickitecking.events.ConcertCreated;
import com.tickitecking.events.ConcertDetails;
import com.tickitecking.events.DomainEvent;
import com.tickitecking.events.EventQueue;
import com.tickitecking.events.SeatingLayout;
import com.tickitecking.platform.security.Role;
import com.tickitecking.testing.ServiceQueue;
import com.tickitecking.testing.TestHttp;
import com.tickitecking.testing.TestServers;
import com.tickitecking.testing.TestTokens;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/** media-service as its tests use it: concerts fed through the real queue, uploads over real HTTP. */
public final class MediaApi {

    private static final AtomicLong CONCERT_IDS = new AtomicLong(1000);
    private static final HttpClient S3_HTTP = HttpClient.newHttpClient();

    private final int port;
    private final String queuePrefix;
    private final String bucket;

    public MediaApi(int port, String queuePrefix, String bucket) {
        this.port = port;
        this.queuePrefix = queuePrefix;
        this.bucket = bucket;
    }

    public static String token(long userId) {
        return TestTokens.accessToken(userId, Role.COMPANY_USER);
    }

    public TestHttp http() {
        return TestHttp.at(port);
    }

    /** Publishes ConcertCreated for a new concert owned by {@code ownerId} and waits until media-service knows it. */
    public long concertOwnedBy(long ownerId) {
        long concertId = CONCERT_IDS.incrementAndGet();
        publish(ConcertCreated.of(concertId, 1, details(ownerId)));
        awaitConcertKnown(concertId);
        return concertId;
    }

    public static ConcertDetails details(long ownerId) {
        return new ConcertDetails(ownerId, "Concert of " + ownerId, Instant.now().plus(Duration.ofDays(30)),
                1, "Hall", SeatingLayout.grid("A", 2, 5), List.of());
    }

    public void awaitConcertKnown(long concertId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> http().get(imagesOf(concertId)).status() == 200);
    }

    public void publish(DomainEvent event) {
        ServiceQueue.of(EventQueue.MEDIA, queuePrefix).publish(event);
    }

    /** Events waiting on concert-service's queue (received and deleted). */
    public List<DomainEvent> drainConcertQueue() {
        return ServiceQueue.of(EventQueue.CONCERT, queuePrefix).drain();
    }

    public static String imagesOf(long concertId) {
        return "/api/v1/concerts/" + concertId + "/images";
    }

    public TestHttp.Response upload(String token, long concertId, Multipart form) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + imagesOf(concertId)))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http().send(request.build());
    }

    public TestHttp.Response upload(String token, long concertId, String filename, String contentType, byte[] content) {
        return upload(token, concertId, Multipart.form().file("file", filename, contentType, content));
    }

    public TestHttp.Response uploadPng(long ownerId, long concertId) {
        return upload(token(ownerId), concertId, "poster.png", "image/png", TestImages.png(40, 30));
    }

    /** The objects stored under the concert's prefix, straight from the S3 server. */
    public List<String> objectKeysOf(long concertId) {
        try (var s3 = TestServers.s3().client()) {
            return s3.listObjectsV2(b -> b.bucket(bucket).prefix("concerts/" + concertId + "/")).contents().stream()
                    .map(S3Object::key).toList();
        }
    }

    /** Follows a presigned URL as a browser would. */
    public static HttpResponse<byte[]> fetch(String url) throws Exception {
        return S3_HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
