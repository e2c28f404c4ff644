package com.tickitecking.concert.concert;

import com.tickitecking.platform.domain.DomainException;
import com.tickitecking.platform.security.AuthenticatedUser;
import com.tickitecking.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;

@Tag(name = "Concerts", description = "The catalogue: anyone browses it, company users put their concerts on at their venues")
@RestController
@RequestMapping("/api/v1/concerts")
public class ConcertController {

    private static final String OWNER_ME = "me";

    private final ConcertService service;
    private final ConcertQueries queries;

    public ConcertController(ConcertService service, ConcertQueries queries) {
        this.service = service;
        this.queries = queries;
    }

    @Operation(summary = "Put a concert on at one of the caller's venues",
            description = "Every seat of the venue must be covered by exactly one grade (an area is a section, or some "
                    + "of its rows). `maxTicketsPerBuyer` left out: 8. Seats and reservations follow by event.")
    @ApiResponse(responseCode = "201", description = "The concert")
    @ApiResponse(responseCode = "403", description = "A plain user, or not the caller's venue")
    @PostMapping
    public ResponseEntity<ConcertDetailResponse> create(AuthenticatedUser caller,
                                                        @Valid @RequestBody ConcertRequests.Save request) {
        long id = service.create(caller, request);
        return ResponseEntity.created(URI.create("/api/v1/concerts/" + id)).body(queries.detail(id));
    }

    @Operation(summary = "List concerts", description = "Public, by start time: `name` contains, `startTime` in "
            + "[`from`, `to`). `owner=me`: only the caller's own concerts (an organiser's, or an admin's own), with the "
            + "same filters; it needs an access token (401 without one).")
    @ApiResponse(responseCode = "200", description = "A page of concerts")
    @ApiResponse(responseCode = "401", description = "`owner=me` without a valid access token")
    @GetMapping
    public PageResponse<ConcertSummary> list(@RequestParam(required = false) String name,
                                             @RequestParam(required = false) Instant from,
                                             @RequestParam(required = false) Instant to,
                                             @Parameter(description = "`me`: the caller's own concerts", schema = @Schema(allowableValues = "me"))
                                             @RequestParam(required = false) String owner,
                                             @RequestParam(defaultValue = "0") @Min(0) int page,
                                             @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                             @AuthenticationPrincipal Jwt token) {
        String contains = name == null || name.isBlank() ? null : name.trim();
        if (owner == null) {
            return queries.list(contains, from, to, page, size);
        }
        if (!OWNER_ME.equals(owner)) {
            throw DomainException.invalid("owner", "must be `me` (or left out)");
        }
        if (token == null) {
            // a public path: the caller's token is read when sent, and this filter needs it
            throw DomainException.unauthenticated("An access token is required for owner=me.");
        }
        return queries.listOwnedBy(AuthenticatedUser.from(token).id(), contains, from, to, page, size);
    }

    @Operation(summary = "A concert", description = "Public: venue, grades and prices, total and remaining seats, "
            + "and the poster's URL once one was uploaded (null before).")
    @GetMapping("/{id}")
    public ConcertDetailResponse detail(@PathVariable long id) {
        return queries.detail(id);
    }

    @Operation(summary = "Replace a concert", description = "Its owner or an admin; the same rules as creating one.")
    @ApiResponse(responseCode = "200", description = "The concert as it is now")
    @ApiResponse(responseCode = "403", description = "Not the caller's concert")
    @PutMapping("/{id}")
    public ConcertDetailResponse update(AuthenticatedUser caller, @PathVariable long id,
                                        @Valid @RequestBody ConcertRequests.Save request) {
        service.update(caller, id, request);
        return queries.detail(id);
    }

    @Operation(summary = "Withdraw a concert", description = "Its owner or an admin; its seats and reservations follow by event.")
    @ApiResponse(responseCode = "403", description = "Not the caller's concert")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(AuthenticatedUser caller, @PathVariable long id) {
        service.delete(caller, id);
    }
}
