package com.tickitecking.concert.concert;

import com.tickitecking.concert.auditorium.Auditorium;
import com.tickitecking.events.ConcertCreated;
import com.tickitecking.events.ConcertDeleted;
import com.tickitecking.events.ConcertDetails;
import com.tickitecking.events.ConcertUpdated;
import com.tickitecking.platform.outbox.OutboxWriter;
import org.springframework.stereotype.Component;

/**
 * Tells the other services about a concert change, through the outbox, in the changing transaction; and forgets
 * the cached copies. Every event carries the full details, so a consumer can apply any one of them alone.
 */
@Component
public class ConcertPublisher {

    private final OutboxWriter outbox;
    private final ConcertCache cache;

    public ConcertPublisher(OutboxWriter outbox, ConcertCache cache) {
        this.outbox = outbox;
        this.cache = cache;
    }

    void created(Concert concert, Auditorium auditorium) {
        outbox.append(ConcertCreated.of(concert.getId(), concert.getRevision(), details(concert, auditorium)));
        cache.evict(concert.getId());
    }

    public void updated(Concert concert, Auditorium auditorium) {
        outbox.append(ConcertUpdated.of(concert.getId(), concert.getRevision(), details(concert, auditorium)));
        cache.evict(concert.getId());
    }

    /** A deletion is a change too: it gets the next revision, so it outranks every earlier event. */
    void deleted(Concert concert) {
        outbox.append(ConcertDeleted.of(concert.getId(), concert.getRevision() + 1));
        cache.evict(concert.getId());
    }

    private static ConcertDetails details(Concert concert, Auditorium auditorium) {
        return new ConcertDetails(concert.getOwnerId(), concert.getName(), concert.getStartTime(), auditorium.getId(),
                auditorium.getName(), auditorium.getLayout(), concert.getGrades(), concert.getMaxTicketsPerBuyer());
    }
}
