package com.tickitecking.seat.seat;

import com.tickitecking.events.SeatBlocked;
import com.tickitecking.events.SeatUnblocked;
import com.tickitecking.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeatTest {

    static final long CONCERT = 7;

    static Seat seat(SeatStatus status, Long reservation) {
        return new Seat(CONCERT, 12, "FLOOR-B-3", status, reservation, 0);
    }

    static Seat free() {
        return seat(SeatStatus.AVAILABLE, null);
    }

    // ---- reservations: free → held → reserved, and back to free --------------------------------------------

    @Test
    void aFreeSeatIsHeldThenReservedByTheSameReservation() {
        Seat held = free().heldBy(30);
        Seat reserved = held.reservedBy(30);

        assertThat(held.status()).isEqualTo(SeatStatus.HELD);
        assertThat(held.reservationId()).isEqualTo(30);
        assertThat(reserved.status()).isEqualTo(SeatStatus.RESERVED);
        assertThat(reserved.reservationId()).isEqualTo(30);
    }

    @Test
    void aReleaseFreesTheSeatOfItsOwnReservation() {
        Seat released = seat(SeatStatus.RESERVED, 30L).releasedBy(30);

        assertThat(released.status()).isEqualTo(SeatStatus.AVAILABLE);
        assertThat(released.reservationId()).isNull();
    }

    @Test
    void aLateReleaseOfAnOlderReservationLeavesTheSeatToTheNewerOne() {
        Seat heldByNewer = seat(SeatStatus.HELD, 31L);

        assertThat(heldByNewer.releasedBy(30)).isEqualTo(heldByNewer);
        assertThat(free().releasedBy(30)).isEqualTo(free());
    }

    @Test
    void aLateHoldOfAnOlderReservationDoesNotTakeTheSeatFromANewerOne() {
        Seat heldByNewer = seat(SeatStatus.HELD, 41L);

        assertThat(heldByNewer.heldBy(40)).isEqualTo(heldByNewer);
        assertThat(seat(SeatStatus.RESERVED, 41L).reservedBy(40).reservationId()).isEqualTo(41);
    }

    @Test
    void aNewerReservationTakesOverASeatAnOlderOneStillHas() {
        Seat taken = seat(SeatStatus.HELD, 30L).heldBy(31);

        assertThat(taken.status()).isEqualTo(SeatStatus.HELD);
        assertThat(taken.reservationId()).isEqualTo(31);
    }

    @Test
    void aBlockedSeatIsNeverClaimedByAReservation() {
        Seat blocked = seat(SeatStatus.BLOCKED, null);

        assertThat(blocked.heldBy(30)).isEqualTo(blocked);
        assertThat(blocked.reservedBy(30)).isEqualTo(blocked);
    }

    // ---- the owner: available ⇄ blocked --------------------------------------------------------------------

    @Test
    void blockingAFreeSeatCountsUpItsRevisionAndAnnouncesSeatBlocked() {
        Seat.BlockChange change = free().changeBlock(SeatStatus.BLOCKED);

        assertThat(change.seat().status()).isEqualTo(SeatStatus.BLOCKED);
        assertThat(change.seat().blockRevision()).isEqualTo(1);
        assertThat(change.event()).get().isInstanceOfSatisfying(SeatBlocked.class, event -> {
            assertThat(event.concertId()).isEqualTo(CONCERT);
            assertThat(event.seat()).isEqualTo("FLOOR-B-3");
            assertThat(event.revision()).isEqualTo(1);
        });
    }

    @Test
    void unblockingPutsTheSeatBackOnSaleWithTheNextRevision() {
        Seat blocked = new Seat(CONCERT, 12, "FLOOR-B-3", SeatStatus.BLOCKED, null, 1);

        Seat.BlockChange change = blocked.changeBlock(SeatStatus.AVAILABLE);

        assertThat(change.seat().status()).isEqualTo(SeatStatus.AVAILABLE);
        assertThat(change.seat().blockRevision()).isEqualTo(2);
        assertThat(change.event()).get().isInstanceOfSatisfying(SeatUnblocked.class,
                event -> assertThat(event.revision()).isEqualTo(2));
    }

    @Test
    void askingForTheStatusASeatHasChangesAndAnnouncesNothing() {
        Seat blocked = new Seat(CONCERT, 12, "FLOOR-B-3", SeatStatus.BLOCKED, null, 3);

        Seat.BlockChange change = blocked.changeBlock(SeatStatus.BLOCKED);

        assertThat(change.seat()).isEqualTo(blocked);
        assertThat(change.event()).isEmpty();
    }

    @Test
    void aSeatAReservationHasCanNeitherBeBlockedNorUnblocked() {
        assertThatThrownBy(() -> seat(SeatStatus.HELD, 30L).changeBlock(SeatStatus.BLOCKED))
                .isInstanceOfSatisfying(SeatTaken.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                    assertThat(e.getMessage()).isEqualTo("Seat FLOOR-B-3 is HELD by a reservation.");
                    assertThat(e.properties()).containsEntry("seatStatus", "HELD");
                });
        assertThatThrownBy(() -> seat(SeatStatus.RESERVED, 30L).changeBlock(SeatStatus.AVAILABLE))
                .isInstanceOf(SeatTaken.class);
    }

    @Test
    void theOwnerCanOnlyChooseBlockedOrAvailable() {
        for (SeatStatus reservationOnly : new SeatStatus[]{SeatStatus.HELD, SeatStatus.RESERVED}) {
            assertThatThrownBy(() -> free().changeBlock(reservationOnly))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
                        assertThat(e.properties().get("errors")).asList().singleElement()
                                .isEqualTo(new DomainException.FieldError("status", "must be BLOCKED or AVAILABLE"));
                    });
        }
    }
}
