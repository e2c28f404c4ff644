package com.tickitecking.concert.auditorium;

import com.tickitecking.events.SeatingLayout;

import java.time.Instant;

/** A venue as its owner sees it, with the layout expanded into rows. */
public record AuditoriumResponse(long id, long ownerId, String name, String address, int totalSeats,
                                 SeatingLayout layout, Instant createdAt) {

    public static AuditoriumResponse of(Auditorium auditorium) {
        return new AuditoriumResponse(auditorium.getId(), auditorium.getOwnerId(), auditorium.getName(),
                auditorium.getAddress(), auditorium.getTotalSeats(), auditorium.getLayout(), auditorium.getCreatedAt());
    }
}
