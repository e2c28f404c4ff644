package com.tickitecking.seat.availability;

import java.util.Arrays;
import java.util.Base64;

/**
 * Which seats of a concert cannot be reserved, one bit per seat in SeatIndex order: seat i is bit (7 - i % 8) of
 * byte i / 8, the most significant bit of byte 0 first (Redis SETBIT order). A set bit means HELD, RESERVED or
 * BLOCKED. Always {@code ceil(totalSeats / 8)} bytes.
 */
public final class SeatBitmap {

    private final int totalSeats;
    private final byte[] bits;

    private SeatBitmap(int totalSeats, byte[] bits) {
        this.totalSeats = totalSeats;
        this.bits = bits;
    }

    /** The bitmap with these seats' bits set. */
    public static SeatBitmap of(int totalSeats, int... unavailable) {
        byte[] bits = new byte[bytesFor(totalSeats)];
        for (int index : unavailable) {
            if (index < 0 || index >= totalSeats) {
                throw new IllegalArgumentException("seat " + index + " is not one of " + totalSeats);
            }
            bits[index >>> 3] |= (byte) (0x80 >>> (index & 7));
        }
        return new SeatBitmap(totalSeats, bits);
    }

    /**
     * The bitmap as Redis keeps it. Redis never grows a string past the highest SETBIT, so it can be short (a
     * missing byte is all available) and is padded, or cut if longer, to the layout's size. An array of the right
     * size is taken over, not copied: the hot path reads it fresh from Redis and hands it on.
     */
    public static SeatBitmap fromBytes(int totalSeats, byte[] stored) {
        int size = bytesFor(totalSeats);
        return new SeatBitmap(totalSeats, stored.length == size ? stored : Arrays.copyOf(stored, size));
    }

    public int totalSeats() {
        return totalSeats;
    }

    public int unavailableSeats() {
        int unavailable = 0;
        for (byte b : bits) {
            unavailable += Integer.bitCount(b & 0xff);
        }
        return unavailable;
    }

    public boolean isUnavailable(int index) {
        return (bits[index >>> 3] & (0x80 >>> (index & 7))) != 0;
    }

    /** The bytes, for caching. */
    public byte[] bytes() {
        return bits.clone();
    }

    /** RFC 4648 base64 with padding, as the API sends it. */
    public String base64() {
        return Base64.getEncoder().encodeToString(bits);
    }

    static int bytesFor(int seats) {
        return (seats + 7) / 8;
    }
}
