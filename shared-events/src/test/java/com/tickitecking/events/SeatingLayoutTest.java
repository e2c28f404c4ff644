package com.tickitecking.events;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeatingLayoutTest {

    @Test
    void derivesTheSameSeatNamesInLayoutOrder() {
        var layout = EventJsonTest.details().layout();
        var seats = new ArrayList<String>();

        layout.forEachSeat(seat -> seats.add(seat.toString()));

        assertThat(seats).hasSize(42).startsWith("FLOOR-A-1", "FLOOR-A-2").endsWith("BAL-1-20");
        assertThat(new HashSet<>(seats)).hasSize(42);
        assertThat(layout.totalSeats()).isEqualTo(42);
    }

    @Test
    void indexesEverySeatByItsPositionInLayoutOrder() {
        var layout = EventJsonTest.details().layout();
        var index = SeatIndex.of(layout);
        var expected = new int[]{0};

        layout.forEachSeat(seat -> assertThat(index.indexOf(seat)).isEqualTo(expected[0]++));

        assertThat(index.size()).isEqualTo(42);
        assertThat(index.indexOf(SeatId.parse("FLOOR-A-11"))).isEqualTo(-1);
        assertThat(index.indexOf(SeatId.parse("NOPE-A-1"))).isEqualTo(-1);
    }

    @Test
    void parsesAndPrintsSeatNames() {
        assertThat(SeatId.parse("FLOOR-B-12")).isEqualTo(new SeatId("FLOOR", "B", 12));
        assertThat(new SeatId("S1", "AA", 3)).hasToString("S1-AA-3");
        assertThatThrownBy(() -> SeatId.parse("floor-b-12")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeatId.parse("A-B-0")).isInstanceOf(IllegalArgumentException.class);
        assertThat(SeatId.isValid("A-B-C-1")).isFalse();
    }

    @Test
    void aGradeCoversItsRowsOrItsWholeSection() {
        var grade = new SeatGrade("R", BigDecimal.TEN, List.of(new SeatGrade.Area("FLOOR", List.of("B")),
                new SeatGrade.Area("BAL", List.of())));

        assertThat(grade.covers(SeatId.parse("FLOOR-B-1"))).isTrue();
        assertThat(grade.covers(SeatId.parse("FLOOR-A-1"))).isFalse();
        assertThat(grade.covers(SeatId.parse("BAL-9-1"))).isTrue();
        assertThat(EventJsonTest.details().gradeOf(SeatId.parse("FLOOR-A-5")).name()).isEqualTo("VIP");
    }

    @Test
    void aSeedStyleGridHasRowsAToZ() {
        var grid = SeatingLayout.grid("MAIN", 26, 100);

        assertThat(grid.totalSeats()).isEqualTo(2600);
        assertThat(grid.sections().getFirst().rows().getLast().label()).isEqualTo("Z");
    }
}
