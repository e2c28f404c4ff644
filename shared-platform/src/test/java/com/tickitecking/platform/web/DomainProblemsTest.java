package com.tickitecking.platform.web;

import com.tickitecking.platform.domain.DomainException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DomainProblemsTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

    @Test
    void everyKindOfRefusalHasItsOwnStatus() {
        assertThat(List.of(DomainException.Kind.values()).stream().map(ProblemDetailsAdvice::statusOf).distinct())
                .hasSize(DomainException.Kind.values().length);
        assertThat(ProblemDetailsAdvice.statusOf(DomainException.Kind.NOT_FOUND)).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ProblemDetailsAdvice.statusOf(DomainException.Kind.CONFLICT)).isEqualTo(HttpStatus.CONFLICT);
        assertThat(ProblemDetailsAdvice.statusOf(DomainException.Kind.INVALID)).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ProblemDetailsAdvice.statusOf(DomainException.Kind.UNPROCESSABLE))
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @Test
    void aRefusalBecomesAProblemWithItsTitleDetailAndMembers() {
        var response = advice.handleDomain(DomainException.conflict("Seats already taken: A-1").with("seats", List.of("A-1")),
                request());

        ProblemDetail problem = (ProblemDetail) response.getBody();
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(problem.getTitle()).isEqualTo("Conflict");
        assertThat(problem.getDetail()).isEqualTo("Seats already taken: A-1");
        assertThat(problem.getProperties()).containsEntry("seats", List.of("A-1"));
        assertThat(response.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
    }

    @Test
    void aWaitIsSentAsRetryAfterInWholeSecondsRoundedUp() {
        var response = advice.handleDomain(DomainException.throttled("Too many tries", Duration.ofMillis(1500)), request());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
        assertThat(((ProblemDetail) response.getBody()).getProperties()).containsEntry("retryAfterSeconds", 2L);
    }

    @Test
    void anInvalidFieldIsNamedInTheErrors() {
        var response = advice.handleDomain(DomainException.invalid("seats", "must name 1 to 8 seats"), request());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(((ProblemDetail) response.getBody()).getProperties())
                .containsEntry("errors", List.of(new DomainException.FieldError("seats", "must name 1 to 8 seats")));
    }

    @Test
    void aRefusalCarriesNoStackTrace() {
        var refusal = DomainException.conflict("Seats already taken: A-1");

        assertThat(refusal.getStackTrace()).isEmpty();
        assertThat(refusal.getMessage()).isEqualTo("Seats already taken: A-1");
    }

    private static ServletWebRequest request() {
        return new ServletWebRequest(new MockHttpServletRequest("POST", "/api/v1/x"));
    }
}
