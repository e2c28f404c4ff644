package com.tickitecking.media.image;

import com.tickitecking.media.ThroughTheApi;
import com.tickitecking.media.TestImages;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.events.ConcertDeleted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;

import static com.tickitecking.media.MediaApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A bounded, loopback-only measurement of uploads and redirects; off unless {@code -Dbenchmark=true}:
 * {@code ./mvnw -q -B verify -pl media-service -Dit.test=UploadBenchmarkIT -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark=true}; figures go to standard output.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class UploadBenchmarkIT extends ThroughTheApi {

    static final int THREADS = 4;
    static final int UPLOADS = 200;
    static final int REDIRECTS = 2000;

    @Test
    void measuresUploadsAndRedirects() throws Exception {
        long concertId = api.concertOwnedBy(1);
        byte[] oneMegabyte = TestImages.pngOfSize(1024 * 1024);
        String token = token(1);

        // warm-up
        for (int i = 0; i < 20; i++) {
            api.upload(token, concertId, "w.png", "image/png", oneMegabyte);
        }
        long imageId = api.upload(token, concertId, "p.png", "image/png", TestImages.png(10, 10)).json().get("id").asLong();

        report("upload 1 MiB PNG", UPLOADS, () -> api.upload(token, concertId, "b.png", "image/png", oneMegabyte).status(), 201);
        report("GET /api/v1/images/{id} (302 presigned)", REDIRECTS,
                () -> api.http().get("/api/v1/images/" + imageId).status(), 302);

        // leave no 200 MB behind in the S3 stand-in's folder
        api.publish(ConcertDeleted.of(concertId, 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.objectKeysOf(concertId).isEmpty());
    }

    private static void report(String what, int count, IntSupplier call, int expectedStatus) throws Exception {
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                results.add(pool.submit((Callable<Integer>) () -> {
                    long t0 = System.nanoTime();
                    int status = call.getAsInt();
                    nanos.add(System.nanoTime() - t0);
                    return status;
                }));
            }
            for (var result : results) {
                assertThat(result.get()).isEqualTo(expectedStatus);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf("BENCHMARK %s: %d requests, %d threads, %.1f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
                what, count, THREADS, count / seconds, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99));
    }

    private static double percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
    }
}
