package com.tickitecking.reservation.reservation;

import com.tickitecking.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** What the seat guard's refusals tell a client (the problem document's members come from these). */
class SeatGuardRefusalsTest {

    @Test
    void seatsTakenIsAConflictNamingTheSeats() {
        var taken = new SeatsTaken(List.of("FLOOR-A-4", "FLOOR-A-5"));

        assertThat(taken.kind()).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(taken.title()).isEqualTo("Conflict");
        assertThat(taken.getMessage()).isEqualTo("Seats already taken: FLOOR-A-4, FLOOR-A-5");
        assertThat(taken.properties()).containsExactly(entry("reason", "taken"),
                entry("seats", List.of("FLOOR-A-4", "FLOOR-A-5")));
        assertThat(taken.retryAfter()).as("taken stays taken: no point retrying").isEmpty();
    }

    @Test
    void unreachableRedisAsksTheClientToRetryInASecond() {
        var unavailable = new ReservationsUnavailable();

        assertThat(unavailable.kind()).isEqualTo(DomainException.Kind.UNAVAILABLE);
        assertThat(unavailable.title()).isEqualTo("Service unavailable");
        assertThat(unavailable.getMessage()).isEqualTo("Reservations are unavailable right now; try again shortly.");
        assertThat(unavailable.retryAfter()).contains(Duration.ofSeconds(1));
        assertThat(unavailable.properties()).containsExactly(entry("retryAfterSeconds", 1L));
    }
}
