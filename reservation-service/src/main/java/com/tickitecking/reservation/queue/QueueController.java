package com.tickitecking.reservation.queue;

import com.tickitecking.platform.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.Map;

@Tag(name = "Waiting room", description = "The fair queue in front of a concert's sale: join, poll, get admitted")
@RestController
public class QueueController {

    private static final CacheControl ONE_SECOND = CacheControl.maxAge(Duration.ofSeconds(1)).cachePublic();

    private final WaitingRoom room;
    private final AdmissionTokens tokens;

    public QueueController(WaitingRoom room, AdmissionTokens tokens) {
        this.room = room;
        this.tokens = tokens;
    }

    @Operation(summary = "Join the concert's waiting room",
            description = "One place per account: joining again answers the same place (200). Before the sale opens "
                    + "the place is in the pre-queue, shuffled at the opening (see GET .../queue/pre-queue); after "
                    + "that places queue in arrival order. 409 `reason: no-waiting-room` / `sale-ended`; 503 when "
                    + "the waiting room (Redis) is unreachable.")
    @ApiResponse(responseCode = "201", description = "A new place")
    @ApiResponse(responseCode = "200", description = "The account's place already there")
    @ApiResponse(responseCode = "409", description = "The concert has no waiting room, or its sale has ended")
    @PostMapping("/api/v1/concerts/{concertId}/queue")
    public ResponseEntity<QueuePlace> join(AuthenticatedUser caller, @PathVariable long concertId) {
        WaitingRoom.Joined joined = room.join(caller, concertId);
        return ResponseEntity.status(joined.created() ? HttpStatus.CREATED : HttpStatus.OK).body(joined.place());
    }

    @Operation(summary = "The caller's place in the waiting room",
            description = "Position, people ahead, an estimated wait, and once ADMITTED the admission token for holds. "
                    + "Poll it again after `pollAfterSeconds` (1 s near the front, up to 20 s far back; null: stop): "
                    + "a place not polled for the lapse time (60 s by default) expires.")
    @ApiResponse(responseCode = "200", description = "The place")
    @ApiResponse(responseCode = "404", description = "The account has no place in this waiting room")
    @ApiResponse(responseCode = "409", description = "The concert has no waiting room")
    @GetMapping("/api/v1/concerts/{concertId}/queue/me")
    public QueuePlace me(AuthenticatedUser caller, @PathVariable long concertId) {
        return room.me(caller, concertId);
    }

    @Operation(summary = "Leave the waiting room", description = "An admitted shopper frees the slot for the next in line.")
    @ApiResponse(responseCode = "204", description = "Left (or had no place)")
    @ApiResponse(responseCode = "409", description = "The concert has no waiting room")
    @DeleteMapping("/api/v1/concerts/{concertId}/queue/me")
    public ResponseEntity<Void> leave(AuthenticatedUser caller, @PathVariable long concertId) {
        room.leave(caller, concertId);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The waiting room as everyone sees it",
            description = "Now serving, people waiting, active shoppers, the seed's commitment (before the opening) "
                    + "and the seed (after the shuffle). Public, cacheable for a second.")
    @ApiResponse(responseCode = "200", description = "The status")
    @ApiResponse(responseCode = "409", description = "The concert has no waiting room")
    @GetMapping("/api/v1/concerts/{concertId}/queue")
    public ResponseEntity<QueueStatus> status(@PathVariable long concertId) {
        return ResponseEntity.ok().cacheControl(ONE_SECOND).body(room.status(concertId));
    }

    @Operation(summary = "The pre-queue, for the fairness check",
            description = "Everyone who joined before the opening, by pseudonym, with positions after the shuffle. "
                    + "Position order = pseudonyms sorted by hex(SHA-256(seed + \":\" + pseudonym)) ascending, and "
                    + "hex(SHA-256(seed bytes)) = the commitment published before the opening.")
    @ApiResponse(responseCode = "200", description = "The pre-queue")
    @ApiResponse(responseCode = "409", description = "The concert has no waiting room")
    @GetMapping("/api/v1/concerts/{concertId}/queue/pre-queue")
    public ResponseEntity<PreQueue> preQueue(@PathVariable long concertId) {
        return ResponseEntity.ok().cacheControl(ONE_SECOND).body(room.preQueue(concertId));
    }

    @Operation(summary = "The public keys that verify admission tokens",
            description = "A JSON Web Key Set (RFC 7517); read by the gateway, not routed through it.")
    @GetMapping("/.well-known/admission-jwks.json")
    public Map<String, Object> jwks() {
        return tokens.publicJwks().toJSONObject();
    }
}
