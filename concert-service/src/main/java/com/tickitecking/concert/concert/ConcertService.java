package com.tickitecking.concert.concert;

import com.tickitecking.concert.auditorium.Auditorium;
import com.tickitecking.concert.auditorium.AuditoriumRepository;
import com.tickitecking.concert.availability.AvailabilityRepository;
import com.tickitecking.platform.domain.DomainException;
import com.tickitecking.platform.security.AuthenticatedUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;

/** Creating, changing and withdrawing concerts; the rules are {@link Concert}'s. */
@Service
public class ConcertService {

    private final ConcertRepository concerts;
    private final AuditoriumRepository auditoriums;
    private final ConcertPublisher publisher;
    private final AvailabilityRepository availability;
    private final ConcertProperties properties;

    public ConcertService(ConcertRepository concerts, AuditoriumRepository auditoriums, ConcertPublisher publisher,
                          AvailabilityRepository availability, ConcertProperties properties) {
        this.concerts = concerts;
        this.auditoriums = auditoriums;
        this.publisher = publisher;
        this.availability = availability;
        this.properties = properties;
    }

    @Transactional
    public long create(AuthenticatedUser caller, ConcertRequests.Save request) {
        Concert.assertMayPutOnConcerts(caller); // before the venue is looked up: a plain user hears 403, whatever it names
        Auditorium venue = venue(request.auditoriumId());
        Concert concert = concerts.save(Concert.putOn(caller, venue, request, properties.maxTicketsPerBuyer(),
                Instant.now()));
        publisher.created(concert, venue);
        return concert.getId();
    }

    @Transactional
    public void update(AuthenticatedUser caller, long id, ConcertRequests.Save request) {
        Concert concert = forUpdate(caller, id);
        Auditorium venue = venue(request.auditoriumId());
        boolean moved = concert.replace(venue, request, properties.maxTicketsPerBuyer());
        concerts.flush();
        if (moved) {
            availability.recount(id); // publisher.updated forgets the cached concert
        }
        publisher.updated(concert, venue);
    }

    @Transactional
    public void delete(AuthenticatedUser caller, long id) {
        Concert concert = forUpdate(caller, id);
        publisher.deleted(concert);
        concerts.delete(concert);
    }

    private Concert forUpdate(AuthenticatedUser caller, long id) {
        Concert concert = concerts.findForUpdate(id).orElseThrow(() -> DomainException.notFound("concert", id));
        concert.assertOwnedBy(caller);
        return concert;
    }

    /** Locked, so its layout cannot change while a concert is being priced against it. */
    private Auditorium venue(long auditoriumId) {
        return auditoriums.findForUpdate(auditoriumId)
                .orElseThrow(() -> DomainException.invalid("auditoriumId", "names no auditorium: " + auditoriumId));
    }
}
