package com.tickitecking.concert.concert;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The request bodies of the concert endpoints. */
public final class ConcertRequests {

    private ConcertRequests() {
    }

    /**
     * Creates or replaces a concert. Every seat of the venue must be covered by exactly one grade; an area names
     * a section and, optionally, some of its rows (none = the whole section). {@code maxTicketsPerBuyer} is the
     * most seats one account may hold and buy (left out: the default, 8; at most the configured most, 50).
     * {@code saleStartsAt} and {@code saleEndsAt} bound when seats may be held (left out: from now, until the
     * start); {@code waitingRoom} sends buyers through the virtual waiting room (left out: on for a new concert
     * whose sale opens in the future, off otherwise; unchanged on a replacement).
     */
    public record Save(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 4000) String description,
            @NotNull @Future Instant startTime,
            @NotNull Long auditoriumId,
            @NotEmpty @Size(max = 50) List<@NotNull @Valid Grade> grades,
            Integer maxTicketsPerBuyer,
            Instant saleStartsAt,
            Instant saleEndsAt,
            Boolean waitingRoom) {
    }

    public record Grade(
            @NotBlank @Size(max = 50) String name,
            @NotNull @Positive @DecimalMax("100000000") @Digits(integer = 9, fraction = 2) BigDecimal price,
            @NotEmpty @Size(max = 1000) List<@NotNull @Valid Area> areas) {
    }

    public record Area(@NotBlank String section, @Size(max = 10_000) List<@NotBlank String> rows) {
    }
}
