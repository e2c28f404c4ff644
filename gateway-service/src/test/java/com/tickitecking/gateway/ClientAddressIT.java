package com.tickitecking.gateway;

import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TestHttp;
import com.tickitecking.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which address the gateway takes for the client's: the connection's, never one the client wrote in a header. */
@IntegrationTest
class ClientAddressIT extends InFrontOfEchoBackend {

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("tickitecking.gateway.rate-limit.requests-per-second", () -> "1");
        registry.add("tickitecking.gateway.rate-limit.burst", () -> "3");
    }

    @Test
    void tellsServicesTheClientsAddressAsTheGatewaySawItNotAsTheClientClaims() {
        var response = TestHttp.at(port).as(TestTokens.accessToken(9, "USER"))
                .header("X-Client-Address", "203.0.113.66").header("X-Forwarded-For", "198.51.100.77")
                .get("/api/v1/users/me");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("headers").get("x-client-address").asString()).isEqualTo("127.0.0.1");
    }

    @Test
    void aClientIsLimitedByItsAddressWhateverXForwardedForItSends() {
        TestHttp client = TestHttp.at(port);
        for (int i = 0; i < 6; i++) {
            client.get("/api/v1/concerts");
        }
        int limited = 0;
        for (int i = 0; i < 6; i++) {
            if (client.header("X-Forwarded-For", "198.51.100." + i).get("/api/v1/concerts").status() == 429) {
                limited++;
            }
        }

        // its bucket (3, refilled at 1 a second) is empty: inventing addresses gets it no fresh one
        assertThat(limited).isGreaterThanOrEqualTo(4);
    }
}
