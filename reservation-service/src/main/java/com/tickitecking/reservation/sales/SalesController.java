package com.tickitecking.reservation.sales;

import com.tickitecking.platform.domain.DomainException;
import com.tickitecking.platform.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Sales", description = "A concert's sales and reservations, for its owner")
@RestController
public class SalesController {

    static final int MAX_PAGE_SIZE = 100;

    private final SalesService sales;

    public SalesController(SalesService sales) {
        this.sales = sales;
    }

    @Operation(summary = "A concert's sales (its owner or an admin)",
            description = "Seats sold (confirmed), held, blocked and remaining; reservations confirmed, held, cancelled "
                    + "and expired; revenue of the confirmed ones by grade; and `latest`, a page of its reservations, "
                    + "newest first (`page` from 0, `size` 0 to 100; 0 for the figures alone). Buyers are named by a "
                    + "pseudonym of their own at this concert.")
    @ApiResponse(responseCode = "200", description = "The sales now")
    @ApiResponse(responseCode = "403", description = "Not the concert's owner")
    @ApiResponse(responseCode = "404", description = "No such concert")
    @GetMapping("/api/v1/concerts/{concertId}/sales")
    public ConcertSales sales(AuthenticatedUser caller, @PathVariable long concertId,
                              @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "20") int size) {
        if (page < 0) {
            throw DomainException.invalid("page", "must be 0 or more");
        }
        if (size < 0 || size > MAX_PAGE_SIZE) {
            throw DomainException.invalid("size", "must be 0 to " + MAX_PAGE_SIZE);
        }
        return sales.of(caller, concertId, page, size);
    }
}
