package com.tickitecking.platform.web;

import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bodies and JSON values past the limits are refused with 413 problem+json; bodies within them are served. */
@IntegrationTest
@TestPropertySource(properties = {
        "tickitecking.security.public-paths=POST /test/echo",
        "tickitecking.web.max-request-body=20KB",
        "tickitecking.web.json.max-string-length=1000",
        "tickitecking.web.json.max-nesting-depth=8"})
class RequestLimitsIT {

    @LocalServerPort
    int port;

    @Test
    void servesABodyWithinTheLimits() {
        var response = TestHttp.at(port).post("/test/echo", Map.of("name", "Hall", "rows", java.util.List.of(1, 2, 3)));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("name").asString()).isEqualTo("Hall");
    }

    @Test
    void refusesABodyWhoseContentLengthIsOverTheLimit() {
        var response = TestHttp.at(port).header("Content-Type", "application/json")
                .send("POST", "/test/echo", "{\"name\":\"Hall\",\"rows\":" + numbers(6_000) + "}");

        assertTooLarge(response.status(), response.contentType(), response.json().get("detail").asString());
        assertThat(response.json().get("detail").asString()).contains("20480 bytes");
    }

    @Test
    void refusesAChunkedBodyOverTheLimitWhileReadingIt() throws Exception {
        byte[] body = ("{\"name\":\"Hall\",\"rows\":" + numbers(6_000) + "}").getBytes(StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/test/echo"))
                .header("Content-Type", "application/json")
                // a stream of unknown length goes out chunked, without a Content-Length
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
        assertTooLarge(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    @Test
    void refusesAStringValueOverTheLimit() {
        var response = TestHttp.at(port).post("/test/echo", Map.of("name", "x".repeat(1_001), "rows", java.util.List.of()));

        assertTooLarge(response.status(), response.contentType(), response.json().get("detail").asString());
        assertThat(response.json().get("detail").asString()).contains("1000");
    }

    @Test
    void refusesJsonNestedDeeperThanTheLimit() {
        String nested = "[".repeat(20) + "]".repeat(20);
        var response = TestHttp.at(port).header("Content-Type", "application/json")
                .send("POST", "/test/echo", "{\"name\":\"Hall\",\"rows\":" + nested + "}");

        assertTooLarge(response.status(), response.contentType(), response.json().get("detail").asString());
    }

    private static void assertTooLarge(int status, String contentType, String detail) {
        assertThat(status).isEqualTo(413);
        assertThat(contentType).startsWith("application/problem+json");
        assertThat(detail).isNotBlank();
    }

    private static String numbers(int count) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append(1_000 + i);
        }
        return json.append(']').toString();
    }
}
