package com.tickitecking.reservation.reservation;

import com.tickitecking.events.ReservationCancelled;
import com.tickitecking.events.ReservationConfirmed;
import com.tickitecking.events.ReservationExpired;
import com.tickitecking.platform.domain.DomainException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.tickitecking.reservation.reservation.ReservationStatus.CANCELLED;
import static com.tickitecking.reservation.reservation.ReservationStatus.CONFIRMED;
import static com.tickitecking.reservation.reservation.ReservationStatus.EXPIRED;
import static com.tickitecking.reservation.reservation.ReservationStatus.HELD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The reservation's state machine: HELD → CONFIRMED, HELD/CONFIRMED → CANCELLED, a lapsed HELD → EXPIRED. */
class ReservationTest {

    private static final Instant HELD_AT = Instant.parse("2030-05-01T18:00:00Z");
    private static final Instant EXPIRES_AT = HELD_AT.plus(Duration.ofMinutes(10));
    private static final Instant BEFORE_EXPIRY = EXPIRES_AT.minusSeconds(1);
    private static final Instant CONFIRMED_AT = HELD_AT.plusSeconds(30);

    @Test
    void confirmingAHoldMakesItConfirmedAtThatTimeWithTheNextRevision() {
        Reservation held = reservation(HELD, 1);

        ReservationChange change = held.confirm(BEFORE_EXPIRY).orElseThrow();

        assertThat(change.after().status()).isEqualTo(CONFIRMED);
        assertThat(change.after().revision()).isEqualTo(2);
        assertThat(change.after().confirmedAt()).isEqualTo(BEFORE_EXPIRY);
        assertThat(change.after().endedAt()).isNull();
        assertThat(change.event()).isInstanceOfSatisfying(ReservationConfirmed.class, event -> {
            assertThat(event.reservationId()).isEqualTo(42);
            assertThat(event.concertId()).isEqualTo(7);
            assertThat(event.userId()).isEqualTo(99);
            assertThat(event.seats()).containsExactly("FLOOR-A-1", "FLOOR-A-2");
            assertThat(event.revision()).isEqualTo(2);
        });
    }

    @Test
    void confirmingTwiceChangesNothingTheSecondTime() {
        assertThat(reservation(CONFIRMED, 2).confirm(BEFORE_EXPIRY)).isEmpty();
    }

    @Test
    void confirmingACancelledReservationIsRefusedNamingItsState() {
        var refusal = refused(() -> reservation(CANCELLED, 2).confirm(BEFORE_EXPIRY));

        assertThat(refusal.getMessage()).isEqualTo("This reservation is CANCELLED.");
        assertThat(refusal.expiry()).as("nothing left to write down").isEmpty();
    }

    @Test
    void confirmingAnExpiredReservationIsRefusedNamingItsState() {
        var refusal = refused(() -> reservation(EXPIRED, 2).confirm(EXPIRES_AT.plusSeconds(60)));

        assertThat(refusal.getMessage()).isEqualTo("This reservation is EXPIRED.");
        assertThat(refusal.expiry()).isEmpty();
    }

    @Test
    void confirmingAHoldThatRanOutIsRefusedAndCarriesItsExpiry() {
        var refusal = refused(() -> reservation(HELD, 1).confirm(EXPIRES_AT));

        assertThat(refusal.getMessage()).isEqualTo("This hold has expired; its seats were released.");
        assertExpiredAt(refusal.expiry().orElseThrow(), EXPIRES_AT);
    }

    @Test
    void aHoldRunsOutAtItsExpiryInstantNotBefore() {
        Reservation held = reservation(HELD, 1);

        assertThat(held.isLapsedHoldAt(EXPIRES_AT.minusNanos(1))).isFalse();
        assertThat(held.isLapsedHoldAt(EXPIRES_AT)).isTrue();
        assertThat(held.confirm(EXPIRES_AT.minusNanos(1))).isPresent();
    }

    @Test
    void cancellingAHoldEndsItAndFreesItsSeats() {
        ReservationChange change = reservation(HELD, 1).cancel(BEFORE_EXPIRY).orElseThrow();

        assertThat(change.after().status()).isEqualTo(CANCELLED);
        assertThat(change.after().status().occupiesSeats()).isFalse();
        assertThat(change.after().revision()).isEqualTo(2);
        assertThat(change.after().endedAt()).isEqualTo(BEFORE_EXPIRY);
        assertThat(change.after().confirmedAt()).isNull();
        assertThat(change.event()).isInstanceOfSatisfying(ReservationCancelled.class, event -> {
            assertThat(event.reservationId()).isEqualTo(42);
            assertThat(event.seats()).containsExactly("FLOOR-A-1", "FLOOR-A-2");
            assertThat(event.revision()).isEqualTo(2);
        });
    }

    @Test
    void cancellingAConfirmedReservationEndsItAndKeepsWhenItWasConfirmed() {
        Instant later = EXPIRES_AT.plus(Duration.ofDays(1));

        ReservationChange change = reservation(CONFIRMED, 2).cancel(later).orElseThrow();

        assertThat(change.after().status()).isEqualTo(CANCELLED);
        assertThat(change.after().revision()).isEqualTo(3);
        assertThat(change.after().confirmedAt()).isEqualTo(CONFIRMED_AT);
        assertThat(change.after().endedAt()).isEqualTo(later);
        assertThat(change.event()).isInstanceOfSatisfying(ReservationCancelled.class,
                event -> assertThat(event.revision()).isEqualTo(3));
    }

    @Test
    void cancellingTwiceChangesNothingTheSecondTime() {
        assertThat(reservation(CANCELLED, 2).cancel(BEFORE_EXPIRY)).isEmpty();
    }

    @Test
    void cancellingAnExpiredReservationIsRefused() {
        var refusal = refused(() -> reservation(EXPIRED, 2).cancel(EXPIRES_AT.plusSeconds(60)));

        assertThat(refusal.getMessage()).isEqualTo("This hold has already expired; its seats were released.");
        assertThat(refusal.expiry()).isEmpty();
    }

    @Test
    void cancellingAHoldThatRanOutIsRefusedAndCarriesItsExpiry() {
        Instant late = EXPIRES_AT.plusSeconds(5);

        var refusal = refused(() -> reservation(HELD, 1).cancel(late));

        assertThat(refusal.getMessage()).isEqualTo("This hold has already expired; its seats were released.");
        assertExpiredAt(refusal.expiry().orElseThrow(), late);
    }

    @Test
    void aRefusedChangeIsAConflict() {
        var refusal = refused(() -> reservation(CANCELLED, 2).confirm(BEFORE_EXPIRY));

        assertThat(refusal.kind()).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(refusal.title()).isEqualTo("Conflict");
        assertThat(refusal.properties()).as("no problem members beyond the detail").isEmpty();
    }

    @Test
    void aHoldThatRanOutExpires() {
        Instant late = EXPIRES_AT.plusSeconds(5);

        assertExpiredAt(reservation(HELD, 1).expire(late).orElseThrow(), late);
    }

    @Test
    void aHoldStillRunningDoesNotExpire() {
        assertThat(reservation(HELD, 1).expire(BEFORE_EXPIRY)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = ReservationStatus.class, names = {"CONFIRMED", "CANCELLED", "EXPIRED"})
    void onlyAHoldExpiresHoweverLateItIs(ReservationStatus status) {
        assertThat(reservation(status, 2).expire(EXPIRES_AT.plus(Duration.ofDays(1)))).isEmpty();
    }

    @Test
    void aHoldThatRanOutReadsExpiredBeforeItIsWrittenDown() {
        assertThat(reservation(HELD, 1).statusAt(BEFORE_EXPIRY)).isEqualTo(HELD);
        assertThat(reservation(HELD, 1).statusAt(EXPIRES_AT)).isEqualTo(EXPIRED);
        assertThat(reservation(CONFIRMED, 2).statusAt(EXPIRES_AT)).as("a confirmed one never runs out").isEqualTo(CONFIRMED);
    }

    private static ReservationAlreadyEnded refused(ThrowingCallable change) {
        Throwable thrown = catchThrowable(change);
        assertThat(thrown).isInstanceOf(ReservationAlreadyEnded.class);
        return (ReservationAlreadyEnded) thrown;
    }

    private static void assertExpiredAt(ReservationChange expiry, Instant at) {
        assertThat(expiry.after().status()).isEqualTo(EXPIRED);
        assertThat(expiry.after().revision()).isEqualTo(2);
        assertThat(expiry.after().endedAt()).isEqualTo(at);
        assertThat(expiry.event()).isInstanceOfSatisfying(ReservationExpired.class, event -> {
            assertThat(event.reservationId()).isEqualTo(42);
            assertThat(event.userId()).isEqualTo(99);
            assertThat(event.seats()).containsExactly("FLOOR-A-1", "FLOOR-A-2");
            assertThat(event.revision()).isEqualTo(2);
        });
    }

    /** Reservation 42 of user 99 for two seats of concert 7, in the given state. */
    private static Reservation reservation(ReservationStatus status, long revision) {
        Instant confirmedAt = status == CONFIRMED || revision > 2 ? CONFIRMED_AT : null;
        Instant endedAt = status.occupiesSeats() ? null : EXPIRES_AT;
        return new Reservation(42, 7, "Test Concert", HELD_AT.plus(Duration.ofDays(30)), 99, status,
                new BigDecimal("100.00"), revision, HELD_AT, EXPIRES_AT, confirmedAt, endedAt, "token",
                List.of(new Reservation.ReservedSeat("FLOOR-A-1", "R", new BigDecimal("50.00")),
                        new Reservation.ReservedSeat("FLOOR-A-2", "R", new BigDecimal("50.00"))));
    }
}
