package com.tickitecking.concert.concert;

import com.tickitecking.events.SeatGrade;
import com.tickitecking.events.SeatingLayout;
import com.tickitecking.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GradeCoverageTest {

    /** FLOOR rows A, B (10 seats each), BALC row A (5 seats), as ConcertApi's small venue. */
    static final SeatingLayout SMALL_VENUE = new SeatingLayout(List.of(
            new SeatingLayout.Section("FLOOR", "Floor", List.of(new SeatingLayout.Row("A", 10), new SeatingLayout.Row("B", 10))),
            new SeatingLayout.Section("BALC", "Balcony", List.of(new SeatingLayout.Row("A", 5)))));

    @Test
    void turnsGradesThatPriceEverySeatOnceIntoTheEventsGrades() {
        var grades = List.of(
                grade("VIP", "150000", area("FLOOR", "A")),
                grade("R", "90000", area("FLOOR", "B"), area("BALC")));

        List<SeatGrade> checked = GradeCoverage.check(grades, SMALL_VENUE);

        assertThat(checked).containsExactly(
                new SeatGrade("VIP", new BigDecimal("150000"), List.of(new SeatGrade.Area("FLOOR", List.of("A")))),
                new SeatGrade("R", new BigDecimal("90000"), List.of(
                        new SeatGrade.Area("FLOOR", List.of("B")), new SeatGrade.Area("BALC", List.of()))));
    }

    @Test
    void refusesTwoGradesWithOneName() {
        var grades = List.of(
                grade("R", "1000", area("FLOOR")),
                grade("R", "2000", area("BALC")));

        assertRefused(grades, "grades[1].name", "duplicates grade name R");
    }

    @Test
    void refusesAnAreaInASectionTheVenueDoesNotHave() {
        var grades = List.of(grade("ALL", "1000", area("FLOOR"), area("ROOF"), area("BALC")));

        assertRefused(grades, "grades[0].areas[1].section", "names no section of the venue: ROOF");
    }

    @Test
    void refusesARowOutsideItsSection() {
        var grades = List.of(grade("ALL", "1000", area("FLOOR", "A", "C"), area("BALC")));

        assertRefused(grades, "grades[0].areas[0].rows[1]", "names no row of section FLOOR: C");
    }

    @Test
    void refusesARowThatTwoGradesPrice() {
        var grades = List.of(
                grade("VIP", "2000", area("FLOOR", "A")),
                grade("R", "1000", area("FLOOR"), area("BALC")));

        assertRefused(grades, "grades[1].areas[0]", "row FLOOR-A is already covered by grade VIP");
    }

    @Test
    void refusesARowThatNoGradePrices() {
        var grades = List.of(grade("ALL", "1000", area("FLOOR")));

        assertRefused(grades, "grades", "no grade covers row BALC-A");
    }

    private static void assertRefused(List<ConcertRequests.Grade> grades, String field, String detail) {
        assertThatThrownBy(() -> GradeCoverage.check(grades, SMALL_VENUE))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
                    assertThat(e.getMessage()).isEqualTo(detail);
                    assertThat(e.properties().get("errors")).isEqualTo(List.of(new DomainException.FieldError(field, detail)));
                });
    }

    static ConcertRequests.Grade grade(String name, String price, ConcertRequests.Area... areas) {
        return new ConcertRequests.Grade(name, new BigDecimal(price), List.of(areas));
    }

    /** An area of a section: the rows named, or (none named) the whole section. */
    static ConcertRequests.Area area(String section, String... rows) {
        return new ConcertRequests.Area(section, rows.length == 0 ? null : List.of(rows));
    }
}
