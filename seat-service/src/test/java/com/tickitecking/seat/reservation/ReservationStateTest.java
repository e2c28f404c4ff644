package com.tickitecking.seat.reservation;

import com.tickitecking.events.ReservationCancelled;
import com.tickitecking.events.ReservationConfirmed;
import com.tickitecking.events.ReservationCreated;
import com.tickitecking.events.ReservationExpired;
import com.tickitecking.seat.seat.Seat;
import com.tickitecking.seat.seat.SeatStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReservationStateTest {

    static final List<String> SEATS = List.of("FLOOR-A-1");

    static ReservationState created(long reservation, long revision) {
        return ReservationState.of(ReservationCreated.of(reservation, 7, 5, SEATS, revision, Instant.now().plusSeconds(600)));
    }

    static ReservationState cancelled(long reservation, long revision) {
        return ReservationState.of(ReservationCancelled.of(reservation, 7, 5, SEATS, revision));
    }

    static Seat seat(SeatStatus status, Long reservation) {
        return new Seat(7, 0, "FLOOR-A-1", status, reservation, 0);
    }

    @Test
    void eachEventAnnouncesItsStatusAndRevision() {
        assertThat(created(1, 1)).isEqualTo(new ReservationState(1, 7, 1, ReservationStatus.HELD));
        assertThat(ReservationState.of(ReservationConfirmed.of(1, 7, 5, SEATS, 2)).status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(cancelled(1, 2).status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(ReservationState.of(ReservationExpired.of(1, 7, 5, SEATS, 2)).status()).isEqualTo(ReservationStatus.EXPIRED);
    }

    @Test
    void onlyANewerRevisionSupersedesWhatWasApplied() {
        assertThat(cancelled(1, 2).supersedes(created(1, 1))).isTrue();
        assertThat(created(1, 1).supersedes(cancelled(1, 2))).as("a Created that a Cancelled overtook").isFalse();
        assertThat(created(1, 1).supersedes(created(1, 1))).as("a duplicate").isFalse();
    }

    @Test
    void heldHoldsConfirmedReservesAndCancelledOrExpiredFreeTheSeat() {
        Seat held = created(30, 1).applyTo(seat(SeatStatus.AVAILABLE, null));
        Seat reserved = ReservationState.of(ReservationConfirmed.of(30, 7, 5, SEATS, 2)).applyTo(held);

        assertThat(held).isEqualTo(seat(SeatStatus.HELD, 30L));
        assertThat(reserved).isEqualTo(seat(SeatStatus.RESERVED, 30L));
        assertThat(cancelled(30, 3).applyTo(reserved)).isEqualTo(seat(SeatStatus.AVAILABLE, null));
        assertThat(ReservationState.of(ReservationExpired.of(30, 7, 5, SEATS, 2)).applyTo(held))
                .isEqualTo(seat(SeatStatus.AVAILABLE, null));
    }

    @Test
    void aReleaseOfOneReservationLeavesASeatAnotherReservationHas() {
        Seat heldByNewer = seat(SeatStatus.HELD, 31L);

        assertThat(cancelled(30, 2).applyTo(heldByNewer)).isEqualTo(heldByNewer);
    }
}
