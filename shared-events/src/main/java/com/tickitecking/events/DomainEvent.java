package com.tickitecking.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;
import java.util.UUID;

/**
 * An immutable fact one service tells the others. Every event carries a unique id (consumers de-duplicate on
 * it), its type name (the JSON discriminator), a contract version and the time it happened.
 *
 * <p>Events about one aggregate also carry the aggregate's {@code revision}, which only grows: a consumer that
 * already applied a higher revision ignores an older event arriving late.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type", visible = true)
@JsonSubTypes({
        @JsonSubTypes.Type(value = ConcertCreated.class, name = ConcertCreated.TYPE),
        @JsonSubTypes.Type(value = ConcertUpdated.class, name = ConcertUpdated.TYPE),
        @JsonSubTypes.Type(value = ConcertDeleted.class, name = ConcertDeleted.TYPE),
        @JsonSubTypes.Type(value = SeatBlocked.class, name = SeatBlocked.TYPE),
        @JsonSubTypes.Type(value = SeatUnblocked.class, name = SeatUnblocked.TYPE),
        @JsonSubTypes.Type(value = ReservationCreated.class, name = ReservationCreated.TYPE),
        @JsonSubTypes.Type(value = ReservationConfirmed.class, name = ReservationConfirmed.TYPE),
        @JsonSubTypes.Type(value = ReservationCancelled.class, name = ReservationCancelled.TYPE),
        @JsonSubTypes.Type(value = ReservationExpired.class, name = ReservationExpired.TYPE),
        @JsonSubTypes.Type(value = ImageUploaded.class, name = ImageUploaded.TYPE),
        @JsonSubTypes.Type(value = ImageDeleted.class, name = ImageDeleted.TYPE),
})
public sealed interface DomainEvent
        permits ConcertEvent, SeatEvent, ReservationEvent, ImageEvent {

    UUID eventId();

    String type();

    int version();

    Instant occurredAt();

    /**
     * The aggregate the event is about, e.g. {@code concert-42}. Kept in the outbox row ({@code aggregate_id}) so
     * an operator can find one concert's or reservation's events there. It orders nothing: the queues are
     * standard, not FIFO, so consumers rely on the revision (and de-duplicate on the event id) instead.
     */
    String aggregateId();
}
