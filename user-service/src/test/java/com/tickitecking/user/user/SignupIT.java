package com.tickitecking.user.user;

import com.tickitecking.platform.security.Role;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TestTokens;
import com.tickitecking.testing.TestHttp;
import com.tickitecking.user.ThroughTheApi;
import com.tickitecking.user.UserApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SignupIT extends ThroughTheApi {

    @Test
    void createsAUserAccountWithoutRevealingThePassword() {
        var response = api.signup("alice", "Alice@Example.com", "Ali");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("username").asString()).isEqualTo("alice");
        assertThat(response.json().get("email").asString()).isEqualTo("alice@example.com");
        assertThat(response.json().get("role").asString()).isEqualTo("USER");
        assertThat(response.body()).doesNotContain("password").doesNotContain(UserApi.PASSWORD);
    }

    @Test
    void namesTheFieldThatClashes() {
        api.signup("bobby", "bob@example.com", "Bob");

        assertClash(api.signup("bobby", "other@example.com", null), "username");
        assertClash(api.signup("bobby2", "BOB@example.com", null), "email");
        assertClash(api.signup("bobby3", "bob3@example.com", "Bob"), "nickname");
    }

    @ParameterizedTest
    @ValueSource(strings = {"short1!", "sixteenchars12!!", "nodigits!!", "nospecial12", "12345678!"})
    void refusesPasswordsOutsideThePolicy(String password) {
        var response = http.post("/api/v1/users/signup",
                Map.of("username", "carol", "password", password, "email", "carol@example.com"));

        assertProblem(response, 400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
    }

    @Test
    void refusesMissingFieldsOverLongValuesAndBadEmails() {
        var missing = http.post("/api/v1/users/signup", Map.of("password", UserApi.PASSWORD));
        var tooLong = http.post("/api/v1/users/signup",
                Map.of("username", "u".repeat(21), "password", UserApi.PASSWORD, "email", "x@example.com"));
        var badEmail = http.post("/api/v1/users/signup",
                Map.of("username", "dave", "password", UserApi.PASSWORD, "email", "not-an-email"));

        assertProblem(missing, 400);
        assertThat(missing.body()).contains("username").contains("email");
        assertProblem(tooLong, 400);
        assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("username");
        assertProblem(badEmail, 400);
    }

    @Test
    void answersMalformedJsonAndWrongTypesWith400() {
        assertProblem(http.post("/api/v1/users/signup", "{\"username\": "), 400);
        assertProblem(http.post("/api/v1/users/signup", "{\"username\": [1,2]}"), 400);
        assertProblem(http.header("Content-Type", "text/plain").post("/api/v1/users/signup", "hello"), 415);
    }

    @Test
    void unknownPathsAndWrongMethodsAreProblemDocumentsToo() {
        long id = api.signup("quinn", "quinn@example.com", null).json().get("id").asLong();
        TestHttp quinn = http.as(TestTokens.accessToken(id, Role.USER));

        assertProblem(http.get("/api/v1/nothing-here"), 401);
        assertProblem(quinn.get("/api/v1/nothing-here"), 404);
        assertProblem(quinn.send("PATCH", "/api/v1/users/me", null), 405);
    }

    private static void assertClash(TestHttp.Response response, String field) {
        assertProblem(response, 409);
        assertThat(response.json().get("field").asString()).isEqualTo(field);
    }

    static void assertProblem(TestHttp.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at com.");
    }
}
