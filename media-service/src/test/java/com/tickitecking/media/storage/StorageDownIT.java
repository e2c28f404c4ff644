package com.tickitecking.media.storage;

import com.tickitecking.media.ThroughTheApi;
import com.tickitecking.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static com.tickitecking.media.MediaApi.imagesOf;
import static org.assertj.core.api.Assertions.assertThat;

/** S3 cannot be reached: uploads fail fast with 503 and leave no metadata behind. */
@IntegrationTest
@TestPropertySource(properties = {
        "tickitecking.s3.endpoint=http://127.0.0.1:1", // nothing listens on port 1
        "tickitecking.s3.create-bucket=true"})
class StorageDownIT extends ThroughTheApi {

    @Test
    void answersServiceUnavailableAndRecordsNothing() {
        long concertId = api.concertOwnedBy(7);

        var response = api.uploadPng(7, concertId);

        assertThat(response.status()).as(response.body()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("Retry-After")).isNotNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM image", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event", Long.class)).isZero();
        assertThat(api.http().get(imagesOf(concertId)).json()).isEmpty();
    }

    @Test
    void startsEvenThoughTheBucketCouldNotBeChecked() {
        assertThat(api.http().get("/actuator/health/readiness").status()).isEqualTo(200);
    }
}
