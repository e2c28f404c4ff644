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

    /**
     * Up to {@code most} blocks of {@link #count} adjacent seats of the grade, none of them {@code unavailable},
     * best first, no two sharing a seat.
     *
     * @throws DomainException invalid {@code best.grade} when the concert has no such grade
     */
    public List<List<String>> blocks(Concert concert, Set<String> unavailable, int most) {
        if (concert.grades().stream().noneMatch(g -> g.name().equals(grade))) {
            throw DomainException.invalid("best.grade", "this concert has no grade " + grade);
        }
        List<Block> candidates = new ArrayList<>();
        List<SeatingLayout.Section> sections = concert.layout().sections();
        for (int s = 0; s < sections.size(); s++) {
            SeatingLayout.Section section = sections.get(s);
            for (int r = 0; r < section.rows().size(); r++) {
                SeatingLayout.Row row = section.rows().get(r);
                // grades price whole rows, so the row's first seat tells the grade of all of it
                SeatGrade rowGrade = concert.gradeOf(new SeatId(section.code(), row.label(), 1));
                if (rowGrade != null && rowGrade.name().equals(grade)) {
                    addBlocksOfRow(candidates, section.code(), row, r, s, unavailable);
                }
            }
        }
        candidates.sort(BEST_FIRST);
        List<List<String>> chosen = new ArrayList<>();
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
        return chosen;
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
