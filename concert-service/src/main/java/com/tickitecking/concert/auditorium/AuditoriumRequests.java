package com.tickitecking.concert.auditorium;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The request bodies of the auditorium endpoints. */
public final class AuditoriumRequests {

    /** Most seats one row may have: seat numbers have at most five digits (see SeatId). */
    public static final int MAX_SEATS_PER_ROW = 99_999;

    private AuditoriumRequests() {
    }

    /** Creates or replaces a venue. */
    public record Save(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 300) String address,
            @NotNull @Valid Layout layout) {
    }

    public record Layout(@NotEmpty @Size(max = 100) List<@NotNull @Valid Section> sections) {
    }

    /**
     * A section, either with explicit {@code rows}, or compactly: {@code rowLabels} or {@code rowCount}
     * (labelled A, B, … Z, AA, AB, …) with the same {@code seatsPerRow} each. {@code {code:"A", rowCount:26,
     * seatsPerRow:100}} is the seed's A–Z × 1–100 hall.
     */
    public record Section(
            @NotNull @Pattern(regexp = "[A-Z0-9]{1,10}", message = "must be 1-10 upper-case letters or digits") String code,
            @Size(max = 100) String name,
            @Size(max = 10_000) List<@NotNull @Valid Row> rows,
            @Size(max = 10_000) List<@NotNull @Pattern(regexp = "[A-Z0-9]{1,5}", message = "must be 1-5 upper-case letters or digits") String> rowLabels,
            @Positive @Max(10_000) Integer rowCount,
            @Positive @Max(MAX_SEATS_PER_ROW) Integer seatsPerRow) {
    }

    public record Row(
            @NotNull @Pattern(regexp = "[A-Z0-9]{1,5}", message = "must be 1-5 upper-case letters or digits") String label,
            @NotNull @Positive @Max(MAX_SEATS_PER_ROW) Integer seats) {
    }
}
