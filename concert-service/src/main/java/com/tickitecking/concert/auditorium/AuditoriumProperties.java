package com.tickitecking.concert.auditorium;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How big a venue may be.
 *
 * @param maxSeats the most seats one venue may have (a large stadium fits; a typo of three extra zeros does not)
 * @param maxRows  the most rows one venue may have, in all its sections. Every row travels in each event of a
 *                 concert there, and an event must fit in one SQS message: with 4,000 rows, 100 sections and
 *                 every name and label at its longest (worst-case JSON escaping), a concert whose grades name
 *                 whole sections still has about 47 KB to spare. Grades that list rows one by one are checked
 *                 when the concert is saved ({@code ConcertPublisher}).
 */
@ConfigurationProperties("tickitecking.auditoriums")
public record AuditoriumProperties(int maxSeats, int maxRows) {

    public AuditoriumProperties {
        maxSeats = maxSeats <= 0 ? 100_000 : maxSeats;
        maxRows = maxRows <= 0 ? 4_000 : maxRows;
    }
}
