package com.tickitecking.seat.seat;

import com.tickitecking.events.ConcertDetails;
import com.tickitecking.events.SeatGrade;
import com.tickitecking.seat.SeatEvents;
import com.tickitecking.seat.concert.Concert;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SeatMapTest {

    @Test
    void givesEachRowItsFirstSeatIndexAndOneRunWhenTheRowHasOneGrade() {
        SeatMap map = SeatMap.of(Concert.created(42, 3, SeatEvents.twoSections(9)));

        assertThat(map.concertId()).isEqualTo(42);
        assertThat(map.revision()).isEqualTo(3);
        assertThat(map.totalSeats()).isEqualTo(44);
        assertThat(map.grades()).extracting(SeatMap.Grade::name).containsExactly("VIP", "R", "S");
        assertThat(map.sections()).extracting(SeatMap.Section::code).containsExactly("FLOOR", "BALCONY");
        assertThat(map.sections().get(0).rows()).extracting(SeatMap.Row::firstIndex).containsExactly(0, 10);
        assertThat(map.sections().get(1).rows()).extracting(SeatMap.Row::firstIndex).containsExactly(20, 28, 36);
        assertThat(map.sections().get(0).rows().get(1)).isEqualTo(new SeatMap.Row("B", 10, 10,
                List.of(new SeatMap.Run(1, 10, "R", new BigDecimal("100.00")))));
    }

    @Test
    void anUngradedRowIsOneRunWithoutGradeOrPrice() {
        // FLOOR row A is VIP; FLOOR row B and the whole balcony have no grade.
        ConcertDetails details = new ConcertDetails(9, "Partly graded", SeatEvents.twoSections(9).startTime(), 7, "Hall",
                SeatEvents.layout(), List.of(new SeatGrade("VIP", new BigDecimal("150.00"),
                List.of(new SeatGrade.Area("FLOOR", List.of("A"))))));

        SeatMap map = SeatMap.of(Concert.created(42, 1, details));

        assertThat(map.sections().get(0).rows().get(0).runs()).containsExactly(new SeatMap.Run(1, 10, "VIP", new BigDecimal("150.00")));
        assertThat(map.sections().get(0).rows().get(1).runs()).containsExactly(new SeatMap.Run(1, 10, null, null));
        assertThat(map.sections().get(1).rows().get(2).runs()).containsExactly(new SeatMap.Run(1, 8, null, null));
    }
}
