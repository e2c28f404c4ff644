package com.tickitecking.concert.auditorium;

import com.tickitecking.platform.security.AuthenticatedUser;
import com.tickitecking.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

/** Venues, for their owners (company users) and admins. */
@Tag(name = "Venues", description = "Auditoriums and their seating layouts, for their owners (company users) and admins")
@RestController
@RequestMapping("/api/v1/auditoriums")
public class AuditoriumController {

    private final AuditoriumService service;

    public AuditoriumController(AuditoriumService service) {
        this.service = service;
    }

    @Operation(summary = "Create a venue",
            description = "Each section lists its `rows`, or gives `rowCount` or `rowLabels` with `seatsPerRow`. "
                    + "The caller (a company user or an admin) owns it.")
    @ApiResponse(responseCode = "201", description = "The venue, its layout expanded into rows")
    @ApiResponse(responseCode = "403", description = "Plain users own no venues")
    @PostMapping
    public ResponseEntity<AuditoriumResponse> create(AuthenticatedUser caller,
                                                     @Valid @RequestBody AuditoriumRequests.Save request) {
        Auditorium auditorium = service.create(caller, request);
        return ResponseEntity.created(URI.create("/api/v1/auditoriums/" + auditorium.getId()))
                .body(AuditoriumResponse.of(auditorium));
    }

    @Operation(summary = "The caller's venues", description = "By id; an admin sees every venue.")
    @GetMapping
    public PageResponse<AuditoriumResponse> list(AuthenticatedUser caller,
                                                 @RequestParam(defaultValue = "0") @Min(0) int page,
                                                 @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageResponse.of(service.list(caller, PageRequest.of(page, size, Sort.by("id"))), AuditoriumResponse::of);
    }

    @Operation(summary = "One of the caller's venues", description = "With its layout expanded into rows.")
    @ApiResponse(responseCode = "200", description = "The venue")
    @ApiResponse(responseCode = "403", description = "Not the caller's venue (or the caller is a plain user)")
    @GetMapping("/{id}")
    public AuditoriumResponse get(AuthenticatedUser caller, @PathVariable long id) {
        return AuditoriumResponse.of(service.get(caller, id));
    }

    @Operation(summary = "Replace a venue", description = "Name and address may always change; the layout only "
            + "while the venue has no concerts.")
    @ApiResponse(responseCode = "200", description = "The venue as it is now")
    @ApiResponse(responseCode = "403", description = "Not the caller's venue (or the caller is a plain user)")
    @ApiResponse(responseCode = "409", description = "The venue has concerts: its layout can no longer change")
    @PutMapping("/{id}")
    public AuditoriumResponse update(AuthenticatedUser caller, @PathVariable long id,
                                     @Valid @RequestBody AuditoriumRequests.Save request) {
        return AuditoriumResponse.of(service.update(caller, id, request));
    }

    @Operation(summary = "Delete a venue", description = "Only a venue without concerts.")
    @ApiResponse(responseCode = "403", description = "Not the caller's venue (or the caller is a plain user)")
    @ApiResponse(responseCode = "409", description = "The venue has concerts: withdraw them first")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(AuthenticatedUser caller, @PathVariable long id) {
        service.delete(caller, id);
    }
}
