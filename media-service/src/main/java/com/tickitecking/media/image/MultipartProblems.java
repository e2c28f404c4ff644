package com.tickitecking.media.image;

import com.tickitecking.platform.domain.DomainException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import java.util.List;

/**
 * Multipart failures, which happen while the body is parsed, before any controller runs. Too large is a 413
 * naming the limit; any other unreadable multipart body is the client's fault (400), not a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MultipartProblems {

    private final DataSize maxFileSize;

    MultipartProblems(@Value("${spring.servlet.multipart.max-file-size}") DataSize maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "An image may have at most " + maxFileSize.toBytes() + " bytes.");
        problem.setTitle("Content too large");
        problem.setProperty("maxBytes", maxFileSize.toBytes());
        return problem;
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail malformed(MultipartException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The multipart body could not be read.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(new DomainException.FieldError("body", "is not a readable multipart body")));
        return problem;
    }
}
