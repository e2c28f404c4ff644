package com.tickitecking.concert.auditorium;

import com.tickitecking.platform.security.AuthenticatedUser;
import com.tickitecking.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
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
@RestController
@RequestMapping("/api/v1/auditoriums")
public class AuditoriumController {

    private final AuditoriumService service;

    public AuditoriumController(AuditoriumService service) {
        this.service = service;
    }

    @Operation(summary = "Create a venue; sections may list rows or give rowCount/rowLabels with seatsPerRow")
    @PostMapping
    public ResponseEntity<AuditoriumResponse> create(AuthenticatedUser caller,
                                                     @Valid @RequestBody AuditoriumRequests.Save request) {
        Auditorium auditorium = service.create(caller, request);
        return ResponseEntity.created(URI.create("/api/v1/auditoriums/" + auditorium.getId()))
                .body(AuditoriumResponse.of(auditorium));
    }

    @Operation(summary = "Your venues (all of them for an admin)")
    @GetMapping
    public PageResponse<AuditoriumResponse> list(AuthenticatedUser caller,
                                                 @RequestParam(defaultValue = "0") @Min(0) int page,
                                                 @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageResponse.of(service.list(caller, PageRequest.of(page, size, Sort.by("id"))), AuditoriumResponse::of);
    }

    @GetMapping("/{id}")
    public AuditoriumResponse get(AuthenticatedUser caller, @PathVariable long id) {
        return AuditoriumResponse.of(service.get(caller, id));
    }

    @Operation(summary = "Replace a venue; its layout cannot change once it has concerts (409)")
    @PutMapping("/{id}")
    public AuditoriumResponse update(AuthenticatedUser caller, @PathVariable long id,
                                     @Valid @RequestBody AuditoriumRequests.Save request) {
        return AuditoriumResponse.of(service.update(caller, id, request));
    }

    @Operation(summary = "Delete a venue without concerts (409 otherwise)")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(AuthenticatedUser caller, @PathVariable long id) {
        service.delete(caller, id);
    }
}
