package com.tickitecking.seat.seat;

import com.tickitecking.platform.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

@Tag(name = "Seats", description = "A concert's seat map and which of its seats are available, for anyone; blocking seats, for the owner")
@RestController
@RequestMapping("/api/v1/concerts/{id}/seats")
public class SeatController {

    /** The map changes only when the concert is regraded: shared caches may keep it for a minute. */
    private static final CacheControl ONE_MINUTE = CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();

    private final SeatService seats;

    public SeatController(SeatService seats) {
        this.seats = seats;
    }

    @Operation(summary = "The seat map: sections, rows, seat counts and grade/price runs (public)",
            description = "Strong ETag over concert id + revision; send it back in If-None-Match for a 304.")
    @ApiResponse(responseCode = "200", description = "The seat map")
    @ApiResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @ApiResponse(responseCode = "404", description = "No such concert")
    @GetMapping
    public ResponseEntity<SeatMap> seatMap(@PathVariable long id,
                                           @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        String etag = etag(id, seats.revision(id));
        if (matches(ifNoneMatch, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(ONE_MINUTE).build();
        }
        SeatMap map = seats.seatMap(id);
        return ResponseEntity.ok().eTag(etag(id, map.revision())).cacheControl(ONE_MINUTE).body(map);
    }

    @Operation(summary = "Block or unblock a seat (the concert's owner or an admin)",
            description = "Publishes SeatBlocked or SeatUnblocked with the seat's new revision. 409 when the seat is "
                    + "HELD or RESERVED.")
    @ApiResponse(responseCode = "200", description = "The seat's status now")
    @ApiResponse(responseCode = "403", description = "Not the concert's owner")
    @ApiResponse(responseCode = "404", description = "No such concert or seat")
    @ApiResponse(responseCode = "409", description = "The seat is held or reserved")
    @PatchMapping("/{seat}")
    public SeatRequests.SeatView changeStatus(AuthenticatedUser caller, @PathVariable long id,
                                              @Parameter(example = "FLOOR-B-12") @PathVariable String seat,
                                              @Valid @RequestBody SeatRequests.ChangeStatus request) {
        return seats.changeStatus(caller, id, seat, request.status());
    }

    /** A strong validator: the same concert revision always gives the same map. */
    static String etag(long concertId, long revision) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((concertId + ":" + revision).getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(hash, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** If-None-Match uses the weak comparison (RFC 9110 13.1.2): a W/ prefix does not matter. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.replaceFirst("^W/", "").equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
