package com.tickitecking.reservation.reservation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param holdTime        how long HELD seats are kept for the user before they are free again
 * @param maxSeats        most seats one reservation may hold
 * @param sweepInterval   how often expired holds are written down as EXPIRED (they stop blocking at once anyway);
 *                        {@link HoldExpirySweeper}'s {@code @Scheduled} reads the same property
 * @param sweepBatchSize  holds expired per sweeper transaction
 * @param lockWait        longest wait for the per-seat locks before answering 409 "try again"
 * @param lockLease       how long a seat lock lives if its holder dies (longer than any hold transaction)
 * @param idempotencyTtl  how long an Idempotency-Key's answer is remembered in Redis (the database keeps it too)
 * @param inFlightTtl     how long a request in progress keeps its Idempotency-Key to itself
 * @param bestSeatAttempts how many blocks a "best seats" hold tries, best first, when rivals take the better ones
 * @param idempotencyRestore whether the Idempotency-Keys of the last TTL are restored into Redis from the database
 *                        when a shard's watermark is young ({@link IdempotencyKeysRestore})
 * @param idempotencyRestorePage reservation rows the restore reads (and writes to Redis) at a time
 */
@ConfigurationProperties("tickitecking.reservation")
public record ReservationProperties(@DefaultValue("10m") Duration holdTime,
                                    @DefaultValue("8") int maxSeats,
                                    @DefaultValue("5s") Duration sweepInterval,
                                    @DefaultValue("100") int sweepBatchSize,
                                    @DefaultValue("2s") Duration lockWait,
                                    @DefaultValue("10s") Duration lockLease,
                                    @DefaultValue("24h") Duration idempotencyTtl,
                                    @DefaultValue("30s") Duration inFlightTtl,
                                    @DefaultValue("3") int bestSeatAttempts,
                                    @DefaultValue("true") boolean idempotencyRestore,
                                    @DefaultValue("1000") int idempotencyRestorePage) {
}
