package com.tickitecking.gateway;

import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TestHttp;
import com.tickitecking.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** A body over its route's limit is refused at the gateway with 413 problem+json and never reaches a service. */
@IntegrationTest
class RequestBodyLimitIT extends InFrontOfEchoBackend {

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("GATEWAY_MAX_REQUEST_BODY", () -> "10KB");
        registry.add("GATEWAY_MAX_UPLOAD_BODY", () -> "40KB");
    }

    private TestHttp organiser() {
        return TestHttp.at(port).as(TestTokens.accessToken(7, "COMPANY_USER")).header("Content-Type", "application/json");
    }

    @Test
    void passesABodyWithinTheLimit() {
        var response = organiser().send("POST", "/api/v1/auditoriums", json(9_000));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("bodyBytes").asLong()).isEqualTo(9_000);
    }

    @Test
    void refusesABodyWhoseContentLengthIsOverTheLimit() {
        var response = organiser().send("POST", "/api/v1/auditoriums", json(11_000));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).isEqualTo("The request body may be at most 10240 bytes.");
    }

    @Test
    void refusesAChunkedBodyOverTheLimit() throws Exception {
        byte[] body = json(50_000).getBytes();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auditoriums"))
                .header("Authorization", "Bearer " + TestTokens.accessToken(7, "COMPANY_USER"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void anUploadRouteHasItsOwnLargerLimit() {
        var upload = organiser().send("POST", "/api/v1/concerts/1/images", json(30_000));
        var tooLarge = organiser().send("POST", "/api/v1/concerts/1/images", json(41_000));

        assertThat(upload.status()).isEqualTo(200);
        assertThat(tooLarge.status()).isEqualTo(413);
    }

    /** A JSON document of exactly {@code bytes} bytes. */
    private static String json(int bytes) {
        String start = "{\"name\":\"";
        String end = "\"}";
        return start + "x".repeat(bytes - start.length() - end.length()) + end;
    }
}
