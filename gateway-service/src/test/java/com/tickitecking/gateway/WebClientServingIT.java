package com.tickitecking.gateway;

import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TestHttp;
import com.tickitecking.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web client as the gateway serves it (module web/ on its classpath), in front of an echoing upstream: hashed
 * assets cached for good, index.html revalidated and answered for every client-side route, and the API untouched:
 * its refusals stay problem+json, whatever the client accepts.
 */
@IntegrationTest
class WebClientServingIT extends InFrontOfEchoBackend {
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    TestHttp browser;

    @BeforeEach
    void setUp() {
        browser = TestHttp.at(port).header("Accept", BROWSER_ACCEPT);
    }

    @Test
    void theIndexIsRevalidatedAndItsHashedAssetsAreImmutable() {
        var index = browser.get("/");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.contentType()).startsWith("text/html");
        assertThat(index.header("Cache-Control")).isEqualTo("no-cache");
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(index.body());
        assertThat(script.find()).as(index.body()).isTrue();

        var asset = TestHttp.at(port).get(script.group(1));
        assertThat(asset.status()).isEqualTo(200);
        assertThat(asset.contentType()).contains("javascript");
        assertThat(asset.header("Cache-Control")).isEqualTo("max-age=31536000, public, immutable");
        assertThat(asset.bytes().length).isGreaterThan(1000);
        assertThat(BACKEND.received()).noneMatch(request -> request.contains("/assets/"));
    }

    @Test
    void aClientSideRouteIsAnsweredWithTheIndex() {
        String index = browser.get("/").body();
        for (String route : new String[]{"/concerts/42", "/login", "/signup", "/concerts/42/", "/no/such/page"}) {
            var page = browser.get(route);
            assertThat(page.status()).as(route).isEqualTo(200);
            assertThat(page.header("Cache-Control")).as(route).isEqualTo("no-cache");
            assertThat(page.body()).as(route).isEqualTo(index);
        }
    }

    @Test
    void onlyPagesAskedForAsHtmlGetTheIndexNotFilesNorOtherClients() {
        var missingFile = browser.get("/assets/missing-1234.js");
        var notHtml = TestHttp.at(port).header("Accept", "application/json").get("/concerts/42");

        assertThat(missingFile.status()).isEqualTo(404);
        assertThat(browser.get("/missing.png").status()).isEqualTo(404);
        assertThat(notHtml.status()).isEqualTo(404);
        assertThat(notHtml.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theApiStaysTheApiForABrowserToo() {
        // no route: 404 problem+json, not the index
        var unrouted = browser.as(TestTokens.accessToken(5, "USER")).get("/api/v1/no-such-thing");
        assertThat(unrouted.status()).isEqualTo(404);
        assertThat(unrouted.contentType()).startsWith("application/problem+json");
        // a route that needs a token: 401, as before
        var anonymous = browser.get("/api/v1/users/me");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        // a spelling of /api that a route may still read as the API is not a public page
        assertThat(browser.get("/%61pi/v1/users/me").status()).isIn(400, 401, 404);
        assertThat(browser.get("/%61pi/v1/users/me").body()).doesNotContain("<div id=\"root\">");
        assertThat(browser.get("//api/v1/users/me").body()).doesNotContain("<div id=\"root\">");
        // the gateway's own documents are not pages either
        assertThat(browser.get("/v3/api-docs/nothing").body()).doesNotContain("<div id=\"root\">");
        // and a public API call still reaches its service
        assertThat(browser.get("/api/v1/concerts").json().get("path").asString()).isEqualTo("/api/v1/concerts");
    }
}
