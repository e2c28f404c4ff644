package com.tickitecking.seat.concert;

import com.tickitecking.events.ConcertDetails;
import com.tickitecking.events.SeatGrade;
import com.tickitecking.events.SeatId;
import com.tickitecking.events.SeatIndex;
import com.tickitecking.events.SeatingLayout;
import com.tickitecking.seat.seat.NewSeat;
import com.tickitecking.seat.seat.RowGrade;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What seat-service knows about a concert, from its events, and the rules for applying them. {@code revision} is
 * the highest concert revision applied; {@code deletedAt} marks a tombstone. ConcertCreated and ConcertUpdated
 * both carry the full state, so whichever arrives first creates the concert and an older one arriving later is
 * ignored; a deleted concert stays deleted. The layout never changes for a concert: its seats keep the first one.
 */
public record Concert(long concertId, long ownerId, String name, Instant startTime, long revision,
                      int totalSeats, SeatingLayout layout, List<SeatGrade> grades, Instant deletedAt) {

    public Concert {
        grades = List.copyOf(grades);
    }

    /** The concert as its first ConcertCreated or ConcertUpdated describes it. */
    public static Concert created(long concertId, long revision, ConcertDetails details) {
        return new Concert(concertId, details.ownerId(), details.name(), details.startTime(), revision,
                details.layout().totalSeats(), details.layout(), details.grades(), null);
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    /**
     * Applies a later ConcertCreated or ConcertUpdated: empty when it is ignored (not newer than what was applied,
     * or the concert is deleted). Otherwise the concert after it, with its layout unchanged, and the rows of seats
     * whose grade or price changed.
     */
    public Optional<Update> update(long newRevision, ConcertDetails details) {
        if (isDeleted() || newRevision <= revision) {
            return Optional.empty();
        }
        Concert after = new Concert(concertId, details.ownerId(), details.name(), details.startTime(), newRevision,
                totalSeats, layout, details.grades(), null);
        return Optional.of(new Update(after, regradedRows(after), !layout.equals(details.layout())));
    }

    /**
     * @param regraded       the rows of seats to give a new grade and price
     * @param layoutIgnored  the event came with another layout, which was not applied (layouts never change)
     */
    public record Update(Concert concert, List<RowGrade> regraded, boolean layoutIgnored) {
    }

    /** Applies a ConcertDeleted: a tombstone keeping the highest revision, or empty when already deleted. */
    public Optional<Concert> delete(long deleteRevision, Instant at) {
        if (isDeleted()) {
            return Optional.empty();
        }
        return Optional.of(new Concert(concertId, ownerId, name, startTime, Math.max(revision, deleteRevision),
                totalSeats, layout, grades, at));
    }

    /** Every seat of the layout in SeatIndex order, with its grade and price (none where no grade covers it). */
    public List<NewSeat> seats() {
        List<NewSeat> seats = new ArrayList<>(totalSeats);
        layout.forEachSeat(seat -> {
            SeatGrade grade = gradeOf(seat);
            seats.add(new NewSeat(seats.size(), seat, grade == null ? null : grade.name(), grade == null ? null : grade.price()));
        });
        return seats;
    }

    /** The grade that covers the seat, or null when none does (the seat is not for sale). */
    public SeatGrade gradeOf(SeatId seat) {
        return grades.stream().filter(g -> g.covers(seat)).findFirst().orElse(null);
    }

    public SeatIndex seatIndex() {
        return SeatIndex.of(layout);
    }

    /** The seat's index, or -1 when the label is malformed or the layout has no such seat. */
    public int indexOf(String label) {
        return indexOf(seatIndex(), label);
    }

    /** The indexes of the labelled seats (one SeatIndex for all), and the labels the layout has no seat for. */
    public SeatLookup lookUp(Collection<String> labels) {
        return lookUp(seatIndex(), labels);
    }

    /** The same with a SeatIndex of this concert's layout built once for many look-ups. */
    public static SeatLookup lookUp(SeatIndex index, Collection<String> labels) {
        Set<Integer> indexes = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String label : labels) {
            int i = indexOf(index, label);
            if (i < 0) {
                unknown.add(label);
            } else {
                indexes.add(i);
            }
        }
        return new SeatLookup(indexes, unknown);
    }

    public record SeatLookup(Set<Integer> indexes, List<String> unknown) {
    }

    private static int indexOf(SeatIndex index, String label) {
        return SeatId.isValid(label) ? index.indexOf(SeatId.parse(label)) : -1;
    }

    /** The rows whose grade or price differ between this concert and {@code after} (grades cover whole rows). */
    private List<RowGrade> regradedRows(Concert after) {
        List<RowGrade> rows = new ArrayList<>();
        int offset = 0;
        for (SeatingLayout.Section section : layout.sections()) {
            for (SeatingLayout.Row row : section.rows()) {
                SeatId first = new SeatId(section.code(), row.label(), 1);
                SeatGrade was = gradeOf(first);
                SeatGrade now = after.gradeOf(first);
                if (!sameGrade(was, now)) {
                    rows.add(new RowGrade(offset, offset + row.seats() - 1,
                            now == null ? null : now.name(), now == null ? null : now.price()));
                }
                offset += row.seats();
            }
        }
        return rows;
    }

    /** Same name and price; 100.0 and 100.00 are the same price. */
    private static boolean sameGrade(SeatGrade a, SeatGrade b) {
        if (a == null || b == null) {
            return a == b;
        }
        return Objects.equals(a.name(), b.name()) && a.price().compareTo(b.price()) == 0;
    }
}
