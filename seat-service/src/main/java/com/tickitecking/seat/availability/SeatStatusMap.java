package com.tickitecking.seat.availability;

import com.tickitecking.seat.seat.SeatStatus;

import java.util.Base64;

/**
 * Every seat's status in two bits, in SeatIndex order: seat i is bits (7 - 2 * (i % 4)) and (6 - 2 * (i % 4)) of
 * byte i / 4, the first seat in the two most significant bits. 00 AVAILABLE, 01 HELD, 10 RESERVED, 11 BLOCKED (the
 * enum's order). Always {@code ceil(totalSeats / 4)} bytes: 15,000 for a 60,000-seat stadium.
 */
public final class SeatStatusMap {

    private final int totalSeats;
    private final byte[] bits;
    private final int[] counts = new int[SeatStatus.values().length];

    public SeatStatusMap(int totalSeats) {
        this.totalSeats = totalSeats;
        this.bits = new byte[(totalSeats + 3) / 4];
        counts[SeatStatus.AVAILABLE.ordinal()] = totalSeats;
    }

    /** Gives a seat that was AVAILABLE its status (each seat once). */
    public SeatStatusMap set(int index, SeatStatus status) {
        if (index < 0 || index >= totalSeats) {
            throw new IllegalArgumentException("seat " + index + " is not one of " + totalSeats);
        }
        bits[index >>> 2] |= (byte) (status.ordinal() << (6 - 2 * (index & 3)));
        counts[SeatStatus.AVAILABLE.ordinal()]--;
        counts[status.ordinal()]++;
        return this;
    }

    public SeatStatus statusOf(int index) {
        return SeatStatus.values()[(bits[index >>> 2] >>> (6 - 2 * (index & 3))) & 3];
    }

    public int totalSeats() {
        return totalSeats;
    }

    public int count(SeatStatus status) {
        return counts[status.ordinal()];
    }

    /** RFC 4648 base64 with padding, as the API sends it. */
    public String base64() {
        return Base64.getEncoder().encodeToString(bits);
    }
}
