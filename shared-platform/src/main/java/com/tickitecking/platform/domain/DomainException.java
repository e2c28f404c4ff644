package com.tickitecking.platform.domain;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rule of the domain refused an operation. It says what kind of refusal it is ({@link Kind}), never an HTTP
 * status: the web layer maps kinds to statuses in one place ({@code ProblemDetailsAdvice}), so domain code and its
 * unit tests need nothing from Spring MVC. Subclass it for a rule that callers or tests tell apart
 * (e.g. {@code SeatsTaken}); use the factories for one-off refusals. Extra properties become members of the
 * problem document.
 * <p>
 * A refusal is an answer, not a fault: it carries no stack trace (nobody reads one, and filling it in walked the
 * whole stack of filters, security and MVC on every refused hold of a rush) and no suppressed exceptions. What
 * it means is in its kind, title, detail and properties.
 */
public class DomainException extends RuntimeException {

    /** What kind of refusal this is, in the domain's words. */
    public enum Kind {
        /** The thing named does not exist (or the caller may not know that it does). */
        NOT_FOUND,
        /** The input breaks a rule about its shape or values; {@code errors} names the fields. */
        INVALID,
        /** The input is well formed, but its meaning is refused (e.g. a key reused for a different request). */
        UNPROCESSABLE,
        /** The current state does not allow this (a seat is taken, a reservation is already cancelled). */
        CONFLICT,
        /** The caller is known but this is not theirs to do. */
        FORBIDDEN,
        /** The caller could not be identified. */
        UNAUTHENTICATED,
        /** The content is of a type this operation does not take. */
        UNSUPPORTED_CONTENT,
        /** The caller must wait {@link #retryAfter()} before trying again. */
        THROTTLED,
        /** Something the operation needs is down; trying again later can succeed. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private Duration retryAfter;

    public DomainException(Kind kind, String title, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
        this.title = title;
    }

    public static DomainException notFound(String what, Object id) {
        return new DomainException(Kind.NOT_FOUND, "Not found", what + " " + id + " does not exist");
    }

    public static DomainException invalid(String field, String detail) {
        return new DomainException(Kind.INVALID, "Invalid request", detail)
                .with("errors", List.of(new FieldError(field, detail)));
    }

    public static DomainException conflict(String detail) {
        return new DomainException(Kind.CONFLICT, "Conflict", detail);
    }

    public static DomainException forbidden(String detail) {
        return new DomainException(Kind.FORBIDDEN, "Forbidden", detail);
    }

    public static DomainException unauthenticated(String detail) {
        return new DomainException(Kind.UNAUTHENTICATED, "Unauthorized", detail);
    }

    public static DomainException throttled(String detail, Duration retryAfter) {
        return new DomainException(Kind.THROTTLED, "Too many requests", detail).retryAfter(retryAfter);
    }

    public static DomainException unavailable(String detail, Duration retryAfter) {
        return new DomainException(Kind.UNAVAILABLE, "Service unavailable", detail).retryAfter(retryAfter);
    }

    /** Adds a member to the problem document, e.g. which seats were taken. */
    public DomainException with(String property, Object value) {
        properties.put(property, value);
        return this;
    }

    /** How long the caller should wait before trying again; sent as {@code Retry-After} and {@code retryAfterSeconds}. */
    public DomainException retryAfter(Duration wait) {
        this.retryAfter = wait;
        return with("retryAfterSeconds", Math.max(1, (wait.toMillis() + 999) / 1000));
    }

    public Kind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** One rejected input: the field's path in the request and why it was rejected. */
    public record FieldError(String field, String message) {
    }
}
