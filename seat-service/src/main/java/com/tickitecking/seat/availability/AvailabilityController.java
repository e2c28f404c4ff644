package com.tickitecking.seat.availability;

import com.tickitecking.platform.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import java.time.Duration;

@Tag(name = "Seats", description = "A concert's seat map and which of its seats are available, for anyone; blocking seats, for the owner")
@RestController
public class AvailabilityController {

    /** Seats change every second during a sale: let caches and browsers hold an answer for one second at most. */
    private static final CacheControl ONE_SECOND = CacheControl.maxAge(Duration.ofSeconds(1)).cachePublic();

    /** The owner's view: revalidated every time, kept by no shared cache. */
    private static final CacheControl PRIVATE = CacheControl.noCache().cachePrivate();

    private final AvailabilityService availability;
    private final OwnerSeatStatuses statuses;

    public AvailabilityController(AvailabilityService availability, OwnerSeatStatuses statuses) {
        this.availability = availability;
        this.statuses = statuses;
    }

    @Operation(summary = "Which seats are not available right now (public)",
            description = "A bitmap over SeatIndex order plus counts; see the schema for the encoding. Strong ETag "
                    + "over the bitmap's version, which moves with every seat change; send it back in If-None-Match "
                    + "for a 304.")
    @ApiResponse(responseCode = "200", description = "The current availability")
    @ApiResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @ApiResponse(responseCode = "404", description = "No such concert")
    @GetMapping("/api/v1/concerts/{id}/seats/availability")
    public ResponseEntity<SeatAvailability> availability(@PathVariable long id) {
        AvailabilityService.Versioned answer = availability.versioned(id);
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().cacheControl(ONE_SECOND);
        if (answer.version() != null) {
            // Spring MVC answers a GET whose If-None-Match names this ETag with a bodiless 304 (same headers).
            ok.eTag(etag(answer.version()));
        }
        return ok.body(answer.availability());
    }

    @Operation(summary = "Every seat's status: available, held, reserved or blocked (the concert's owner or an admin)",
            description = "Two bits a seat over SeatIndex order plus counts; see the schema for the encoding. What the "
                    + "public availability cannot tell apart: a blocked seat from a held or sold one. Strong ETag over "
                    + "the same change counter as the availability's; send it back in If-None-Match for a 304 (no "
                    + "database read then). Not cached by shared caches.")
    @ApiResponse(responseCode = "200", description = "The statuses now")
    @ApiResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @ApiResponse(responseCode = "403", description = "Not the concert's owner")
    @ApiResponse(responseCode = "404", description = "No such concert")
    @GetMapping("/api/v1/concerts/{id}/seats/statuses")
    public ResponseEntity<SeatStatuses> statuses(AuthenticatedUser caller, @PathVariable long id, WebRequest request) {
        String version = statuses.version(caller, id);
        String etag = version == null ? null : "\"s" + version + "\"";
        if (etag != null && request.checkNotModified(etag)) {
            return ResponseEntity.status(304).eTag(etag).cacheControl(PRIVATE).build();
        }
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().cacheControl(PRIVATE);
        if (etag != null) {
            ok.eTag(etag);
        }
        return ok.body(statuses.read(id));
    }

    /** A strong validator: a version is never reused for another bitmap (see AvailabilityRepository). */
    static String etag(String version) {
        return "\"v" + version + "\"";
    }
}
