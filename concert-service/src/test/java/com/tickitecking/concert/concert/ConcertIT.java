package com.tickitecking.concert.concert;

import com.tickitecking.concert.ConcertApi;
import com.tickitecking.platform.redis.RedisKeys;
import com.tickitecking.platform.security.Role;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.tickitecking.concert.ConcertApi.area;
import static com.tickitecking.concert.ConcertApi.concert;
import static com.tickitecking.concert.ConcertApi.concertAtSmallVenue;
import static com.tickitecking.concert.ConcertApi.created;
import static com.tickitecking.concert.ConcertApi.grade;
import static com.tickitecking.concert.ConcertApi.inDays;
import static com.tickitecking.testing.ProblemAssertions.assertInvalid;
import static com.tickitecking.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ConcertIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    RedisKeys keys;

    ConcertApi api;
    long ownerId;
    TestHttp owner;
    long venue;

    @BeforeEach
    void setUp() {
        api = ConcertApi.at(port);
        ownerId = System.nanoTime();
        owner = api.as(ownerId, Role.COMPANY_USER);
        venue = created(owner.post("/api/v1/auditoriums", ConcertApi.smallVenue("Blue Square")));
    }

    @Test
    void showsANewConcertToEveryoneWithVenueGradesAndSeats() {
        long id = created(owner.post("/api/v1/concerts", concertAtSmallVenue(venue, "Spring Live")));

        var detail = api.http().get("/api/v1/concerts/" + id);

        assertThat(detail.status()).isEqualTo(200);
        var json = detail.json();
        assertThat(json.get("name").asString()).isEqualTo("Spring Live");
        assertThat(json.get("ownerId").asLong()).isEqualTo(ownerId);
        assertThat(json.get("venue").get("name").asString()).isEqualTo("Blue Square");
        assertThat(json.get("venue").get("address").asString()).isEqualTo("1 Music Street, Seoul");
        assertThat(json.get("totalSeats").asInt()).isEqualTo(25);
        assertThat(json.get("remainingSeats").asInt()).isEqualTo(25);
        assertThat(json.get("posterUrl").isNull()).isTrue();
        assertThat(json.get("revision").asLong()).isEqualTo(1);
        assertThat(json.get("grades").get(0).get("name").asString()).isEqualTo("VIP");
        assertThat(json.get("grades").get(0).get("price").decimalValue()).isEqualByComparingTo("150000");
        assertThat(json.get("grades").get(0).get("seats").asInt()).isEqualTo(10);
        assertThat(json.get("grades").get(1).get("seats").asInt()).isEqualTo(15);
    }

    @Test
    void answersAnUnknownConcertWith404() {
        assertProblem(api.http().get("/api/v1/concerts/999999"), 404);
        assertProblem(owner.put("/api/v1/concerts/999999", concertAtSmallVenue(venue, "Ghost")), 404);
        assertProblem(owner.delete("/api/v1/concerts/999999"), 404);
    }

    @Test
    void needsATokenForEveryWrite() {
        long id = created(owner.post("/api/v1/concerts", concertAtSmallVenue(venue, "Guarded")));

        assertProblem(api.http().post("/api/v1/concerts", concertAtSmallVenue(venue, "Anon")), 401);
        assertProblem(api.http().put("/api/v1/concerts/" + id, concertAtSmallVenue(venue, "Anon")), 401);
        assertProblem(api.http().delete("/api/v1/concerts/" + id), 401);
    }

    @Test
    void letsOnlyTheVenueOwnerOrAnAdminPutAConcertOn() {
        var otherCompany = api.newCaller(Role.COMPANY_USER).post("/api/v1/concerts", concertAtSmallVenue(venue, "Squatter"));
        var plainUser = api.newCaller(Role.USER).post("/api/v1/concerts", concertAtSmallVenue(venue, "Fan made"));
        var admin = api.newCaller(Role.ADMIN).post("/api/v1/concerts", concertAtSmallVenue(venue, "Booked by admin"));

        assertProblem(otherCompany, 403);
        assertProblem(plainUser, 403);
        assertThat(created(admin)).isPositive();
        assertThat(admin.json().get("ownerId").asLong()).as("the venue's owner owns it").isEqualTo(ownerId);
    }

    @Test
    void letsOnlyTheOwnerOrAnAdminChangeOrWithdrawAConcert() {
        long id = created(owner.post("/api/v1/concerts", concertAtSmallVenue(venue, "Mine")));
        TestHttp other = api.newCaller(Role.COMPANY_USER);
        TestHttp admin = api.newCaller(Role.ADMIN);

        assertProblem(other.put("/api/v1/concerts/" + id, concertAtSmallVenue(venue, "Stolen")), 403);
        assertProblem(other.delete("/api/v1/concerts/" + id), 403);
        var changedByAdmin = admin.put("/api/v1/concerts/" + id, concertAtSmallVenue(venue, "Moderated"));
        assertThat(changedByAdmin.status()).as(changedByAdmin.toString()).isEqualTo(200);
        assertThat(changedByAdmin.json().get("revision").asLong()).isEqualTo(2);
        assertThat(admin.delete("/api/v1/concerts/" + id).status()).isEqualTo(204);
        assertProblem(api.http().get("/api/v1/concerts/" + id), 404);
    }

    @Test
    void refusesAPriceOfZeroOrLess() {
        for (int price : new int[]{0, -1}) {
            var body = concert(venue, "Free", inDays(10), List.of(
                    grade("ALL", price, List.of(area("FLOOR", null), area("BALC", null)))));
            assertInvalid(owner.post("/api/v1/concerts", body), "grades[0].price");
        }
    }

    @Test
    void refusesAStartTimeInThePast() {
        var body = concert(venue, "Yesterday", Instant.now().minus(1, ChronoUnit.DAYS), List.of(
                grade("ALL", 1000, List.of(area("FLOOR", null), area("BALC", null)))));

        assertInvalid(owner.post("/api/v1/concerts", body), "startTime");
    }

    @Test
    void refusesGradeAreasNamingUnknownSectionsOrRows() {
        var unknownSection = concert(venue, "Lost", inDays(10), List.of(
                grade("ALL", 1000, List.of(area("ROOF", null), area("FLOOR", null), area("BALC", null)))));
        var unknownRow = concert(venue, "Lost", inDays(10), List.of(
                grade("ALL", 1000, List.of(area("FLOOR", List.of("A", "Z")), area("BALC", null)))));

        assertInvalid(owner.post("/api/v1/concerts", unknownSection), "grades[0].areas[0].section");
        assertInvalid(owner.post("/api/v1/concerts", unknownRow), "grades[0].areas[0].rows[1]");
    }

    @Test
    void refusesGradesThatLeaveSeatsUnpricedOrPriceThemTwice() {
        var uncovered = concert(venue, "Gaps", inDays(10), List.of(
                grade("ALL", 1000, List.of(area("FLOOR", null)))));
        var twice = concert(venue, "Overlap", inDays(10), List.of(
                grade("VIP", 2000, List.of(area("FLOOR", List.of("A")))),
                grade("R", 1000, List.of(area("FLOOR", null), area("BALC", null)))));

        assertInvalid(owner.post("/api/v1/concerts", uncovered), "grades");
        assertInvalid(owner.post("/api/v1/concerts", twice), "grades[1].areas[0]");
    }

    @Test
    void refusesAnUnknownVenueAndMissingFields() {
        assertInvalid(owner.post("/api/v1/concerts", concertAtSmallVenue(987654, "Nowhere")), "auditoriumId");
        assertInvalid(owner.post("/api/v1/concerts", Map.of("auditoriumId", venue)), "name");
        assertProblem(owner.post("/api/v1/concerts", "{\"name\": "), 400);
    }

    @Test
    void listsConcertsByStartTimeWithNameAndDateFiltersAndPages() {
        String tour = "Tour " + UUID.randomUUID().toString().substring(0, 8);
        Instant base = inDays(200);
        List<Long> ids = new ArrayList<>();
        for (int i = 4; i >= 0; i--) {
            var body = ConcertApi.concertCovering(venue, tour + " night " + i, base.plus(i, ChronoUnit.DAYS), List.of("FLOOR", "BALC"));
            ids.addFirst(created(owner.post("/api/v1/concerts", body)));
        }
        String byName = "/api/v1/concerts?name=" + tour.toUpperCase().replace(' ', '+');

        var secondPage = api.http().get(byName + "&page=1&size=2");
        var window = api.http().get(byName + "&from=" + base.plus(1, ChronoUnit.DAYS) + "&to=" + base.plus(3, ChronoUnit.DAYS));

        assertThat(idsOf(secondPage)).containsExactly(ids.get(2), ids.get(3));
        assertThat(secondPage.json().get("totalElements").asLong()).isEqualTo(5);
        assertThat(secondPage.json().get("totalPages").asInt()).isEqualTo(3);
        assertThat(idsOf(window)).containsExactly(ids.get(1), ids.get(2));
        assertProblem(api.http().get("/api/v1/concerts?size=101"), 400);
        assertProblem(api.http().get("/api/v1/concerts?from=tomorrow"), 400);
    }

    @Test
    void listsAConcertThatHasNoImageYet() {
        long id = created(owner.post("/api/v1/concerts", concertAtSmallVenue(venue, "No poster yet")));

        var page = api.http().get("/api/v1/concerts?size=100");

        assertThat(idsOf(page)).contains(id);
        page.json().get("content").forEach(concert -> {
            if (concert.get("id").asLong() == id) {
                assertThat(concert.get("posterUrl").isNull()).isTrue();
                assertThat(concert.get("venueName").asString()).isEqualTo("Blue Square");
            }
        });
    }

    @Test
    void servesTheDetailFromRedisUntilAChangeEvictsIt() {
        long id = created(owner.post("/api/v1/concerts", concertAtSmallVenue(venue, "Old name")));
        api.http().get("/api/v1/concerts/" + id);
        jdbc.update("UPDATE concert SET name = 'Changed behind the cache' WHERE id = ?", id);

        var cached = api.http().get("/api/v1/concerts/" + id);
        owner.put("/api/v1/concerts/" + id, concertAtSmallVenue(venue, "New name"));
        var afterUpdate = api.http().get("/api/v1/concerts/" + id);

        assertThat(redis.hasKey(keys.key("cache", "concert::" + id))).as("cached under the test's key prefix").isTrue();
        assertThat(cached.json().get("name").asString()).isEqualTo("Old name");
        assertThat(afterUpdate.json().get("name").asString()).isEqualTo("New name");
    }

    @Test
    void evictsTheCachedFirstPageWhenAConcertIsAddedOrWithdrawn() {
        api.http().get("/api/v1/concerts?size=100");
        long id = created(owner.post("/api/v1/concerts", concertAtSmallVenue(venue, "Late addition")));

        var withIt = api.http().get("/api/v1/concerts?size=100");
        var deleted = owner.delete("/api/v1/concerts/" + id);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        var withoutIt = api.http().get("/api/v1/concerts?size=100");

        assertThat(idsOf(withIt)).contains(id);
        assertThat(idsOf(withoutIt)).doesNotContain(id);
    }

    @Test
    void givesConcurrentChangesConsecutiveRevisions() throws Exception {
        long id = created(owner.post("/api/v1/concerts", concertAtSmallVenue(venue, "Contested")));
        int writers = 8;

        List<Integer> statuses;
        try (var pool = Executors.newFixedThreadPool(writers)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String name = "Contested " + i;
                results.add(pool.submit(() -> owner.put("/api/v1/concerts/" + id, concertAtSmallVenue(venue, name)).status()));
            }
            statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get(30, TimeUnit.SECONDS));
            }
        }

        assertThat(statuses).allMatch(status -> status == 200 || status == 409);
        long applied = statuses.stream().filter(status -> status == 200).count();
        assertThat(api.http().get("/api/v1/concerts/" + id).json().get("revision").asLong()).isEqualTo(1 + applied);
    }

    private static List<Long> idsOf(TestHttp.Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        page.json().get("content").forEach(concert -> ids.add(concert.get("id").asLong()));
        return ids;
    }
}
