package com.tickitecking.seat.availability;

import com.tickitecking.seat.seat.SeatStatus;
import io.swagger.v3.oas.annotations.media.Schema;

/** Every seat's status, for the concert's owner: what the public one-bit availability cannot tell apart. */
@Schema(description = "Every seat's status for the concert's owner, two bits a seat: a 60,000-seat stadium is 15,000 "
        + "bytes (20 KB in base64).")
public record SeatStatuses(
        @Schema(description = "The concert", example = "42") long concertId,
        @Schema(description = "Seats in the layout; the map has ceil(totalSeats / 4) bytes", example = "1200") int totalSeats,
        @Schema(example = "1100") int availableSeats,
        @Schema(description = "Seats of holds", example = "40") int heldSeats,
        @Schema(description = "Seats of confirmed reservations (sold)", example = "50") int reservedSeats,
        @Schema(description = "Seats the owner took off sale", example = "10") int blockedSeats,
        @Schema(description = "Always `2bit-msb0-base64`: see `statuses`", example = ENCODING) String encoding,
        @Schema(description = """
                Base64 (RFC 4648, with padding) of two bits per seat in SeatIndex order: seat i is the bit pair at \
                bits (7 - 2 * (i % 4)) and (6 - 2 * (i % 4)) of byte i / 4, the first seat in the two most significant \
                bits of byte 0. 0 (00) AVAILABLE, 1 (01) HELD, 2 (10) RESERVED, 3 (11) BLOCKED. SeatIndex as in the \
                availability bitmap (the seat map gives each row's firstIndex).""", example = "QAAAwA==") String statuses) {

    public static final String ENCODING = "2bit-msb0-base64";

    public static SeatStatuses of(long concertId, SeatStatusMap map) {
        return new SeatStatuses(concertId, map.totalSeats(), map.count(SeatStatus.AVAILABLE), map.count(SeatStatus.HELD),
                map.count(SeatStatus.RESERVED), map.count(SeatStatus.BLOCKED), ENCODING, map.base64());
    }
}
