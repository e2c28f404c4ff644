package com.tickitecking.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the other services need to know about a concert, without calling concert-service: who owns it, when it
 * starts, the venue's seating layout and the grades with their prices. A 60,000-seat stadium travels as a few
 * hundred row descriptions, well under SQS's 256 KB limit.
 *
 * @param maxTicketsPerBuyer the most seats one account may hold and have confirmed for this concert at once; an
 *                           event written before the field existed reads as {@link #DEFAULT_MAX_TICKETS_PER_BUYER}
 * @param saleStartsAt       when holds open; {@code null}: on sale from the start (and in events older than the field)
 * @param saleEndsAt         when holds close; {@code null}: until the concert starts
 * @param waitingRoom        whether buyers go through the virtual waiting room (an admission token per hold);
 *                           {@code false} in events older than the field
 */
public record ConcertDetails(
        long ownerId,
        String name,
        Instant startTime,
        long auditoriumId,
        String auditoriumName,
        SeatingLayout layout,
        List<SeatGrade> grades,
        int maxTicketsPerBuyer,
        Instant saleStartsAt,
        Instant saleEndsAt,
        boolean waitingRoom) {

    /** The buyer limit of a concert whose organiser set none, and of events older than the field. */
    public static final int DEFAULT_MAX_TICKETS_PER_BUYER = 8;

    public ConcertDetails {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(layout, "layout");
        grades = List.copyOf(grades);
        if (maxTicketsPerBuyer < 1) {
            throw new IllegalArgumentException("maxTicketsPerBuyer must be at least 1, was " + maxTicketsPerBuyer);
        }
        if (saleStartsAt != null && saleEndsAt != null && !saleEndsAt.isAfter(saleStartsAt)) {
            throw new IllegalArgumentException("saleEndsAt must be after saleStartsAt");
        }
    }

    /** Reads the JSON form; a missing (or null) {@code maxTicketsPerBuyer} or {@code waitingRoom} is an event older than the field. */
    @JsonCreator
    static ConcertDetails fromJson(@JsonProperty("ownerId") long ownerId, @JsonProperty("name") String name,
                                   @JsonProperty("startTime") Instant startTime,
                                   @JsonProperty("auditoriumId") long auditoriumId,
                                   @JsonProperty("auditoriumName") String auditoriumName,
                                   @JsonProperty("layout") SeatingLayout layout,
                                   @JsonProperty("grades") List<SeatGrade> grades,
                                   @JsonProperty("maxTicketsPerBuyer") Integer maxTicketsPerBuyer,
                                   @JsonProperty("saleStartsAt") Instant saleStartsAt,
                                   @JsonProperty("saleEndsAt") Instant saleEndsAt,
                                   @JsonProperty("waitingRoom") Boolean waitingRoom) {
        return new ConcertDetails(ownerId, name, startTime, auditoriumId, auditoriumName, layout, grades,
                maxTicketsPerBuyer == null ? DEFAULT_MAX_TICKETS_PER_BUYER : maxTicketsPerBuyer, saleStartsAt,
                saleEndsAt, Boolean.TRUE.equals(waitingRoom));
    }

    /** A concert on sale from the start, without a waiting room. */
    public ConcertDetails(long ownerId, String name, Instant startTime, long auditoriumId, String auditoriumName,
                          SeatingLayout layout, List<SeatGrade> grades, int maxTicketsPerBuyer) {
        this(ownerId, name, startTime, auditoriumId, auditoriumName, layout, grades, maxTicketsPerBuyer, null, null, false);
    }

    /** A concert with the default buyer limit. */
    public ConcertDetails(long ownerId, String name, Instant startTime, long auditoriumId, String auditoriumName,
                          SeatingLayout layout, List<SeatGrade> grades) {
        this(ownerId, name, startTime, auditoriumId, auditoriumName, layout, grades, DEFAULT_MAX_TICKETS_PER_BUYER);
    }

    /** The grade that covers the seat, or {@code null} when no grade covers it. */
    public SeatGrade gradeOf(SeatId seat) {
        for (SeatGrade grade : grades) {
            if (grade.covers(seat)) {
                return grade;
            }
        }
        return null;
    }
}
