package com.tickitecking.user.admin;

import com.tickitecking.platform.security.Role;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TestHttp;
import com.tickitecking.testing.TestTokens;
import com.tickitecking.user.ThroughTheApi;
import com.tickitecking.user.UserApi;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@TestPropertySource(properties = {"tickitecking.admin.username=root_admin", "tickitecking.admin.password=Adm1n!pass"})
class AdminIT extends ThroughTheApi {

    private TestHttp admin() {
        var login = api.login("root_admin", "Adm1n!pass");
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return http.as(login.json().get("accessToken").asString());
    }

    @Test
    void theConfiguredAdminCanListUsersPageByPage() {
        api.signup("mona", "mona@example.com", null);
        api.signup("nils", "nils@example.com", null);

        var page = admin().get("/api/v1/admin/users?page=0&size=2");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("content")).hasSize(2);
        assertThat(page.json().get("totalElements").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(page.json().get("content").get(0).get("role").asString()).isEqualTo("ADMIN");
    }

    @Test
    void anAdminPromotesAUserToCompanyUser() {
        long id = api.signup("olga", "olga@example.com", null).json().get("id").asLong();

        var changed = admin().put("/api/v1/admin/users/" + id + "/role", Map.of("role", "COMPANY_USER"));
        var relogin = api.login("olga", UserApi.PASSWORD);

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("role").asString()).isEqualTo("COMPANY_USER");
        assertThat(relogin.status()).isEqualTo(200);
    }

    @Test
    void refusesUnknownRolesAndUnknownUsers() {
        TestHttp admin = admin();

        assertThat(admin.put("/api/v1/admin/users/1/role", Map.of("role", "EMPEROR")).status()).isEqualTo(400);
        assertThat(admin.put("/api/v1/admin/users/999999/role", Map.of("role", "USER")).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/admin/users?size=1000").status()).isEqualTo(400);
    }

    @Test
    void refusesToChangeTheRoleOfADeletedAccount() {
        long id = api.signup("quin", "quin@example.com", null).json().get("id").asLong();
        var quin = http.as(api.login("quin", UserApi.PASSWORD).json().get("accessToken").asString());
        assertThat(quin.delete("/api/v1/users/me").status()).isEqualTo(204);

        var refused = admin().put("/api/v1/admin/users/" + id + "/role", Map.of("role", "COMPANY_USER"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).isEqualTo("This account was deleted; its role can no longer change.");
    }

    @Test
    void aUserCannotReachAdminRoutes() {
        long id = api.signup("pete", "pete@example.com", null).json().get("id").asLong();
        TestHttp pete = http.as(TestTokens.accessToken(id, Role.USER));

        var response = pete.get("/api/v1/admin/users");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
