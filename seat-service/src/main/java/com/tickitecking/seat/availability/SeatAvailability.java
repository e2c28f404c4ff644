package com.tickitecking.seat.availability;

import io.swagger.v3.oas.annotations.media.Schema;

/** Which seats of a concert cannot be reserved right now, as a bitmap over SeatIndex order. */
@Schema(description = "Which seats of a concert are not available right now. A 60,000-seat stadium is a 7,500-byte "
        + "bitmap (10 KB in base64).")
public record SeatAvailability(
        @Schema(description = "The concert", example = "42") long concertId,
        @Schema(description = "Seats in the layout; the bitmap has ceil(totalSeats / 8) bytes", example = "1200") int totalSeats,
        @Schema(description = "Seats that are HELD, RESERVED or BLOCKED (bits set)", example = "37") int unavailableSeats,
        @Schema(description = "Seats that can be reserved now (totalSeats - unavailableSeats)", example = "1163") int availableSeats,
        @Schema(description = "Always `bitmap-msb0-base64`: see `unavailable`", example = ENCODING) String encoding,
        @Schema(description = """
                Base64 (RFC 4648, with padding) of a bitmap with one bit per seat in SeatIndex order: seat i is \
                bit (7 - i % 8) of byte i / 8, i.e. the most significant bit of byte 0 is seat 0 (Redis SETBIT \
                order). A set bit means the seat is NOT available. SeatIndex numbers the seats 0..n-1 in layout \
                order: sections in order, their rows in order, seats 1..k of each row; the seat map gives each row's \
                firstIndex.""", example = "gAAAAAAAAAA=") String unavailable) {

    public static final String ENCODING = "bitmap-msb0-base64";

    public static SeatAvailability of(long concertId, SeatBitmap bitmap) {
        int unavailable = bitmap.unavailableSeats();
        return new SeatAvailability(concertId, bitmap.totalSeats(), unavailable, bitmap.totalSeats() - unavailable,
                ENCODING, bitmap.base64());
    }
}
