package com.tickitecking.events;

/** Events about a concert, published by concert-service. */
public sealed interface ConcertEvent extends DomainEvent permits ConcertCreated, ConcertUpdated, ConcertDeleted {

    long concertId();

    /** The concert's revision after the change; grows by one with every change. */
    long revision();

    @Override
    default String aggregateId() {
        return "concert-" + concertId();
    }
}
