package com.tickitecking.concert.auditorium;

import com.tickitecking.concert.ConcertApi;
import com.tickitecking.platform.security.Role;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.tickitecking.concert.ConcertApi.created;
import static com.tickitecking.testing.ProblemAssertions.assertInvalid;
import static com.tickitecking.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AuditoriumIT {

    @LocalServerPort
    int port;
    ConcertApi api;
    TestHttp company;

    @BeforeEach
    void setUp() {
        api = ConcertApi.at(port);
        company = api.newCaller(Role.COMPANY_USER);
    }

    @Test
    void expandsACompactGridIntoRowsAToZ() {
        var response = company.post("/api/v1/auditoriums", ConcertApi.hall("Blue Hall"));

        created(response);
        var layout = response.json().get("layout").get("sections").get(0);
        assertThat(response.json().get("totalSeats").asInt()).isEqualTo(2600);
        assertThat(layout.get("code").asString()).isEqualTo("A");
        assertThat(layout.get("rows")).hasSize(26);
        assertThat(layout.get("rows").get(0).get("label").asString()).isEqualTo("A");
        assertThat(layout.get("rows").get(25).get("label").asString()).isEqualTo("Z");
        assertThat(layout.get("rows").get(25).get("seats").asInt()).isEqualTo(100);
    }

    @Test
    void holdsAStadiumOfSixtyThousandSeatsInSections() {
        var response = company.post("/api/v1/auditoriums", ConcertApi.stadium("Olympic Stadium"));

        long id = created(response);
        var stored = company.get("/api/v1/auditoriums/" + id);
        assertThat(stored.json().get("totalSeats").asInt()).isEqualTo(60_000);
        assertThat(stored.json().get("layout").get("sections")).hasSize(6);
    }

    @Test
    void refusesAPlainUserAndAnonymousCallers() {
        assertProblem(api.newCaller(Role.USER).post("/api/v1/auditoriums", ConcertApi.hall("Nope")), 403);
        assertProblem(api.http().post("/api/v1/auditoriums", ConcertApi.hall("Nope")), 401);
        assertProblem(api.http().get("/api/v1/auditoriums"), 401);
    }

    @Test
    void listsOwnVenuesToTheirOwnerAndAllToAnAdmin() {
        TestHttp other = api.newCaller(Role.COMPANY_USER);
        long mine = created(company.post("/api/v1/auditoriums", ConcertApi.smallVenue("Mine")));
        long theirs = created(other.post("/api/v1/auditoriums", ConcertApi.smallVenue("Theirs")));

        var own = company.get("/api/v1/auditoriums?size=100");
        var all = api.newCaller(Role.ADMIN).get("/api/v1/auditoriums?size=100");

        assertThat(ids(own)).contains(mine).doesNotContain(theirs);
        assertThat(ids(all)).contains(mine, theirs);
        assertProblem(company.get("/api/v1/auditoriums?size=101"), 400);
    }

    @Test
    void letsOnlyTheOwnerOrAnAdminSeeChangeOrDeleteAVenue() {
        long id = created(company.post("/api/v1/auditoriums", ConcertApi.smallVenue("Private")));
        TestHttp other = api.newCaller(Role.COMPANY_USER);
        TestHttp admin = api.newCaller(Role.ADMIN);

        assertProblem(other.get("/api/v1/auditoriums/" + id), 403);
        assertProblem(other.put("/api/v1/auditoriums/" + id, ConcertApi.smallVenue("Taken over")), 403);
        assertProblem(other.delete("/api/v1/auditoriums/" + id), 403);
        assertThat(admin.put("/api/v1/auditoriums/" + id, ConcertApi.smallVenue("Renamed by admin")).status()).isEqualTo(200);
        assertThat(company.get("/api/v1/auditoriums/" + id).json().get("name").asString()).isEqualTo("Renamed by admin");
        assertThat(admin.delete("/api/v1/auditoriums/" + id).status()).isEqualTo(204);
        assertProblem(company.get("/api/v1/auditoriums/" + id), 404);
    }

    @Test
    void refusesDuplicateSectionCodes() {
        var body = ConcertApi.venue("Twice", List.of(
                Map.of("code", "A", "rowCount", 2, "seatsPerRow", 10),
                Map.of("code", "A", "rowCount", 2, "seatsPerRow", 10)));

        assertInvalid(company.post("/api/v1/auditoriums", body), "layout.sections[1].code");
    }

    @Test
    void refusesDuplicateRowLabelsWithinASection() {
        var explicit = ConcertApi.venue("Rows", List.of(Map.of("code", "A", "rows", List.of(
                Map.of("label", "A", "seats", 10), Map.of("label", "A", "seats", 12)))));
        var labelled = ConcertApi.venue("Labels", List.of(
                Map.of("code", "A", "rowLabels", List.of("A", "B", "B"), "seatsPerRow", 10)));

        assertInvalid(company.post("/api/v1/auditoriums", explicit), "layout.sections[0].rows[1].label");
        assertInvalid(company.post("/api/v1/auditoriums", labelled), "layout.sections[0].rowLabels[2]");
    }

    @Test
    void refusesZeroAndNegativeSizes() {
        var zeroSeats = ConcertApi.venue("Zero", List.of(Map.of("code", "A", "rows", List.of(Map.of("label", "A", "seats", 0)))));
        var negativeRows = ConcertApi.venue("Negative", List.of(Map.of("code", "A", "rowCount", -1, "seatsPerRow", 10)));
        var zeroPerRow = ConcertApi.venue("Zero", List.of(Map.of("code", "A", "rowCount", 3, "seatsPerRow", 0)));

        assertInvalid(company.post("/api/v1/auditoriums", zeroSeats), "layout.sections[0].rows[0].seats");
        assertInvalid(company.post("/api/v1/auditoriums", negativeRows), "layout.sections[0].rowCount");
        assertInvalid(company.post("/api/v1/auditoriums", zeroPerRow), "layout.sections[0].seatsPerRow");
    }

    @Test
    void refusesMoreThanAHundredThousandSeats() {
        var huge = ConcertApi.venue("Huge", List.of(
                Map.of("code", "A", "rowCount", 500, "seatsPerRow", 100),
                Map.of("code", "B", "rowCount", 500, "seatsPerRow", 101)));

        assertInvalid(company.post("/api/v1/auditoriums", huge), "layout");
    }

    @Test
    void refusesBadCodesAndAmbiguousSections() {
        var lowerCase = ConcertApi.venue("Lower", List.of(Map.of("code", "a", "rowCount", 1, "seatsPerRow", 1)));
        var both = ConcertApi.venue("Both", List.of(Map.of("code", "A", "rowCount", 1, "rowLabels", List.of("A"), "seatsPerRow", 1)));
        var noSections = ConcertApi.venue("Empty", List.of());

        assertInvalid(company.post("/api/v1/auditoriums", lowerCase), "layout.sections[0].code");
        assertInvalid(company.post("/api/v1/auditoriums", both), "layout.sections[0]");
        assertInvalid(company.post("/api/v1/auditoriums", noSections), "layout.sections");
    }

    @Test
    void keepsTheLayoutOfAVenueWithConcertsButLetsItBeRenamed() {
        long id = created(company.post("/api/v1/auditoriums", ConcertApi.smallVenue("Busy")));
        created(company.post("/api/v1/concerts", ConcertApi.concertAtSmallVenue(id, "Opening night")));

        var newLayout = company.put("/api/v1/auditoriums/" + id, ConcertApi.hall("Busy"));
        var renamed = company.put("/api/v1/auditoriums/" + id, ConcertApi.smallVenue("Busy Hall"));

        assertProblem(newLayout, 409);
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().get("name").asString()).isEqualTo("Busy Hall");
    }

    @Test
    void showsANewAddressInTheConcertDetailRightAway() {
        long id = created(company.post("/api/v1/auditoriums", ConcertApi.smallVenue("Moving Hall")));
        long concert = created(company.post("/api/v1/concerts", ConcertApi.concertAtSmallVenue(id, "Farewell")));
        api.http().get("/api/v1/concerts/" + concert);
        var moved = ConcertApi.smallVenue("Moving Hall");
        moved.put("address", "2 New Road, Busan");

        company.put("/api/v1/auditoriums/" + id, moved);

        var detail = api.http().get("/api/v1/concerts/" + concert).json();
        assertThat(detail.get("venue").get("address").asString()).isEqualTo("2 New Road, Busan");
        assertThat(detail.get("revision").asLong()).as("the events do not carry the address").isEqualTo(1);
    }

    @Test
    void refusesToDeleteAVenueWithConcerts() {
        long id = created(company.post("/api/v1/auditoriums", ConcertApi.smallVenue("Booked")));
        long concert = created(company.post("/api/v1/concerts", ConcertApi.concertAtSmallVenue(id, "Gig")));

        assertProblem(company.delete("/api/v1/auditoriums/" + id), 409);
        assertThat(company.delete("/api/v1/concerts/" + concert).status()).isEqualTo(204);
        assertThat(company.delete("/api/v1/auditoriums/" + id).status()).isEqualTo(204);
    }

    private static List<Long> ids(TestHttp.Response page) {
        List<Long> ids = new ArrayList<>();
        page.json().get("content").forEach(venue -> ids.add(venue.get("id").asLong()));
        return ids;
    }
}
