package com.tickitecking.concert.availability;

import com.tickitecking.events.ReservationCancelled;
import com.tickitecking.events.ReservationConfirmed;
import com.tickitecking.events.ReservationCreated;
import com.tickitecking.events.ReservationExpired;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CountedReservationTest {

    static final List<String> TWO_SEATS = List.of("A-A-1", "A-A-2");

    @Test
    void aHeldOrConfirmedReservationTakesItsSeats() {
        var held = CountedReservation.after(ReservationCreated.of(1, 10, 100, TWO_SEATS, 1, Instant.now()));
        var confirmed = CountedReservation.after(ReservationConfirmed.of(1, 10, 100, TWO_SEATS, 2));

        assertThat(held).isEqualTo(new CountedReservation(ReservationState.HELD, 2, 1));
        assertThat(held.seatsTaken()).isEqualTo(2);
        assertThat(confirmed.state()).isEqualTo(ReservationState.CONFIRMED);
        assertThat(confirmed.seatsTaken()).isEqualTo(2);
    }

    @Test
    void aCancelledOrExpiredReservationTakesNone() {
        var cancelled = CountedReservation.after(ReservationCancelled.of(1, 10, 100, TWO_SEATS, 2));
        var expired = CountedReservation.after(ReservationExpired.of(1, 10, 100, TWO_SEATS, 2));

        assertThat(cancelled.state()).isEqualTo(ReservationState.CANCELLED);
        assertThat(cancelled.seatsTaken()).isZero();
        assertThat(expired.state()).isEqualTo(ReservationState.EXPIRED);
        assertThat(expired.seatsTaken()).isZero();
    }

    @Test
    void onlyAHigherRevisionReplacesWhatIsStored() {
        var cancelled = new CountedReservation(ReservationState.CANCELLED, 2, 2);
        var lateCreated = new CountedReservation(ReservationState.HELD, 2, 1);
        var sameAgain = new CountedReservation(ReservationState.CANCELLED, 2, 2);

        assertThat(cancelled.isNewerThan(lateCreated)).isTrue();
        assertThat(lateCreated.isNewerThan(cancelled)).isFalse();
        assertThat(sameAgain.isNewerThan(cancelled)).isFalse();
    }
}
