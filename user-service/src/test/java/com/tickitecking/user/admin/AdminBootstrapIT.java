package com.tickitecking.user.admin;

import com.nimbusds.jwt.SignedJWT;
import com.tickitecking.platform.security.Role;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TestHttp;
import com.tickitecking.user.UserApi;
import com.tickitecking.user.UserServiceApplication;
import com.tickitecking.user.auth.RefreshTokens;
import com.tickitecking.user.user.User;
import com.tickitecking.user.user.UserRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin bootstrap against a database that already holds accounts: a second user-service is started on this
 * test's database and Redis, as a restart with other settings would, or the bootstrap is run again directly.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapIT {

    static final String ADMIN_PASSWORD = "Adm1n!pass";

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;
    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    RefreshTokens refreshTokens;
    @Autowired
    TransactionTemplate transactions;
    TestHttp http;
    UserApi api;

    @BeforeEach
    void setUp() {
        http = TestHttp.at(port);
        api = new UserApi(http);
    }

    /** Starts (and stops) user-service on this test's database and Redis with the given admin settings. */
    private void startAnotherInstance(Map<String, String> admin) {
        Map<String, String> properties = new HashMap<>();
        for (String key : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                "spring.data.redis.host", "spring.data.redis.port", "tickitecking.redis.key-prefix",
                "tickitecking.jwt.private-key", "tickitecking.security.public-key")) {
            properties.put(key, environment.getRequiredProperty(key));
        }
        properties.put("server.port", "0");
        properties.put("spring.datasource.hikari.maximum-pool-size", "2");
        admin.forEach((key, value) -> properties.put("tickitecking.admin." + key, value));
        // as command-line arguments, so they rank above application.yml (builder properties would rank below it)
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        try (ConfigurableApplicationContext started = new SpringApplicationBuilder(UserServiceApplication.class).run(args)) {
            assertThat(started.getEnvironment().getProperty("spring.datasource.url"))
                    .isEqualTo(environment.getProperty("spring.datasource.url"));
        }
    }

    private AdminBootstrap bootstrap(String username, String password, String email) {
        return new AdminBootstrap(new AdminProperties(username, password, email), users, passwords, refreshTokens, transactions);
    }

    private static String roleIn(TestHttp.Response login) throws Exception {
        return SignedJWT.parse(login.json().get("accessToken").asString()).getJWTClaimsSet().getStringClaim("role");
    }

    @Test
    void aUsernameSomeoneSignedUpWithIsNotPromotedAndTheServiceStillStarts(CapturedOutput output) throws Exception {
        api.signup("mallory", "mallory@example.com", null);

        startAnotherInstance(Map.of("username", "mallory", "password", ADMIN_PASSWORD));

        assertThat(api.login("mallory", ADMIN_PASSWORD).status()).as("the admin password opens nothing").isEqualTo(401);
        var own = api.login("mallory", UserApi.PASSWORD);
        assertThat(own.status()).isEqualTo(200);
        assertThat(roleIn(own)).isEqualTo("USER");
        assertThat(users.findByUsername("mallory").orElseThrow().getRole()).isEqualTo(Role.USER);
        assertThat(output).contains("ADMIN_USERNAME 'mallory' belongs to an existing USER account").contains("NOT promoted")
                .contains("starts without an env-configured admin");
    }

    @Test
    void anotherAdminNameOnADatabaseThatHasAnAdminStartsAndThatAdminCanLogIn(CapturedOutput output) throws Exception {
        // an earlier run with ADMIN_USERNAME=ops, when every admin got the one default address
        startAnotherInstance(Map.of("username", "ops", "password", "0ps!pass", "email", "admin@tickitecking.local"));

        startAnotherInstance(Map.of("username", "admin", "password", ADMIN_PASSWORD));

        var login = api.login("admin", ADMIN_PASSWORD);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(roleIn(login)).isEqualTo("ADMIN");
        assertThat(users.findByUsername("admin").orElseThrow().getEmail()).startsWith("admin+").endsWith("@tickitecking.local");
        assertThat(api.login("ops", "0ps!pass").status()).isEqualTo(200);
        assertThat(output).contains("the default admin e-mail 'admin@tickitecking.local' already belongs to another account");
    }

    @Test
    void aConfiguredAdminEmailThatIsTakenIsReportedAndNothingIsCreated(CapturedOutput output) {
        api.signup("emailowner", "taken@example.com", null);

        bootstrap("boss", ADMIN_PASSWORD, "Taken@Example.com").run(null);

        assertThat(users.findByUsername("boss")).isEmpty();
        assertThat(output).contains("ADMIN_EMAIL 'taken@example.com' already belongs to another account")
                .contains("admin account 'boss' is NOT created");
    }

    @Test
    void withoutAnAdminEmailEachAdminNameGetsAnAddressOfItsOwn() {
        bootstrap("first_admin", ADMIN_PASSWORD, null).run(null);
        bootstrap("second_admin", ADMIN_PASSWORD, null).run(null);

        assertThat(users.findByUsername("first_admin").map(User::getEmail)).contains("first_admin@tickitecking.local");
        assertThat(users.findByUsername("second_admin").map(User::getEmail)).contains("second_admin@tickitecking.local");
    }

    @Test
    void aNewAdminPasswordReplacesTheOldOneAndEndsItsSessions() {
        bootstrap("rotating", ADMIN_PASSWORD, null).run(null);
        String refresh = api.login("rotating", ADMIN_PASSWORD).json().get("refreshToken").asString();

        bootstrap("rotating", "N3w!admin", null).run(null);

        assertThat(api.login("rotating", ADMIN_PASSWORD).status()).isEqualTo(401);
        assertThat(api.login("rotating", "N3w!admin").status()).isEqualTo(200);
        assertThat(http.post("/api/v1/users/refresh", Map.of("refreshToken", refresh)).status()).isEqualTo(401);
    }
}
