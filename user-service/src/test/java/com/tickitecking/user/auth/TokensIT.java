package com.tickitecking.user.auth;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.tickitecking.platform.security.Role;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TestTokens;
import com.tickitecking.user.ThroughTheApi;
import com.tickitecking.user.UserApi;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class TokensIT extends ThroughTheApi {

    @Test
    void issuesAnRs256AccessTokenVerifiableWithThePublishedJwks() throws Exception {
        long id = api.signup("erin", "erin@example.com", null).json().get("id").asLong();

        var login = api.login("erin", UserApi.PASSWORD);
        var jwks = JWKSet.parse(http.get("/.well-known/jwks.json").body());
        var jwt = SignedJWT.parse(login.json().get("accessToken").asString());

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("expiresIn").asLong()).isEqualTo(900);
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.verify(new RSASSAVerifier((RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID())))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(String.valueOf(id));
        assertThat(jwt.getJWTClaimsSet().getStringClaim("role")).isEqualTo("USER");
        assertThat(jwks.getKeys()).allMatch(key -> !key.isPrivate());
    }

    @Test
    void refusesAWrongPasswordAndAnUnknownUserAlike() {
        api.signup("frank", "frank@example.com", null);

        var wrongPassword = api.login("frank", "Wrong123!");
        var unknownUser = api.login("nobody", UserApi.PASSWORD);

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(wrongPassword.json().get("detail")).isEqualTo(unknownUser.json().get("detail"));
    }

    @Test
    void rotatesRefreshTokensAndRefusesAReusedOne() {
        String first = api.signupAndLogin("grace").json().get("refreshToken").asString();

        var rotated = http.post("/api/v1/users/refresh", Map.of("refreshToken", first));
        String second = rotated.json().get("refreshToken").asString();
        var reuse = http.post("/api/v1/users/refresh", Map.of("refreshToken", first));
        var afterTheft = http.post("/api/v1/users/refresh", Map.of("refreshToken", second));

        assertThat(rotated.status()).isEqualTo(200);
        assertThat(second).isNotEqualTo(first);
        assertThat(reuse.status()).isEqualTo(401);
        // a reused token means it was stolen: the whole chain is revoked
        assertThat(afterTheft.status()).isEqualTo(401);
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        String refresh = api.signupAndLogin("heidi").json().get("refreshToken").asString();

        var logout = http.post("/api/v1/users/logout", Map.of("refreshToken", refresh));
        var refreshAfterLogout = http.post("/api/v1/users/refresh", Map.of("refreshToken", refresh));

        assertThat(logout.status()).isEqualTo(204);
        assertThat(refreshAfterLogout.status()).isEqualTo(401);
    }

    @Test
    void refusesTokensThatAreForgedExpiredOrUnsigned() {
        long id = api.signup("ivan", "ivan@example.com", null).json().get("id").asLong();

        for (String token : new String[]{TestTokens.forgedToken(id, Role.ADMIN), TestTokens.expiredToken(id, Role.USER),
                TestTokens.unsignedToken(id, Role.ADMIN), "not-a-token"}) {
            var response = http.as(token).get("/api/v1/users/me");
            assertThat(response.status()).as(token).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(http.get("/api/v1/users/me").status()).isEqualTo(401);
    }
}
