package com.tickitecking.gateway;

import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.ServiceProcess;
import com.tickitecking.testing.TestHttp;
import com.tickitecking.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's own behaviour, in front of an upstream that echoes what reaches it. */
@IntegrationTest
class GatewayBehaviourIT {

    static final EchoBackend BACKEND = EchoBackend.start();
    static final int DEAD_PORT = ServiceProcess.freePort();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("tickitecking.gateway.jwks-uri", () -> BACKEND.url() + "/.well-known/jwks.json");
        for (String service : new String[]{"USER", "CONCERT", "RESERVATION", "MEDIA"}) {
            registry.add(service + "_SERVICE_URL", BACKEND::url);
        }
        registry.add("SEAT_SERVICE_URL", () -> "http://127.0.0.1:" + DEAD_PORT);
        registry.add("GATEWAY_TIMEOUT", () -> "1s");
        registry.add("tickitecking.gateway.rate-limit.requests-per-second", () -> "1");
        registry.add("tickitecking.gateway.rate-limit.burst", () -> "3");
    }

    @AfterAll
    static void stopBackend() {
        BACKEND.close();
    }

    @LocalServerPort
    int port;
    TestHttp http;

    @BeforeEach
    void setUp() {
        http = TestHttp.at(port);
    }

    private TestHttp as(long userId, String role) {
        return http.as(TestTokens.accessToken(userId, role));
    }

    @Test
    void forwardsTheVerifiedIdentityAndDropsTheOneAClientSent() {
        var response = as(5, "USER").header("X-User-Id", "999").header("X-User-Role", "ADMIN").get("/api/v1/users/me");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("path").asString()).isEqualTo("/api/v1/users/me");
        assertThat(response.json().get("headers").get("x-user-id").asString()).isEqualTo("5");
        assertThat(response.json().get("headers").get("x-user-role").asString()).isEqualTo("USER");
        assertThat(response.json().get("headers").get("authorization").asString()).startsWith("Bearer ");
    }

    @Test
    void aPublicRouteNeedsNoTokenAndGetsNoIdentity() {
        var response = TestHttp.at(port).header("X-User-Id", "1").get("/api/v1/concerts");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("headers").has("x-user-id")).isFalse();
    }

    @Test
    void refusesMissingForgedExpiredAndUnsignedTokens() {
        for (var client : new TestHttp[]{http, http.as(TestTokens.forgedToken(1, "ADMIN")),
                http.as(TestTokens.expiredToken(1, "USER")), http.as(TestTokens.unsignedToken(1, "ADMIN"))}) {
            var response = client.get("/api/v1/users/me");
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void keepsUsersOffAdminRoutes() {
        var response = as(6, "USER").get("/api/v1/admin/users");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(as(7, "ADMIN").get("/api/v1/admin/users").status()).isEqualTo(200);
    }

    @Test
    void aDeadServiceIsA503ProblemInWellUnderASecond() {
        Instant start = Instant.now();

        var response = http.get("/api/v1/concerts/1/seats");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("seat-service");
        assertThat(response.header("Retry-After")).isNotNull();
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofMillis(900));
    }

    @Test
    void aSlowServiceTimesOutWithAProblemInsteadOfHanging() {
        Instant start = Instant.now();

        var response = http.get("/api/v1/concerts/1/slow");

        assertThat(response.status()).isEqualTo(504);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void limitsEachCallerAndSaysWhenToComeBack() {
        TestHttp caller = as(42, "USER");
        int limited = 0;
        String retryAfter = null;
        for (int i = 0; i < 8; i++) {
            var response = caller.get("/api/v1/reservations/1");
            if (response.status() == 429) {
                limited++;
                retryAfter = response.header("Retry-After");
                assertThat(response.contentType()).startsWith("application/problem+json");
            }
        }

        assertThat(limited).isGreaterThanOrEqualTo(4);
        assertThat(retryAfter).isNotNull();
        // another caller has a bucket of its own
        assertThat(as(43, "USER").get("/api/v1/reservations/1").status()).isEqualTo(200);
    }

    @Test
    void unknownPathsAreProblemDocuments() {
        var response = as(8, "USER").get("/api/v1/nowhere");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void exposesHealthAndPrometheusMetrics() {
        assertThat(http.get("/actuator/health/readiness").json().get("status").asString()).isEqualTo("UP");
        assertThat(http.get("/actuator/prometheus").body()).contains("service=\"gateway-service\"");
    }
}
