package com.tickitecking.concert.concert;

import com.tickitecking.platform.domain.DomainException;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * When a concert's seats may be held, and whether buyers queue in the waiting room first. Both ends are optional:
 * no {@code startsAt} is on sale from the start, no {@code endsAt} until the concert starts. The window lies
 * before the concert: it opens before the concert starts, ends after it opens and no later than the start.
 *
 * <p>The waiting room is the organiser's choice; left out on a new concert it is on when the sale opens in the
 * future (a rush is coming) and off otherwise. Left out on a replacement it stays as it was: an edit of the
 * name must not open the doors of a queue mid-sale.
 */
record SaleWindow(@Nullable Instant startsAt, @Nullable Instant endsAt, boolean waitingRoom) {

    static final String STARTS_AT = "saleStartsAt";
    static final String ENDS_AT = "saleEndsAt";

    /**
     * The window of a new concert starting at {@code concertStart}, created at {@code now}.
     *
     * @throws DomainException invalid {@code saleStartsAt} or {@code saleEndsAt}
     */
    static SaleWindow of(@Nullable Instant startsAt, @Nullable Instant endsAt, @Nullable Boolean waitingRoom,
                         Instant concertStart, Instant now) {
        check(startsAt, endsAt, concertStart);
        boolean queue = waitingRoom != null ? waitingRoom : startsAt != null && startsAt.isAfter(now);
        return new SaleWindow(startsAt, endsAt, queue);
    }

    /**
     * This window replaced by the one asked for, for a concert now starting at {@code concertStart}; a left-out
     * {@code waitingRoom} keeps this one's.
     *
     * @throws DomainException invalid {@code saleStartsAt} or {@code saleEndsAt}
     */
    SaleWindow replacedBy(@Nullable Instant newStartsAt, @Nullable Instant newEndsAt, @Nullable Boolean newWaitingRoom,
                          Instant concertStart) {
        check(newStartsAt, newEndsAt, concertStart);
        return new SaleWindow(newStartsAt, newEndsAt, newWaitingRoom != null ? newWaitingRoom : waitingRoom);
    }

    private static void check(@Nullable Instant startsAt, @Nullable Instant endsAt, Instant concertStart) {
        // an opening at the start itself would be a window of no time at all
        if (startsAt != null && !startsAt.isBefore(concertStart)) {
            throw DomainException.invalid(STARTS_AT, "must be before the concert's startTime (" + concertStart + ")");
        }
        if (endsAt != null && endsAt.isAfter(concertStart)) {
            throw DomainException.invalid(ENDS_AT, "must not be after the concert's startTime (" + concertStart + ")");
        }
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            throw DomainException.invalid(ENDS_AT, "must be after saleStartsAt (" + startsAt + ")");
        }
    }
}
