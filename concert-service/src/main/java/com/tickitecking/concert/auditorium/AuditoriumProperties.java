package com.tickitecking.concert.auditorium;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param maxSeats the most seats one venue may have (a large stadium fits; a typo of three extra zeros does not) */
@ConfigurationProperties("tickitecking.auditoriums")
public record AuditoriumProperties(int maxSeats) {

    public AuditoriumProperties {
        maxSeats = maxSeats <= 0 ? 100_000 : maxSeats;
    }
}
