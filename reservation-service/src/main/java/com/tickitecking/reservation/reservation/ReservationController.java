package com.tickitecking.reservation.reservation;

import com.tickitecking.platform.domain.DomainException;
import com.tickitecking.platform.security.AuthenticatedUser;
import com.tickitecking.platform.web.PageResponse;
import com.tickitecking.reservation.queue.WaitingRoom;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;

@Tag(name = "Reservations", description = "Holding seats, confirming and cancelling: the caller's own reservations")
@RestController
@RequestMapping("/api/v1")
public class ReservationController {

    static final int MAX_PAGE_SIZE = 100;

    private final ReservationService reservations;
    private final WaitingRoom waitingRoom;
    private final Clock clock;

    public ReservationController(ReservationService reservations, WaitingRoom waitingRoom, Clock clock) {
        this.reservations = reservations;
        this.waitingRoom = waitingRoom;
        this.clock = clock;
    }

    @Operation(summary = "Hold 1 to 8 seats (all or none) until expiresAt",
            description = "Name the `seats`, or ask for the `best` adjacent free ones of a grade (`{\"best\": "
                    + "{\"count\": 4, \"grade\": \"VIP\"}}`: nearest the stage, then the middle of the row; 409 "
                    + "`reason: no-adjacent-seats` when no such block is free). Idempotent per Idempotency-Key: the same key and body answer the same reservation again "
                    + "(201, `Idempotent-Replayed: true`), a different body 422, a request still in flight 409. 404 "
                    + "unknown concert, 409 concert already started / seats blocked / seats taken (named in `seats`) / "
                    + "the concert's tickets per buyer reached (`reason: limit`, with `limit`, `held`, `requested`) / "
                    + "not on sale yet (`reason: not-on-sale-yet`, with `saleStartsAt`; `Retry-After` when it opens "
                    + "within a minute) / sale ended (`reason: sale-ended`, with `saleEndsAt`), 400 invalid seats, "
                    + "503 when the seat guard (Redis) is unreachable. A concert with a waiting room "
                    + "needs the caller's `Admission-Token` for it (from GET .../queue/me once admitted): 403 "
                    + "`reason: admission-required` without a good one, `admission-used-up` past its holds.")
    @ApiResponse(responseCode = "201", description = "The reservation, HELD until `expiresAt`")
    @ApiResponse(responseCode = "409", description = "The concert started, its sale has not opened "
            + "(`reason: not-on-sale-yet`) or has ended (`reason: sale-ended`), a seat is blocked or taken (`seats`), "
            + "the buyer's limit is reached (`reason: limit`), or the same Idempotency-Key is still in flight")
    @ApiResponse(responseCode = "403", description = "A waiting-room concert: no valid admission token for this "
            + "account and concert (`reason: admission-required`), or it made its holds (`reason: admission-used-up`)")
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    @PostMapping("/concerts/{concertId}/reservations")
    public ResponseEntity<ReservationResponse> hold(AuthenticatedUser caller, @PathVariable long concertId,
                                                    @Parameter(required = true, description = "a client-chosen unique key per attempt, up to 100 characters")
                                                    @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                                    @Parameter(description = "the admission token of a waiting-room concert")
                                                    @RequestHeader(name = "Admission-Token", required = false) String admissionToken,
                                                    @RequestBody HoldRequest request) {
        // checked here as well as at the gateway: a service never trusts the network
        waitingRoom.requireAdmission(caller, concertId, admissionToken);
        ReservationService.Hold hold = request.best() == null
                ? reservations.hold(caller, concertId, idempotencyKey, request.seats())
                : reservations.holdBest(caller, concertId, idempotencyKey, bestOf(request));
        var body = ReservationResponse.of(hold.reservation(), clock.instant());
        return ResponseEntity.created(URI.create("/api/v1/reservations/" + body.id()))
                .header("Idempotent-Replayed", String.valueOf(hold.replayed()))
                .body(body);
    }

    private static BestSeats bestOf(HoldRequest request) {
        if (request.seats() != null) {
            throw DomainException.invalid("best", "name the seats or ask for the best ones, not both");
        }
        return new BestSeats(request.best().count(), request.best().grade());
    }

    @Operation(summary = "Confirm a held reservation",
            description = "Stands in for payment; confirming a confirmed reservation again answers it as it is.")
    @ApiResponse(responseCode = "200", description = "The reservation, CONFIRMED")
    @ApiResponse(responseCode = "409", description = "It expired or was cancelled")
    @PostMapping("/reservations/{id}/confirm")
    public ReservationResponse confirm(AuthenticatedUser caller, @PathVariable long id) {
        Reservation confirmed = reservations.confirm(caller, id);
        // an admitted shopper who confirmed is done: the slot goes to the next in the waiting room
        waitingRoom.finished(caller.id(), confirmed.concertId());
        return ReservationResponse.of(confirmed, clock.instant());
    }

    @Operation(summary = "Cancel a reservation", description = "Frees its seats, held or confirmed.")
    @ApiResponse(responseCode = "200", description = "The reservation, CANCELLED")
    @ApiResponse(responseCode = "409", description = "It has already ended (expired or cancelled)")
    @DeleteMapping("/reservations/{id}")
    public ReservationResponse cancel(AuthenticatedUser caller, @PathVariable long id) {
        return ReservationResponse.of(reservations.cancel(caller, id), clock.instant());
    }

    @Operation(summary = "One of the caller's reservations", description = "Anyone else's is a 404, as if it did not exist.")
    @GetMapping("/reservations/{id}")
    public ReservationResponse get(AuthenticatedUser caller, @PathVariable long id) {
        return ReservationResponse.of(reservations.get(caller, id), clock.instant());
    }

    @Operation(summary = "The caller's reservations", description = "Newest first; `page` from 0, `size` 1 to 100.")
    @GetMapping("/users/me/reservations")
    public PageResponse<ReservationResponse> mine(AuthenticatedUser caller,
                                                  @RequestParam(defaultValue = "0") int page,
                                                  @RequestParam(defaultValue = "20") int size) {
        checkPage(page, size);
        return ReservationResponse.page(reservations.mine(caller, page, size), clock.instant());
    }

    static void checkPage(int page, int size) {
        if (page < 0) {
            throw DomainException.invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw DomainException.invalid("size", "must be 1 to " + MAX_PAGE_SIZE);
        }
    }
}
