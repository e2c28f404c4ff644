package com.tickitecking.concert;

import com.tickitecking.platform.security.Role;
import com.tickitecking.testing.TestHttp;
import com.tickitecking.testing.TestTokens;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Test helper: callers with tokens, request bodies, and the venue and concert set-ups the tests share. */
public record ConcertApi(TestHttp http) {

    private static final AtomicLong USER_IDS = new AtomicLong(1000);

    public static ConcertApi at(int port) {
        return new ConcertApi(TestHttp.at(port));
    }

    /** A client acting as a fresh user of the role. */
    public TestHttp newCaller(Role role) {
        return as(USER_IDS.incrementAndGet(), role);
    }

    public TestHttp as(long userId, Role role) {
        return http.as(TestTokens.accessToken(userId, role));
    }

    /** The seed's hall: one section A, rows A–Z, 100 seats each (2,600 seats). */
    public static Map<String, Object> hall(String name) {
        return venue(name, List.of(Map.of("code", "A", "name", "Main floor", "rowCount", 26, "seatsPerRow", 100)));
    }

    /** A small venue: section FLOOR rows A,B (10 seats each), section BALC rows A (5 seats): 25 seats. */
    public static Map<String, Object> smallVenue(String name) {
        return venue(name, List.of(
                Map.of("code", "FLOOR", "name", "Floor", "rowLabels", List.of("A", "B"), "seatsPerRow", 10),
                Map.of("code", "BALC", "name", "Balcony", "rows", List.of(Map.of("label", "A", "seats", 5)))));
    }

    /** Six stands of 50 rows × 200 seats, written out row by row: 60,000 seats. */
    public static Map<String, Object> stadium(String name) {
        List<Object> sections = new ArrayList<>();
        for (String code : List.of("N", "E", "S", "W", "NE", "SW")) {
            List<Object> rows = new ArrayList<>();
            for (int r = 1; r <= 50; r++) {
                rows.add(Map.of("label", "R" + r, "seats", 200));
            }
            sections.add(Map.of("code", code, "name", "Stand " + code, "rows", rows));
        }
        return venue(name, sections);
    }

    public static Map<String, Object> venue(String name, List<?> sections) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("address", "1 Music Street, Seoul");
        body.put("layout", Map.of("sections", sections));
        return body;
    }

    /** A concert body for the small venue: VIP = FLOOR row A, R = FLOOR row B and the balcony. */
    public static Map<String, Object> concertAtSmallVenue(long auditoriumId, String name) {
        return concert(auditoriumId, name, inDays(30), List.of(
                grade("VIP", 150000, List.of(area("FLOOR", List.of("A")))),
                grade("R", 90000, List.of(area("FLOOR", List.of("B")), area("BALC", null)))));
    }

    /** One grade over the whole of each named section. */
    public static Map<String, Object> concertCovering(long auditoriumId, String name, Instant start, List<String> sections) {
        List<Object> areas = new ArrayList<>();
        sections.forEach(section -> areas.add(area(section, null)));
        return concert(auditoriumId, name, start, List.of(grade("STANDARD", 50000, areas)));
    }

    public static Map<String, Object> concert(long auditoriumId, String name, Instant start, List<?> grades) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("description", "A night of music");
        body.put("startTime", start.toString());
        body.put("auditoriumId", auditoriumId);
        body.put("grades", grades);
        return body;
    }

    public static Map<String, Object> grade(String name, Number price, List<?> areas) {
        return Map.of("name", name, "price", price, "areas", areas);
    }

    public static Map<String, Object> area(String section, List<String> rows) {
        Map<String, Object> area = new LinkedHashMap<>();
        area.put("section", section);
        if (rows != null) {
            area.put("rows", rows);
        }
        return area;
    }

    public static Instant inDays(int days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    public static long created(TestHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asLong();
    }
}
