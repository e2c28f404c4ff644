package com.tickitecking.concert.concert;

import com.tickitecking.events.SeatGrade;
import com.tickitecking.events.SeatingLayout;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A concert as anyone may see it: where, when, what each grade costs, how many seats are left, and how many one
 * account may hold and buy ({@code maxTicketsPerBuyer}), and when seats may be held: from {@code saleStartsAt}
 * (null: on sale now) until {@code saleEndsAt} (null: until the start), through the waiting room or not.
 */
public record ConcertDetailResponse(long id, long ownerId, String name, @Nullable String description, Instant startTime,
                                    Venue venue, List<Grade> grades, int totalSeats, int remainingSeats,
                                    int maxTicketsPerBuyer, @Nullable Instant saleStartsAt, @Nullable Instant saleEndsAt,
                                    boolean waitingRoom, @Nullable String posterUrl, long revision) {

    public record Venue(long id, String name, String address) {
    }

    /** A grade with its price, the areas it covers and how many seats those hold. */
    public record Grade(String name, BigDecimal price, List<SeatGrade.Area> areas, int seats) {
    }

    static ConcertDetailResponse of(Concert concert, Venue venue, SeatingLayout layout) {
        List<Grade> grades = concert.getGrades().stream()
                .map(grade -> new Grade(grade.name(), grade.price(), grade.areas(), seatsOf(grade, layout)))
                .toList();
        return new ConcertDetailResponse(concert.getId(), concert.getOwnerId(), concert.getName(),
                concert.getDescription(), concert.getStartTime(), venue, grades, concert.getTotalSeats(),
                concert.getRemainingSeats(), concert.getMaxTicketsPerBuyer(), concert.getSale().startsAt(),
                concert.getSale().endsAt(), concert.getSale().waitingRoom(), concert.getPosterUrl(), concert.getRevision());
    }

    private static int seatsOf(SeatGrade grade, SeatingLayout layout) {
        int seats = 0;
        for (SeatingLayout.Section section : layout.sections()) {
            for (SeatingLayout.Row row : section.rows()) {
                for (SeatGrade.Area area : grade.areas()) {
                    if (area.section().equals(section.code()) && (area.rows().isEmpty() || area.rows().contains(row.label()))) {
                        seats += row.seats();
                        break;
                    }
                }
            }
        }
        return seats;
    }
}
