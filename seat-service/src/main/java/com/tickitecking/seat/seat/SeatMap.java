package com.tickitecking.seat.seat;

import com.tickitecking.events.SeatGrade;
import com.tickitecking.events.SeatId;
import com.tickitecking.events.SeatingLayout;
import com.tickitecking.seat.concert.Concert;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The seat map of a concert, compact: a row is a label, a seat count and runs of equally graded seats. */
@Schema(description = """
        The seats of a concert: sections, their rows, and per row runs of consecutive seats with one grade and price. \
        A seat's label is <section code>-<row label>-<number> (e.g. FLOOR-B-12), numbers 1..seats. Seat number n of a \
        row has SeatIndex firstIndex + n - 1: the bit of the availability bitmap that tells whether it is free.""")
public record SeatMap(
        @Schema(example = "42") long concertId,
        @Schema(description = "The concert revision this map shows; the ETag changes with it", example = "3") long revision,
        @Schema(example = "1200") int totalSeats,
        @Schema(description = "The grades and their prices") List<Grade> grades,
        List<Section> sections) {

    public record Grade(@Schema(example = "VIP") String name, @Schema(example = "150.00") BigDecimal price) {
    }

    public record Section(@Schema(example = "FLOOR") String code, @Schema(example = "Floor") String name, List<Row> rows) {
    }

    public record Row(
            @Schema(example = "B") String label,
            @Schema(description = "Seats in the row, numbered 1..seats", example = "30") int seats,
            @Schema(description = "SeatIndex of seat 1 of this row", example = "30") int firstIndex,
            @Schema(description = "Consecutive seats sharing a grade; usually one run per row") List<Run> runs) {
    }

    public record Run(
            @Schema(description = "First seat number of the run", example = "1") int from,
            @Schema(description = "Last seat number of the run", example = "30") int to,
            @Schema(description = "Grade name, null for ungraded seats (not for sale)", example = "VIP") @Nullable String grade,
            @Schema(description = "Price, null for ungraded seats", example = "150.00") @Nullable BigDecimal price) {
    }

    /** The concert's map: each row's first SeatIndex, and its seats split into runs where the grade changes. */
    public static SeatMap of(Concert concert) {
        List<Section> sections = new ArrayList<>();
        int index = 0;
        for (SeatingLayout.Section section : concert.layout().sections()) {
            List<Row> rows = new ArrayList<>();
            for (SeatingLayout.Row row : section.rows()) {
                rows.add(new Row(row.label(), row.seats(), index, runsOf(concert, section.code(), row)));
                index += row.seats();
            }
            sections.add(new Section(section.code(), section.name(), rows));
        }
        List<Grade> grades = concert.grades().stream().map(g -> new Grade(g.name(), g.price())).toList();
        return new SeatMap(concert.concertId(), concert.revision(), concert.totalSeats(), grades, sections);
    }

    private static List<Run> runsOf(Concert concert, String section, SeatingLayout.Row row) {
        List<Run> runs = new ArrayList<>();
        int from = 1;
        SeatGrade current = concert.gradeOf(new SeatId(section, row.label(), 1));
        for (int number = 2; number <= row.seats() + 1; number++) {
            SeatGrade next = number <= row.seats() ? concert.gradeOf(new SeatId(section, row.label(), number)) : null;
            if (number > row.seats() || !Objects.equals(next, current)) {
                runs.add(new Run(from, number - 1, current == null ? null : current.name(), current == null ? null : current.price()));
                from = number;
                current = next;
            }
        }
        return runs;
    }
}
