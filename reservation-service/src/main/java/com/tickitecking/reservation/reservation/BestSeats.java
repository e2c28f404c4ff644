package com.tickitecking.reservation.reservation;

import com.tickitecking.events.SeatGrade;
import com.tickitecking.events.SeatId;
import com.tickitecking.events.SeatingLayout;
import com.tickitecking.platform.domain.DomainException;
import com.tickitecking.reservation.concert.Concert;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Picks the best blocks of adjacent free seats of one grade, for a buyer who asks for "4 VIP" rather than naming
 * seats. Best is nearest the stage, then nearest the middle of the row: a row's place in its section is its
 * distance from the stage (a layout lists rows front first), and sections in the layout's order break a tie. The
 * pick is advice from what was free a moment ago; the seat guards still decide, and a buyer who loses a block to a
 * rival gets the next one ({@link #blocks} returns several that do not overlap).
 *
 * @param count how many adjacent seats, 1 to the most seats of one hold
 * @param grade the name of one of the concert's grades
 */
public record BestSeats(int count, String grade) {

    /** A block of seats and how good it is: lower is better, row first, then distance from the row's middle. */
    private record Block(List<String> seats, int row, double offCentre, int section, int firstSeat) {
    }

    private static final Comparator<Block> BEST_FIRST = Comparator.comparingInt(Block::row)
            .thenComparingDouble(Block::offCentre)
            .thenComparingInt(Block::section)
            .thenComparingInt(Block::firstSeat);

    /**
     * Checks the request against the hold's seat limit.
     *
     * @throws DomainException invalid {@code best.count} or {@code best.grade}
     */
    public BestSeats checked(int maxSeats) {
        if (count < 1 || count > maxSeats) {
            throw DomainException.invalid("best.count", "must be 1 to " + maxSeats);
        }
        if (grade == null || grade.isBlank()) {
            throw DomainException.invalid("best.grade", "must name one of the concert's grades");
        }
        return this;
    }

    /** Which of the given seats are unavailable now (taken or blocked): asked for a few rows at a time. */
    @FunctionalInterface
    public interface Unavailable {
        Set<String> among(List<String> seats);
    }

    /** A row of the grade, where it is in the layout. */
    private record GradeRow(String section, SeatingLayout.Row row, int rowIndex, int sectionIndex) {
    }

    /**
     * Seats asked about in one look-up at least (rows are never split): the front rows of a big hall in one round
     * trip, without reading the whole hall when they still have room.
     */
    private static final int SEATS_PER_LOOKUP = 512;

    /**
     * Up to {@code most} blocks of {@link #count} adjacent seats of the grade, none of them {@code unavailable},
     * best first, no two sharing a seat.
     *
     * @throws DomainException invalid {@code best.grade} when the concert has no such grade
     */
    public List<List<String>> blocks(Concert concert, Set<String> unavailable, int most) {
        return blocks(concert, seats -> seats.stream().filter(unavailable::contains).collect(Collectors.toSet()), most);
    }

    /**
     * The same, asking {@code unavailable} only about the rows it looks at: rows nearest the stage first (all
     * sections' n-th rows together, as the order of blocks is row first), a few hundred seats a time, until
     * {@code most} blocks are found or the grade has no more rows. Every block of a nearer row is better than any
     * of a farther one, so the answer is the same as looking at the whole hall.
     *
     * @throws DomainException invalid {@code best.grade} when the concert has no such grade
     */
    public List<List<String>> blocks(Concert concert, Unavailable unavailable, int most) {
        if (concert.grades().stream().noneMatch(g -> g.name().equals(grade))) {
            throw DomainException.invalid("best.grade", "this concert has no grade " + grade);
        }
        List<GradeRow> rows = rowsOfGrade(concert);
        List<List<String>> chosen = new ArrayList<>();
        int next = 0;
        while (next < rows.size() && chosen.size() < most) {
            // the next batch: whole "row levels" (the same distance from the stage in every section)
            List<GradeRow> batch = new ArrayList<>();
            int seats = 0;
            while (next < rows.size() && (seats < SEATS_PER_LOOKUP || rows.get(next).rowIndex() == batch.getLast().rowIndex())) {
                batch.add(rows.get(next));
                seats += rows.get(next).row().seats();
                next++;
            }
            List<String> labels = new ArrayList<>(seats);
            for (GradeRow row : batch) {
                for (int number = 1; number <= row.row().seats(); number++) {
                    labels.add(label(row.section(), row.row().label(), number));
                }
            }
            Set<String> taken = unavailable.among(labels);
            List<Block> candidates = new ArrayList<>();
            for (GradeRow row : batch) {
                addBlocksOfRow(candidates, row.section(), row.row(), row.rowIndex(), row.sectionIndex(), taken);
            }
            candidates.sort(BEST_FIRST);
            // blocks of different rows never overlap, so a batch's choice never depends on another batch's
            Set<String> used = new HashSet<>();
            for (Block block : candidates) {
                if (chosen.size() == most) {
                    break;
                }
                if (block.seats().stream().noneMatch(used::contains)) {
                    chosen.add(block.seats());
                    used.addAll(block.seats());
                }
            }
        }
        return chosen;
    }

    /** The grade's rows, nearest the stage first, sections in the layout's order within one distance. */
    private List<GradeRow> rowsOfGrade(Concert concert) {
        List<GradeRow> rows = new ArrayList<>();
        List<SeatingLayout.Section> sections = concert.layout().sections();
        for (int s = 0; s < sections.size(); s++) {
            SeatingLayout.Section section = sections.get(s);
            for (int r = 0; r < section.rows().size(); r++) {
                SeatingLayout.Row row = section.rows().get(r);
                // grades price whole rows, so the row's first seat tells the grade of all of it
                SeatGrade rowGrade = concert.gradeOf(new SeatId(section.code(), row.label(), 1));
                if (rowGrade != null && rowGrade.name().equals(grade)) {
                    rows.add(new GradeRow(section.code(), row, r, s));
                }
            }
        }
        rows.sort(Comparator.comparingInt(GradeRow::rowIndex).thenComparingInt(GradeRow::sectionIndex));
        return rows;
    }

    /** Every run of {@link #count} free seats in the row: a window sliding over seats 1 to n. */
    private void addBlocksOfRow(List<Block> candidates, String section, SeatingLayout.Row row, int rowIndex,
                                int sectionIndex, Set<String> unavailable) {
        double middle = (row.seats() + 1) / 2.0;
        int freeInARow = 0;
        for (int number = 1; number <= row.seats(); number++) {
            freeInARow = unavailable.contains(label(section, row.label(), number)) ? 0 : freeInARow + 1;
            if (freeInARow >= count) {
                int first = number - count + 1;
                List<String> seats = new ArrayList<>(count);
                for (int n = first; n <= number; n++) {
                    seats.add(label(section, row.label(), n));
                }
                double centre = (first + number) / 2.0;
                candidates.add(new Block(seats, rowIndex, Math.abs(centre - middle), sectionIndex, first));
            }
        }
    }

    private static String label(String section, String row, int number) {
        return new SeatId(section, row, number).toString();
    }
}
