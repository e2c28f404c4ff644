package com.tickitecking.reservation.queue;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * Everyone who joined before the opening, pseudonymously, for the fairness check: sort {@code places} by
 * hex(SHA-256(seed + ":" + pseudonym)) ascending and compare with their positions; SHA-256(seed bytes) must equal
 * the commitment published before the opening.
 *
 * @param seed   null until the shuffle
 * @param places in join order
 */
public record PreQueue(long concertId, String commitment, @Nullable String seed, List<Place> places) {

    /** @param position null until the shuffle */
    public record Place(String pseudonym, @Nullable Long position) {
    }
}
