package com.tickitecking.concert.concert;

import com.tickitecking.concert.auditorium.Auditorium;
import com.tickitecking.events.ConcertCreated;
import com.tickitecking.events.ConcertDeleted;
import com.tickitecking.events.ConcertDetails;
import com.tickitecking.events.ConcertEvent;
import com.tickitecking.events.ConcertUpdated;
import com.tickitecking.platform.domain.DomainException;
import com.tickitecking.platform.outbox.EventTooLargeException;
import com.tickitecking.platform.outbox.OutboxWriter;
import org.springframework.stereotype.Component;

/**
 * Tells the other services about a concert change, through the outbox, in the changing transaction; and forgets
 * the cached copies. Every event carries the full details, so a consumer can apply any one of them alone.
 *
 * <p>So every event must fit in one SQS message. The venue's row limit keeps the layout small enough; grades
 * listing many rows one by one (or very long names) could still push an event over, and then the change is
 * refused here, in its transaction, as invalid (a 400) with a detail that says so.
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
        append(ConcertCreated.of(concert.getId(), concert.getRevision(), details(concert, auditorium)));
        cache.evict(concert.getId());
    }

    public void updated(Concert concert, Auditorium auditorium) {
        append(ConcertUpdated.of(concert.getId(), concert.getRevision(), details(concert, auditorium)));
        cache.evict(concert.getId());
    }

    /** A deletion is a change too: it gets the next revision, so it outranks every earlier event. */
    void deleted(Concert concert) {
        outbox.append(ConcertDeleted.of(concert.getId(), concert.getRevision() + 1));
        cache.evict(concert.getId());
    }

    private void append(ConcertEvent event) {
        try {
            outbox.append(event);
        } catch (EventTooLargeException e) {
            throw new DomainException(DomainException.Kind.INVALID, "Concert too large to publish", "Concert " + event.concertId()
                    + " would be published as a " + e.eventType() + " of " + e.bytes() + " bytes, but one message holds at most "
                    + e.limit() + ". Let its grades name whole sections instead of listing rows one by one, or shorten its names.")
                    .with("eventBytes", e.bytes())
                    .with("maxEventBytes", e.limit());
        }
    }

    private static ConcertDetails details(Concert concert, Auditorium auditorium) {
        SaleWindow sale = concert.getSale();
        return new ConcertDetails(concert.getOwnerId(), concert.getName(), concert.getStartTime(), auditorium.getId(),
                auditorium.getName(), auditorium.getLayout(), concert.getGrades(), concert.getMaxTicketsPerBuyer(),
                sale.startsAt(), sale.endsAt(), sale.waitingRoom());
    }
}
