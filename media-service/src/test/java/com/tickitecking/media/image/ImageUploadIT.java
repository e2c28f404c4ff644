package com.tickitecking.media.image;

import com.tickitecking.media.ThroughTheApi;
import com.tickitecking.media.MediaApi;
import com.tickitecking.media.Multipart;
import com.tickitecking.media.TestImages;
import com.tickitecking.platform.security.Role;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TestHttp;
import com.tickitecking.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;

import com.tickitecking.events.ImageUploaded;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HexFormat;

import static com.tickitecking.media.MediaApi.imagesOf;
import static com.tickitecking.media.MediaApi.token;
import static com.tickitecking.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class ImageUploadIT extends ThroughTheApi {

    static final long OWNER = 7;
    static final long STRANGER = 8;
    static final int FIVE_MB = 5 * 1024 * 1024;

    long concertId;

    @BeforeEach
    void setUp() {
        concertId = api.concertOwnedBy(OWNER);
    }

    @Test
    void storesAnImageAndServesItsExactBytesThroughAPresignedUrl() throws Exception {
        byte[] png = TestImages.png(40, 30);

        var uploaded = api.upload(token(OWNER), concertId, "poster.png", "image/png", png);

        assertThat(uploaded.status()).isEqualTo(201);
        var image = uploaded.json();
        long id = image.get("id").asLong();
        assertThat(uploaded.header("Location")).isEqualTo("/api/v1/images/" + id);
        assertThat(image.get("kind").asString()).isEqualTo("POSTER");
        assertThat(image.get("contentType").asString()).isEqualTo("image/png");
        assertThat(image.get("size").asLong()).isEqualTo(png.length);
        assertThat(image.get("width").asInt()).isEqualTo(40);
        assertThat(image.get("height").asInt()).isEqualTo(30);
        assertThat(image.get("originalName").asString()).isEqualTo("poster.png");
        assertThat(image.get("sha256").asString()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png)));

        var listed = api.http().get(imagesOf(concertId));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json()).hasSize(1);
        var viaList = MediaApi.fetch(listed.json().get(0).get("url").asString());
        assertThat(viaList.statusCode()).isEqualTo(200);
        assertThat(viaList.body()).isEqualTo(png);

        var redirect = api.http().get("/api/v1/images/" + id);
        assertThat(redirect.status()).isEqualTo(302);
        var viaRedirect = MediaApi.fetch(redirect.header("Location"));
        assertThat(viaRedirect.statusCode()).isEqualTo(200);
        assertThat(viaRedirect.body()).isEqualTo(png);
        assertThat(viaRedirect.headers().firstValue("Content-Type")).hasValue("image/png");
    }

    @Test
    void storesTheObjectUnderARandomKeyWithTheDetectedContentType() {
        var uploaded = api.upload(token(OWNER), concertId, "poster.gif", "text/plain", TestImages.gif(9, 4));

        assertThat(uploaded.status()).isEqualTo(201);
        assertThat(api.objectKeysOf(concertId)).singleElement().asString()
                .matches("concerts/" + concertId + "/[0-9a-f-]{36}\\.gif");
        assertThat(uploaded.json().get("contentType").asString()).isEqualTo("image/gif");
    }

    @Test
    void readsTheSizeOfJpegGifAndWebp() {
        assertSize(api.upload(token(OWNER), concertId, "a.jpg", "image/jpeg", TestImages.jpeg(64, 48)), "image/jpeg", 64, 48);
        assertSize(api.upload(token(OWNER), concertId, "b.gif", "image/gif", TestImages.gif(17, 5)), "image/gif", 17, 5);
        assertSize(api.upload(token(OWNER), concertId, "c.webp", "image/webp", TestImages.webp(1920, 1080)), "image/webp", 1920, 1080);
    }

    @Test
    void acceptsAValidPngWhateverTheClientCallsIt() {
        var uploaded = api.upload(token(OWNER), concertId, "poster.bin", "application/octet-stream", TestImages.png(3, 2));

        assertSize(uploaded, "image/png", 3, 2);
    }

    @Test
    void storesAGalleryImageWhenAsked() {
        var form = Multipart.form().field("kind", "GALLERY").file("file", "g.png", "image/png", TestImages.png(5, 5));

        var uploaded = api.upload(token(OWNER), concertId, form);

        assertThat(uploaded.status()).isEqualTo(201);
        assertThat(uploaded.json().get("kind").asString()).isEqualTo("GALLERY");
    }

    @Test
    void refusesAnUnknownKind() {
        var form = Multipart.form().field("kind", "BANNER").file("file", "g.png", "image/png", TestImages.png(5, 5));

        assertProblem(api.upload(token(OWNER), concertId, form), 400);
    }

    @Test
    void refusesAnExecutableRenamedToPng() {
        assertProblem(api.upload(token(OWNER), concertId, "poster.png", "image/png", TestImages.exe()), 415);
        assertThat(api.objectKeysOf(concertId)).isEmpty();
    }

    @Test
    void refusesAnHtmlFileNamedPng() {
        assertProblem(api.upload(token(OWNER), concertId, "poster.png", "image/png", TestImages.html()), 415);
    }

    @Test
    void acceptsExactlyFiveMegabytes() {
        var uploaded = api.upload(token(OWNER), concertId, "big.png", "image/png", TestImages.pngOfSize(FIVE_MB));

        assertThat(uploaded.status()).isEqualTo(201);
        assertThat(uploaded.json().get("size").asLong()).isEqualTo(FIVE_MB);
    }

    @Test
    void refusesOneByteMoreThanFiveMegabytes() {
        var response = api.upload(token(OWNER), concertId, "big.png", "image/png", TestImages.pngOfSize(FIVE_MB + 1));

        assertProblem(response, 413);
        assertThat(api.objectKeysOf(concertId)).isEmpty();
    }

    @Test
    void stopsReadingAFarLargerUpload() {
        // Tomcat refuses as soon as the declared length exceeds the limit and swallows at most 2 MB of the rest;
        // then it closes the connection, which may cut the 413 short: either way nothing is stored.
        try {
            var response = api.upload(token(OWNER), concertId, "huge.png", "image/png", TestImages.pngOfSize(20 * 1024 * 1024));
            assertProblem(response, 413);
        } catch (IllegalStateException connectionClosed) {
            assertThat(connectionClosed).hasRootCauseInstanceOf(java.io.IOException.class);
        }
        assertThat(api.objectKeysOf(concertId)).isEmpty();
    }

    @Test
    void refusesAnEmptyFile() {
        assertProblem(api.upload(token(OWNER), concertId, "empty.png", "image/png", new byte[0]), 400);
    }

    @Test
    void refusesAFormWithoutTheFilePart() {
        assertProblem(api.upload(token(OWNER), concertId, Multipart.form().field("kind", "POSTER")), 400);
    }

    @Test
    void refusesTwoFiles() {
        var form = Multipart.form()
                .file("file", "a.png", "image/png", TestImages.png(2, 2))
                .file("file", "b.png", "image/png", TestImages.png(2, 2));

        assertProblem(api.upload(token(OWNER), concertId, form), 400);
        assertThat(api.objectKeysOf(concertId)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x.png", "a/b.png", "..", "c:\\\\windows\\\\x.png"})
    void refusesAFileNameCarryingAPath(String name) {
        assertProblem(api.upload(token(OWNER), concertId, name, "image/png", TestImages.png(2, 2)), 400);
    }

    @Test
    void refusesSomeoneWhoDoesNotOwnTheConcert() {
        assertProblem(api.uploadPng(STRANGER, concertId), 403);
    }

    @Test
    void letsAnAdminUploadToAnyConcert() {
        var uploaded = api.upload(TestTokens.accessToken(99, Role.ADMIN), concertId, "a.png", "image/png", TestImages.png(2, 2));

        assertThat(uploaded.status()).isEqualTo(201);
    }

    @Test
    void refusesAnUploadWithoutToken() {
        assertProblem(api.upload(null, concertId, "a.png", "image/png", TestImages.png(2, 2)), 401);
    }

    @Test
    void answersNotFoundForAnUnknownConcert() {
        assertProblem(api.uploadPng(OWNER, 424242), 404);
        assertProblem(api.http().get(imagesOf(424242)), 404);
    }

    @Test
    void deletesTheImageAndItsObject() {
        long id = api.uploadPng(OWNER, concertId).json().get("id").asLong();
        assertThat(api.objectKeysOf(concertId)).hasSize(1);

        var deleted = api.http().as(token(OWNER)).delete("/api/v1/images/" + id);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.objectKeysOf(concertId)).isEmpty();
        assertProblem(api.http().get("/api/v1/images/" + id), 404);
        assertThat(api.http().get(imagesOf(concertId)).json()).isEmpty();
    }

    @Test
    void letsOnlyTheOwnerOrAnAdminDelete() {
        long id = api.uploadPng(OWNER, concertId).json().get("id").asLong();

        assertProblem(api.http().as(token(STRANGER)).delete("/api/v1/images/" + id), 403);
        assertProblem(api.http().delete("/api/v1/images/" + id), 401);
        assertThat(api.http().as(TestTokens.accessToken(99, Role.ADMIN)).delete("/api/v1/images/" + id).status()).isEqualTo(204);
        assertProblem(api.http().as(token(OWNER)).delete("/api/v1/images/" + id), 404);
    }

    @Test
    void tellsConcertServiceAboutTheUpload() {
        long id = api.uploadPng(OWNER, concertId).json().get("id").asLong();

        List<ImageUploaded> uploads = new ArrayList<>();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            api.drainConcertQueue().stream()
                    .filter(ImageUploaded.class::isInstance).map(ImageUploaded.class::cast).forEach(uploads::add);
            assertThat(uploads).anyMatch(e -> e.imageId() == id);
        });
        ImageUploaded event = uploads.stream().filter(e -> e.imageId() == id).findFirst().orElseThrow();
        assertThat(event.concertId()).isEqualTo(concertId);
        assertThat(event.kind()).isEqualTo("POSTER");
        assertThat(event.path()).isEqualTo("/api/v1/images/" + id);
    }

    @Test
    void removesTheStoredObjectWhenItsRowCannotBeWritten() {
        // given the database refuses image rows (after the object reached the real S3)
        long eventsBefore = uploadEvents();
        jdbc.execute("CREATE TRIGGER refuse_images BEFORE INSERT ON image FOR EACH ROW "
                + "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by test'");
        try {
            // when
            var response = api.uploadPng(OWNER, concertId);

            // then
            assertThat(response.status()).isGreaterThanOrEqualTo(500);
            assertThat(response.contentType()).startsWith("application/problem+json");
        } finally {
            jdbc.execute("DROP TRIGGER refuse_images");
        }
        assertThat(api.objectKeysOf(concertId)).isEmpty();
        assertThat(api.http().get(imagesOf(concertId)).json()).isEmpty();
        assertThat(uploadEvents()).isEqualTo(eventsBefore);
    }

    private long uploadEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'ImageUploaded'", Long.class);
    }

    @Test
    void recordsTheSizeOfAcceptedUploads() {
        api.uploadPng(OWNER, concertId);

        var metrics = api.http().get("/actuator/prometheus").body();
        assertThat(metrics).contains("tickitecking_upload_size_bytes_count");
    }

    @Test
    void documentsTheUploadAsAMultipartFilePart() {
        var docs = api.http().get("/v3/api-docs").json();

        var upload = docs.get("paths").get("/api/v1/concerts/{concertId}/images").get("post");
        assertThat(upload.get("requestBody").get("content").has("multipart/form-data")).isTrue();
        assertThat(upload.toString()).contains("\"file\"").doesNotContain("caller");
    }

    private static void assertSize(TestHttp.Response uploaded, String contentType, int width, int height) {
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        assertThat(uploaded.json().get("contentType").asString()).isEqualTo(contentType);
        assertThat(uploaded.json().get("width").asInt()).isEqualTo(width);
        assertThat(uploaded.json().get("height").asInt()).isEqualTo(height);
    }
}
