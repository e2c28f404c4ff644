package com.tickitecking.seat.availability;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeatBitmapTest {

    @Test
    void seatZeroIsTheMostSignificantBitOfTheFirstByte() {
        SeatBitmap bitmap = SeatBitmap.of(64, 0);

        assertThat(bitmap.bytes()).containsExactly(0x80, 0, 0, 0, 0, 0, 0, 0);
        assertThat(bitmap.base64()).isEqualTo("gAAAAAAAAAA=");
    }

    @Test
    void seatIIsBitSevenMinusIModEightOfByteIDivEight() {
        SeatBitmap bitmap = SeatBitmap.of(44, 7, 9, 43);

        assertThat(bitmap.bytes()).containsExactly(0x01, 0x40, 0, 0, 0, 0x10);
        assertThat(bitmap.isUnavailable(9)).isTrue();
        assertThat(bitmap.isUnavailable(8)).isFalse();
    }

    @Test
    void hasOneByteForEachEightSeatsOrPart() {
        assertThat(SeatBitmap.of(44).bytes()).hasSize(6);
        assertThat(SeatBitmap.of(48).bytes()).hasSize(6);
        assertThat(SeatBitmap.of(49).bytes()).hasSize(7);
        assertThat(SeatBitmap.of(0).bytes()).isEmpty();
    }

    @Test
    void countsTheUnavailableSeats() {
        SeatBitmap bitmap = SeatBitmap.of(44, 0, 20, 43);

        assertThat(bitmap.totalSeats()).isEqualTo(44);
        assertThat(bitmap.unavailableSeats()).isEqualTo(3);
        assertThat(SeatAvailability.of(5, bitmap)).isEqualTo(
                new SeatAvailability(5, 44, 3, 41, "bitmap-msb0-base64", bitmap.base64()));
    }

    @Test
    void aShortRedisStringIsPaddedAndALongOneCutToTheLayoutsSize() {
        // Redis grows the string only up to the highest SETBIT: seat 9 set on a 44-seat concert is 2 bytes.
        SeatBitmap padded = SeatBitmap.fromBytes(44, new byte[]{0, 0x40});
        SeatBitmap cut = SeatBitmap.fromBytes(44, new byte[]{(byte) 0x80, 0, 0, 0, 0, 0, (byte) 0xff});

        assertThat(padded.bytes()).containsExactly(0, 0x40, 0, 0, 0, 0);
        assertThat(padded.unavailableSeats()).isEqualTo(1);
        assertThat(cut.bytes()).hasSize(6);
        assertThat(cut.unavailableSeats()).isEqualTo(1);
    }

    @Test
    void refusesASeatOutsideTheLayout() {
        assertThatThrownBy(() -> SeatBitmap.of(44, 44)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeatBitmap.of(44, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
