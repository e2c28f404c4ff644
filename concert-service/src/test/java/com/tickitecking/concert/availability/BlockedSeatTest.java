package com.tickitecking.concert.availability;

import com.tickitecking.events.SeatBlocked;
import com.tickitecking.events.SeatUnblocked;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BlockedSeatTest {

    @Test
    void aBlockedSeatIsOneSeatOffSaleAndAnUnblockedOneNone() {
        var blocked = BlockedSeat.after(SeatBlocked.of(10, "A-A-1", 1));
        var unblocked = BlockedSeat.after(SeatUnblocked.of(10, "A-A-1", 2));

        assertThat(blocked).isEqualTo(new BlockedSeat(true, 1));
        assertThat(blocked.seatsBlocked()).isEqualTo(1);
        assertThat(unblocked).isEqualTo(new BlockedSeat(false, 2));
        assertThat(unblocked.seatsBlocked()).isZero();
    }

    @Test
    void onlyAHigherRevisionReplacesWhatIsStored() {
        var unblocked = new BlockedSeat(false, 2);
        var lateBlock = new BlockedSeat(true, 1);

        assertThat(unblocked.isNewerThan(lateBlock)).isTrue();
        assertThat(lateBlock.isNewerThan(unblocked)).isFalse();
        assertThat(new BlockedSeat(false, 2).isNewerThan(unblocked)).isFalse();
    }
}
