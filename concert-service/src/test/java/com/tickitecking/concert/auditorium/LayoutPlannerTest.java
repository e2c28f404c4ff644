package com.tickitecking.concert.auditorium;

import com.tickitecking.events.ConcertCreated;
import com.tickitecking.events.ConcertDetails;
import com.tickitecking.events.EventJson;
import com.tickitecking.events.EventQueue;
import com.tickitecking.events.SeatGrade;
import com.tickitecking.events.SeatingLayout;
import com.tickitecking.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LayoutPlannerTest {

    /** The defaults: 100,000 seats, 4,000 rows. */
    static final AuditoriumProperties LIMITS = new AuditoriumProperties(0, 0);

    @Test
    void labelsCountedRowsLikeSpreadsheetColumns() {
        assertThat(LayoutPlanner.letters(0)).isEqualTo("A");
        assertThat(LayoutPlanner.letters(25)).isEqualTo("Z");
        assertThat(LayoutPlanner.letters(26)).isEqualTo("AA");
        assertThat(LayoutPlanner.letters(701)).isEqualTo("ZZ");
        assertThat(LayoutPlanner.letters(702)).isEqualTo("AAA");
    }

    @Test
    void expandsEachKindOfSectionInOrder() {
        var layout = LayoutPlanner.plan(new AuditoriumRequests.Layout(List.of(
                new AuditoriumRequests.Section("A", null, null, null, 28, 10),
                new AuditoriumRequests.Section("VIP", "Boxes", null, List.of("1", "2"), null, 4),
                new AuditoriumRequests.Section("B", "Balcony", List.of(new AuditoriumRequests.Row("X", 7)), null, null, null))),
                LIMITS);

        assertThat(layout.totalSeats()).isEqualTo(280 + 8 + 7);
        assertThat(layout.sections().getFirst().name()).as("defaults to the code").isEqualTo("A");
        assertThat(layout.sections().getFirst().rows().get(27).label()).isEqualTo("AB");
        assertThat(layout.sections().get(1).rows()).extracting(r -> r.label()).containsExactly("1", "2");
    }

    @Test
    void needsSeatsPerRowForACompactSection() {
        var request = new AuditoriumRequests.Layout(List.of(new AuditoriumRequests.Section("A", null, null, null, 3, null)));

        assertThatThrownBy(() -> LayoutPlanner.plan(request, LIMITS))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
                    assertThat(e.properties().get("errors")).asString().contains("layout.sections[0].seatsPerRow");
                });
    }

    @Test
    void refusesOneRowMoreThanAVenueMayHave() {
        var fits = new AuditoriumRequests.Layout(List.of(
                new AuditoriumRequests.Section("A", null, null, null, 2_000, 10),
                new AuditoriumRequests.Section("B", null, null, null, 2_000, 10)));
        var oneMore = new AuditoriumRequests.Layout(List.of(
                new AuditoriumRequests.Section("A", null, null, null, 2_000, 10),
                new AuditoriumRequests.Section("B", null, null, null, 2_001, 10)));

        assertThat(LayoutPlanner.plan(fits, LIMITS).totalSeats()).isEqualTo(40_000);
        assertThatThrownBy(() -> LayoutPlanner.plan(oneMore, LIMITS))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage()).contains("more than 4000 rows"));
    }

    @Test
    void refusesOneSeatMoreThanAVenueMayHave() {
        var limits = new AuditoriumProperties(100, 0);
        var fits = new AuditoriumRequests.Layout(List.of(new AuditoriumRequests.Section("A", null, null, null, 10, 10)));
        var oneMore = new AuditoriumRequests.Layout(List.of(
                new AuditoriumRequests.Section("A", null, null, null, 10, 10),
                new AuditoriumRequests.Section("B", null, List.of(new AuditoriumRequests.Row("A", 1)), null, null, null)));

        assertThat(LayoutPlanner.plan(fits, limits).totalSeats()).isEqualTo(100);
        assertThatThrownBy(() -> LayoutPlanner.plan(oneMore, limits))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage()).isEqualTo("has more than 100 seats"));
    }

    @Test
    void refusesTwoSectionsWithOneCode() {
        var request = new AuditoriumRequests.Layout(List.of(
                new AuditoriumRequests.Section("A", null, null, null, 1, 10),
                new AuditoriumRequests.Section("A", null, null, null, 1, 10)));

        assertThatThrownBy(() -> LayoutPlanner.plan(request, LIMITS))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.properties().get("errors"))
                        .isEqualTo(List.of(new DomainException.FieldError("layout.sections[1].code", "duplicates section code A"))));
    }

    @Test
    void refusesTwoRowsWithOneLabelInASection() {
        var request = new AuditoriumRequests.Layout(List.of(
                new AuditoriumRequests.Section("A", null, null, List.of("1", "2", "1"), null, 10)));

        assertThatThrownBy(() -> LayoutPlanner.plan(request, LIMITS))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.properties().get("errors"))
                        .isEqualTo(List.of(new DomainException.FieldError("layout.sections[0].rowLabels[2]",
                                "duplicates row label 1 in its section"))));
    }

    @Test
    void needsExactlyOneWayOfGivingASectionsRows() {
        var both = new AuditoriumRequests.Layout(List.of(
                new AuditoriumRequests.Section("A", null, null, List.of("1"), 3, 10)));

        assertThatThrownBy(() -> LayoutPlanner.plan(both, LIMITS))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("needs exactly one of rows, rowLabels or rowCount"));
    }

    /**
     * Worst case for size: 100 sections (the most a layout may list) sharing the most rows, codes and labels at
     * their longest, and every name at its longest in control characters, which JSON escapes as six bytes each.
     * Grades: the most there may be, naming whole sections.
     */
    @Test
    void theLargestVenueAllowedLeavesRoomInOneSqsMessageForAConcertAtIt() {
        List<AuditoriumRequests.Section> sections = new ArrayList<>();
        int rowsPerSection = LIMITS.maxRows() / 100;
        for (int s = 0; s < 100; s++) {
            List<AuditoriumRequests.Row> rows = new ArrayList<>();
            for (int r = 0; r < rowsPerSection; r++) {
                rows.add(new AuditoriumRequests.Row("R%04d".formatted(r), LIMITS.maxSeats() / LIMITS.maxRows()));
            }
            sections.add(new AuditoriumRequests.Section("SECTION%03d".formatted(s), escaped(100), rows, null, null, null));
        }
        SeatingLayout layout = LayoutPlanner.plan(new AuditoriumRequests.Layout(sections), LIMITS);
        List<SeatGrade> grades = new ArrayList<>();
        for (int g = 0; g < 50; g++) {
            grades.add(new SeatGrade("%02d".formatted(g) + escaped(48), new BigDecimal("99999999.99"), List.of(
                    new SeatGrade.Area(layout.sections().get(2 * g).code(), List.of()),
                    new SeatGrade.Area(layout.sections().get(2 * g + 1).code(), List.of()))));
        }
        var event = ConcertCreated.of(Long.MAX_VALUE, Long.MAX_VALUE, new ConcertDetails(Long.MAX_VALUE, escaped(200),
                Instant.now(), Long.MAX_VALUE, escaped(100), layout, grades));

        int bytes = EventJson.write(event).getBytes(StandardCharsets.UTF_8).length;

        assertThat(layout.totalSeats()).isEqualTo(100_000);
        assertThat(bytes).as("ConcertCreated bytes").isLessThan(EventQueue.MAX_MESSAGE_BYTES - 32 * 1024);
    }

    private static String escaped(int length) {
        return "\u0001".repeat(length);
    }
}
