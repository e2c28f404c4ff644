package com.tickitecking.seat.availability;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

@Tag(name = "Seats", description = "A concert's seat map and which of its seats are available, for anyone; blocking seats, for the owner")
@RestController
public class AvailabilityController {

    /** Seats change every second during a sale: let caches and browsers hold an answer for one second at most. */
    private static final CacheControl ONE_SECOND = CacheControl.maxAge(Duration.ofSeconds(1)).cachePublic();

    private final AvailabilityService availability;

    public AvailabilityController(AvailabilityService availability) {
        this.availability = availability;
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

    /** A strong validator: a version is never reused for another bitmap (see AvailabilityRepository). */
    static String etag(String version) {
        return "\"v" + version + "\"";
    }
}
