package com.tickitecking.gateway;

import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TestHttp;
import com.tickitecking.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real services, started from their jars as their own processes, behind the real gateway: what a client
 * does, over HTTP. Accounts and tokens.
 */
@IntegrationTest
class GatewayEndToEndIT extends ThroughTheGateway {



    @Test
    void signupLoginMeRefreshLogoutThroughTheGateway() {
        var signup = gateway.post("/api/v1/users/signup",
                Map.of("username", "walker", "password", "Walk3r!go", "email", "walker@example.com"));
        var login = gateway.post("/api/v1/users/login", Map.of("username", "walker", "password", "Walk3r!go"));
        String access = login.json().get("accessToken").asString();
        String refresh = login.json().get("refreshToken").asString();
        var me = gateway.as(access).get("/api/v1/users/me");
        var refreshed = gateway.post("/api/v1/users/refresh", Map.of("refreshToken", refresh));
        String newRefresh = refreshed.json().get("refreshToken").asString();
        var logout = gateway.post("/api/v1/users/logout", Map.of("refreshToken", newRefresh));
        var afterLogout = gateway.post("/api/v1/users/refresh", Map.of("refreshToken", newRefresh));

        assertThat(signup.status()).isEqualTo(201);
        assertThat(login.status()).isEqualTo(200);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo("walker");
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(gateway.as(refreshed.json().get("accessToken").asString()).get("/api/v1/users/me").status()).isEqualTo(200);
        assertThat(logout.status()).isEqualTo(204);
        assertThat(afterLogout.status()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordIs401() {
        gateway.post("/api/v1/users/signup", Map.of("username", "runner", "password", "Run3r!go", "email", "runner@example.com"));

        var login = gateway.post("/api/v1/users/login", Map.of("username", "runner", "password", "Wrong!go1"));

        assertThat(login.status()).isEqualTo(401);
        assertThat(login.contentType()).startsWith("application/problem+json");
    }

    @Test
    void noForgedExpiredOrUnsignedTokenGetsThrough() {
        for (var client : new TestHttp[]{gateway, gateway.as(TestTokens.forgedToken(1, "ADMIN")),
                gateway.as(TestTokens.expiredToken(1, "ADMIN")), gateway.as(TestTokens.unsignedToken(1, "ADMIN"))}) {
            assertThat(client.get("/api/v1/users/me").status()).isEqualTo(401);
            assertThat(client.get("/api/v1/admin/users").status()).isEqualTo(401);
        }
    }

    @Test
    void aUserCannotCallAnAdminRouteButTheAdminCan() {
        gateway.post("/api/v1/users/signup", Map.of("username", "plainuser", "password", "Plain!go1", "email", "plain@example.com"));
        String user = gateway.post("/api/v1/users/login", Map.of("username", "plainuser", "password", "Plain!go1"))
                .json().get("accessToken").asString();
        String admin = gateway.post("/api/v1/users/login", Map.of("username", RunningSystem.ADMIN, "password", RunningSystem.ADMIN_PASSWORD))
                .json().get("accessToken").asString();

        assertThat(gateway.as(user).get("/api/v1/admin/users").status()).isEqualTo(403);
        assertThat(gateway.as(admin).get("/api/v1/admin/users").status()).isEqualTo(200);
    }

    @Test
    void anIdentityHeaderSentByAClientIsIgnored() {
        var signup = gateway.post("/api/v1/users/signup",
                Map.of("username", "honest", "password", "Hon3st!go", "email", "honest@example.com"));
        String token = gateway.post("/api/v1/users/login", Map.of("username", "honest", "password", "Hon3st!go"))
                .json().get("accessToken").asString();

        var me = gateway.as(token).header("X-User-Id", "1").header("X-User-Role", "ADMIN").get("/api/v1/users/me");
        var admin = gateway.as(token).header("X-User-Role", "ADMIN").get("/api/v1/admin/users");

        assertThat(me.json().get("id").asLong()).isEqualTo(signup.json().get("id").asLong());
        assertThat(admin.status()).isEqualTo(403);
    }

    @Test
    void servesTheSwaggerUiAndEveryServicesApiDocument() {
        assertThat(gateway.get("/swagger-ui.html").status()).isIn(200, 302);
        var docs = gateway.get("/v3/api-docs/user-service");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/v1/users/signup")).isTrue();
    }
}
