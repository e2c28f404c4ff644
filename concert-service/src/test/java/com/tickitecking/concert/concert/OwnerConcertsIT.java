package com.tickitecking.concert.concert;

import com.tickitecking.concert.ConcertApi;
import com.tickitecking.platform.security.Role;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static com.tickitecking.concert.ConcertApi.created;
import static com.tickitecking.concert.ConcertApi.inDays;
import static com.tickitecking.testing.ProblemAssertions.assertInvalid;
import static com.tickitecking.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class OwnerConcertsIT {

    @LocalServerPort
    int port;

    ConcertApi api;
    TestHttp owner;
    TestHttp rival;
    long venue;
    long rivalVenue;

    @BeforeEach
    void setUp() {
        api = ConcertApi.at(port);
        owner = api.newCaller(Role.COMPANY_USER);
        rival = api.newCaller(Role.COMPANY_USER);
        venue = created(owner.post("/api/v1/auditoriums", ConcertApi.smallVenue("Owner Hall")));
        rivalVenue = created(rival.post("/api/v1/auditoriums", ConcertApi.smallVenue("Rival Hall")));
    }

    private long concert(TestHttp as, long at, String name, Instant start) {
        return created(as.post("/api/v1/concerts", ConcertApi.concertCovering(at, name, start, List.of("FLOOR", "BALC"))));
    }

    private static List<Long> idsOf(TestHttp.Response page) {
        List<Long> ids = new ArrayList<>();
        page.json().get("content").forEach(c -> ids.add(c.get("id").asLong()));
        return ids;
    }

    @Test
    void listsOnlyTheCallersConcertsByStartTimeInPages() {
        Instant base = inDays(90);
        long third = concert(owner, venue, "Late show", base.plus(2, ChronoUnit.DAYS));
        long first = concert(owner, venue, "Early show", base);
        concert(rival, rivalVenue, "Rival show", base.plus(1, ChronoUnit.DAYS));
        long second = concert(owner, venue, "Middle show", base.plus(1, ChronoUnit.DAYS));

        var firstPage = owner.get("/api/v1/concerts?owner=me&size=2");
        var secondPage = owner.get("/api/v1/concerts?owner=me&size=2&page=1");

        assertThat(firstPage.status()).isEqualTo(200);
        assertThat(idsOf(firstPage)).containsExactly(first, second);
        assertThat(idsOf(secondPage)).containsExactly(third);
        assertThat(firstPage.json().get("totalElements").asLong()).isEqualTo(3);
        assertThat(firstPage.json().get("totalPages").asInt()).isEqualTo(2);
        assertThat(firstPage.json().get("content").get(0).get("venueName").asString()).isEqualTo("Owner Hall");
    }

    @Test
    void appliesTheNameAndDateFiltersToTheOwnersConcerts() {
        Instant base = inDays(120);
        long encore = concert(owner, venue, "Encore night", base);
        concert(owner, venue, "Opening night", base.plus(3, ChronoUnit.DAYS));
        concert(rival, rivalVenue, "Encore elsewhere", base);

        var byName = owner.get("/api/v1/concerts?owner=me&name=encore");
        var byDate = owner.get("/api/v1/concerts?owner=me&from=" + base.minusSeconds(1) + "&to=" + base.plusSeconds(1));

        assertThat(idsOf(byName)).containsExactly(encore);
        assertThat(idsOf(byDate)).containsExactly(encore);
    }

    @Test
    void answersAnOrganiserWithoutConcertsWithAnEmptyPage() {
        var page = api.newCaller(Role.COMPANY_USER).get("/api/v1/concerts?owner=me");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("totalElements").asLong()).isZero();
    }

    @Test
    void needsATokenForOwnerMe() {
        assertProblem(api.http().get("/api/v1/concerts?owner=me"), 401);
    }

    @Test
    void refusesAnyOwnerButMe() {
        assertInvalid(owner.get("/api/v1/concerts?owner=42"), "owner");
    }
}
