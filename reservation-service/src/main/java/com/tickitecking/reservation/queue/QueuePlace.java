package com.tickitecking.reservation.queue;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * The caller's place in a concert's waiting room.
 *
 * @param position             1 = first; null in the pre-queue before the shuffle
 * @param ahead                places still waiting before this one (0 in the pre-queue)
 * @param estimatedWaitSeconds from the measured admission rate; null before admissions start or when not waiting
 * @param pollAfterSeconds     while WAITING: ask again after this long (by the distance to the front: far back
 *                             10–20 s, near it 1 s; before the opening, at the opening); null: stop polling
 * @param pseudonym            the random public id of this place, as listed in the pre-queue for the fairness check
 * @param admissionToken       once ADMITTED: send it as the {@code Admission-Token} header of a hold
 * @param admittedAt           once ADMITTED: when the place was admitted
 * @param admissionExpiresAt   once ADMITTED: when the admission and its token end
 */
public record QueuePlace(long concertId, PlaceStatus status, @Nullable Long position, long ahead,
                         @Nullable Long estimatedWaitSeconds, @Nullable Long pollAfterSeconds, String pseudonym,
                         @Nullable String admissionToken, @Nullable Instant admittedAt, @Nullable Instant admissionExpiresAt) {
}
