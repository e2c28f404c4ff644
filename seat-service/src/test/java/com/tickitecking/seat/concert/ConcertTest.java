package com.tickitecking.seat.concert;

import com.tickitecking.events.ConcertDetails;
import com.tickitecking.events.SeatGrade;
import com.tickitecking.events.SeatId;
import com.tickitecking.events.SeatingLayout;
import com.tickitecking.seat.SeatEvents;
import com.tickitecking.seat.seat.NewSeat;
import com.tickitecking.seat.seat.RowGrade;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ConcertTest {

    static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");

    /** FLOOR A, B (10 seats: VIP, R) and BALCONY A-C (8 seats: S): 44 seats. */
    static Concert twoSections(long revision) {
        return Concert.created(1, revision, SeatEvents.twoSections(9));
    }

    static ConcertDetails withGrades(List<SeatGrade> grades) {
        ConcertDetails d = SeatEvents.twoSections(9);
        return new ConcertDetails(d.ownerId(), d.name(), d.startTime(), d.auditoriumId(), d.auditoriumName(), d.layout(), grades);
    }

    static SeatGrade grade(String name, String price, String section, String... rows) {
        return new SeatGrade(name, new BigDecimal(price), List.of(new SeatGrade.Area(section, rows.length == 0 ? null : List.of(rows))));
    }

    // ---- the seats of a new concert ---------------------------------------------------------------------

    @Test
    void aNewConcertHasEverySeatOfItsLayoutInSeatIndexOrderWithItsGrade() {
        List<NewSeat> seats = twoSections(1).seats();

        assertThat(seats).hasSize(44);
        assertThat(seats).extracting(NewSeat::index).containsExactlyElementsOf(IntStream.range(0, 44).boxed().toList());
        assertThat(seats.get(0)).isEqualTo(new NewSeat(0, SeatId.parse("FLOOR-A-1"), "VIP", new BigDecimal("150.00")));
        assertThat(seats.get(19)).isEqualTo(new NewSeat(19, SeatId.parse("FLOOR-B-10"), "R", new BigDecimal("100.00")));
        assertThat(seats.get(20)).isEqualTo(new NewSeat(20, SeatId.parse("BALCONY-A-1"), "S", new BigDecimal("50.00")));
        assertThat(seats.get(43).seat()).isEqualTo(SeatId.parse("BALCONY-C-8"));
    }

    @Test
    void aSeatNoGradeCoversIsCreatedWithoutGradeOrPrice() {
        Concert concert = Concert.created(1, 1, withGrades(List.of(grade("VIP", "150.00", "FLOOR", "A"))));

        NewSeat ungraded = concert.seats().get(10);

        assertThat(ungraded.seat()).isEqualTo(SeatId.parse("FLOOR-B-1"));
        assertThat(ungraded.grade()).isNull();
        assertThat(ungraded.price()).isNull();
    }

    @Test
    void findsASeatsIndexByLabelAndMinusOneForNoSuchSeat() {
        Concert concert = twoSections(1);

        assertThat(concert.indexOf("FLOOR-B-3")).isEqualTo(12);
        assertThat(concert.indexOf("BALCONY-A-1")).isEqualTo(20);
        assertThat(concert.indexOf("FLOOR-A-11")).isEqualTo(-1);
        assertThat(concert.indexOf("FLOOR-Z-1")).isEqualTo(-1);
        assertThat(concert.indexOf("floor-a-1")).isEqualTo(-1);
        assertThat(concert.lookUp(List.of("FLOOR-A-1", "NOPE", "BALCONY-C-8", "FLOOR-A-1")))
                .isEqualTo(new Concert.SeatLookup(new LinkedHashSet<>(List.of(0, 43)), List.of("NOPE")));
    }

    // ---- events in any order ----------------------------------------------------------------------------

    @Test
    void aNewerRevisionUpdatesTheConcertButNeverItsLayout() {
        ConcertDetails renamed = new ConcertDetails(10, "Renamed", NOW, 1, "Other hall",
                SeatingLayout.grid("MAIN", 2, 5), List.of());

        Concert.Update update = twoSections(1).update(2, renamed).orElseThrow();

        assertThat(update.concert().revision()).isEqualTo(2);
        assertThat(update.concert().name()).isEqualTo("Renamed");
        assertThat(update.concert().ownerId()).isEqualTo(10);
        assertThat(update.concert().layout()).isEqualTo(SeatEvents.layout());
        assertThat(update.concert().totalSeats()).isEqualTo(44);
        assertThat(update.layoutIgnored()).isTrue();
    }

    @Test
    void anOlderOrEqualRevisionIsIgnored() {
        Concert concert = twoSections(3);

        assertThat(concert.update(2, SeatEvents.twoSections(9))).isEmpty();
        assertThat(concert.update(3, SeatEvents.twoSections(9))).isEmpty();
        assertThat(concert.update(4, SeatEvents.twoSections(9))).isPresent();
    }

    @Test
    void aDeletedConcertStaysDeleted() {
        Concert deleted = twoSections(1).delete(2, NOW).orElseThrow();

        assertThat(deleted.isDeleted()).isTrue();
        assertThat(deleted.deletedAt()).isEqualTo(NOW);
        assertThat(deleted.update(5, SeatEvents.twoSections(9))).as("a late update").isEmpty();
        assertThat(deleted.delete(3, NOW.plusSeconds(1))).as("a second delete").isEmpty();
    }

    @Test
    void aDeleteKeepsTheHighestRevisionSeen() {
        assertThat(twoSections(5).delete(2, NOW).orElseThrow().revision()).isEqualTo(5);
        assertThat(twoSections(1).delete(2, NOW).orElseThrow().revision()).isEqualTo(2);
    }

    // ---- regrading --------------------------------------------------------------------------------------

    @Test
    void regradesOnlyTheRowsWhoseGradeOrPriceChanged() {
        ConcertDetails after = withGrades(List.of(
                grade("VIP", "150.00", "FLOOR", "A"),
                grade("R", "120.00", "FLOOR", "B"),
                grade("S", "50.00", "BALCONY", "A", "B")));

        Concert.Update update = twoSections(1).update(2, after).orElseThrow();

        assertThat(update.regraded()).containsExactly(
                new RowGrade(10, 19, "R", new BigDecimal("120.00")),
                new RowGrade(36, 43, null, null));
        assertThat(update.layoutIgnored()).isFalse();
        assertThat(update.concert().gradeOf(SeatId.parse("BALCONY-C-1"))).isNull();
    }

    @Test
    void theSamePriceWrittenDifferentlyIsNoRegrade() {
        ConcertDetails after = withGrades(List.of(
                grade("VIP", "150", "FLOOR", "A"),
                grade("R", "100.0", "FLOOR", "B"),
                grade("S", "50.000", "BALCONY")));

        assertThat(twoSections(1).update(2, after).orElseThrow().regraded()).isEmpty();
    }

    @Test
    void aRenamedGradeAtTheSamePriceIsARegrade() {
        ConcertDetails after = withGrades(List.of(
                grade("PLATINUM", "150.00", "FLOOR", "A"),
                grade("R", "100.00", "FLOOR", "B"),
                grade("S", "50.00", "BALCONY")));

        assertThat(twoSections(1).update(2, after).orElseThrow().regraded())
                .containsExactly(new RowGrade(0, 9, "PLATINUM", new BigDecimal("150.00")));
    }
}
