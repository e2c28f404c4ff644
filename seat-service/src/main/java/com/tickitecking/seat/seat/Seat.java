package com.tickitecking.seat.seat;

import com.tickitecking.events.SeatBlocked;
import com.tickitecking.events.SeatEvent;
import com.tickitecking.events.SeatUnblocked;
import com.tickitecking.platform.domain.DomainException;

import java.util.Objects;
import java.util.Optional;

/**
 * One seat of a concert and the rules of its status (see {@link SeatStatus}). Immutable: every change returns the
 * seat after it, which is this same seat when the rule says the change does not apply.
 *
 * @param index         the seat's position in SeatIndex order (its bit in the availability bitmap)
 * @param reservationId the reservation that holds or bought the seat, null when none does
 * @param blockRevision how many times the owner blocked or unblocked it (the revision of SeatBlocked/SeatUnblocked)
 */
public record Seat(long concertId, int index, String label, SeatStatus status, Long reservationId, long blockRevision) {

    public Seat {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(status, "status");
    }

    /** A reservation holds the seat (ReservationCreated). See {@link #claimedBy} for when it does not. */
    public Seat heldBy(long reservation) {
        return claimedBy(reservation, SeatStatus.HELD);
    }

    /** A reservation buys the seat (ReservationConfirmed). See {@link #claimedBy} for when it does not. */
    public Seat reservedBy(long reservation) {
        return claimedBy(reservation, SeatStatus.RESERVED);
    }

    /**
     * The seat goes to the reservation unless the owner blocked it or a newer reservation (higher id: reservation
     * ids only grow) has it. A seat an older reservation still has is taken over: reservation-service never gives
     * one seat to two live reservations, so that older reservation's release must merely be late.
     */
    private Seat claimedBy(long reservation, SeatStatus taken) {
        if (status == SeatStatus.BLOCKED || (reservationId != null && reservationId > reservation)) {
            return this;
        }
        return new Seat(concertId, index, label, taken, reservation, blockRevision);
    }

    /**
     * The reservation lets the seat go (ReservationCancelled, ReservationExpired): it is free again if this
     * reservation still has it; a seat another reservation has by now stays as it is.
     */
    public Seat releasedBy(long reservation) {
        if (reservationId == null || reservationId != reservation) {
            return this;
        }
        return new Seat(concertId, index, label, SeatStatus.AVAILABLE, null, blockRevision);
    }

    /** The owner can only take a seat off sale (BLOCKED) or put it back (AVAILABLE). */
    public static void checkBlockTarget(SeatStatus target) {
        if (target != SeatStatus.BLOCKED && target != SeatStatus.AVAILABLE) {
            throw DomainException.invalid("status", "must be BLOCKED or AVAILABLE");
        }
    }

    /**
     * The owner blocks (BLOCKED) or unblocks (AVAILABLE) the seat. A seat a reservation has cannot be either
     * ({@link SeatTaken}); asking for the status the seat already has changes nothing and publishes nothing.
     * A change counts up the block revision and announces it.
     */
    public BlockChange changeBlock(SeatStatus target) {
        checkBlockTarget(target);
        if (status.isTaken()) {
            throw new SeatTaken(label, status);
        }
        if (status == target) {
            return new BlockChange(this, Optional.empty());
        }
        long revision = blockRevision + 1;
        Seat after = new Seat(concertId, index, label, target, reservationId, revision);
        SeatEvent event = target == SeatStatus.BLOCKED
                ? SeatBlocked.of(concertId, label, revision)
                : SeatUnblocked.of(concertId, label, revision);
        return new BlockChange(after, Optional.of(event));
    }

    /** The seat after a block or unblock, and the event to publish (none when nothing changed). */
    public record BlockChange(Seat seat, Optional<SeatEvent> event) {
    }
}
