package com.tickitecking.user.user;

import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TestHttp;
import com.tickitecking.user.ThroughTheApi;
import com.tickitecking.user.UserApi;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class MeIT extends ThroughTheApi {

    private TestHttp loggedIn(String username) {
        return http.as(api.signupAndLogin(username).json().get("accessToken").asString());
    }

    @Test
    void showsAndUpdatesTheCallersProfile() {
        TestHttp judy = loggedIn("judy");

        var updated = judy.put("/api/v1/users/me", Map.of("nickname", "Jude", "email", "jude@example.com"));
        var me = judy.get("/api/v1/users/me");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo("judy");
        assertThat(me.json().get("nickname").asString()).isEqualTo("Jude");
        assertThat(me.json().get("email").asString()).isEqualTo("jude@example.com");
    }

    @Test
    void changesThePasswordOnlyWithTheCurrentOne() {
        TestHttp karl = loggedIn("karl");

        var withoutCurrent = karl.put("/api/v1/users/me", Map.of("newPassword", "Newpass1!"));
        var withCurrent = karl.put("/api/v1/users/me", Map.of("currentPassword", UserApi.PASSWORD, "newPassword", "Newpass1!"));

        assertThat(withoutCurrent.status()).isEqualTo(400);
        assertThat(withCurrent.status()).isEqualTo(200);
        assertThat(api.login("karl", UserApi.PASSWORD).status()).isEqualTo(401);
        assertThat(api.login("karl", "Newpass1!").status()).isEqualTo(200);
    }

    @Test
    void aDeletedAccountCanNoLongerLogInNorRefresh() {
        var tokens = api.signupAndLogin("liam").json();
        TestHttp liam = http.as(tokens.get("accessToken").asString());

        var delete = liam.delete("/api/v1/users/me");

        assertThat(delete.status()).isEqualTo(204);
        assertThat(api.login("liam", UserApi.PASSWORD).status()).isEqualTo(401);
        assertThat(http.post("/api/v1/users/refresh", Map.of("refreshToken", tokens.get("refreshToken").asString())).status())
                .isEqualTo(401);
        assertThat(liam.get("/api/v1/users/me").status()).isEqualTo(401);
        assertThat(api.signup("liam", "liam2@example.com", null).status()).isEqualTo(409);
    }
}
