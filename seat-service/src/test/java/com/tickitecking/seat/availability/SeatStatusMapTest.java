package com.tickitecking.seat.availability;

import com.tickitecking.seat.seat.SeatStatus;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeatStatusMapTest {

    @Test
    void putsEachSeatInTwoBitsFirstSeatMostSignificant() {
        var map = new SeatStatusMap(9).set(0, SeatStatus.HELD).set(3, SeatStatus.BLOCKED).set(4, SeatStatus.RESERVED);

        byte[] bytes = Base64.getDecoder().decode(map.base64());

        assertThat(bytes).containsExactly(0b01_00_00_11, 0b10_00_00_00, 0);
        assertThat(map.statusOf(0)).isEqualTo(SeatStatus.HELD);
        assertThat(map.statusOf(3)).isEqualTo(SeatStatus.BLOCKED);
        assertThat(map.statusOf(4)).isEqualTo(SeatStatus.RESERVED);
        assertThat(map.statusOf(8)).isEqualTo(SeatStatus.AVAILABLE);
    }

    @Test
    void countsEveryStatus() {
        var map = new SeatStatusMap(10).set(1, SeatStatus.BLOCKED).set(2, SeatStatus.BLOCKED).set(5, SeatStatus.HELD);

        assertThat(map.count(SeatStatus.AVAILABLE)).isEqualTo(7);
        assertThat(map.count(SeatStatus.BLOCKED)).isEqualTo(2);
        assertThat(map.count(SeatStatus.HELD)).isEqualTo(1);
        assertThat(map.count(SeatStatus.RESERVED)).isZero();
    }

    @Test
    void aStadiumIsFifteenThousandBytes() {
        assertThat(Base64.getDecoder().decode(new SeatStatusMap(60_000).base64())).hasSize(15_000);
    }

    @Test
    void refusesASeatOutsideTheLayout() {
        assertThatThrownBy(() -> new SeatStatusMap(4).set(4, SeatStatus.HELD)).isInstanceOf(IllegalArgumentException.class);
    }
}
