package com.tickitecking.concert.auditorium;

import com.tickitecking.concert.concert.Concert;
import com.tickitecking.concert.concert.ConcertCache;
import com.tickitecking.concert.concert.ConcertPublisher;
import com.tickitecking.concert.concert.ConcertRepository;
import com.tickitecking.platform.domain.DomainException;
import com.tickitecking.platform.security.AuthenticatedUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Venues: company users (and admins) own them; the rules are {@link Auditorium}'s. */
@Service
public class AuditoriumService {

    private final AuditoriumRepository auditoriums;
    private final ConcertRepository concerts;
    private final ConcertPublisher concertPublisher;
    private final ConcertCache concertCache;
    private final AuditoriumProperties properties;

    public AuditoriumService(AuditoriumRepository auditoriums, ConcertRepository concerts,
                             ConcertPublisher concertPublisher, ConcertCache concertCache,
                             AuditoriumProperties properties) {
        this.auditoriums = auditoriums;
        this.concerts = concerts;
        this.concertPublisher = concertPublisher;
        this.concertCache = concertCache;
        this.properties = properties;
    }

    @Transactional
    public Auditorium create(AuthenticatedUser caller, AuditoriumRequests.Save request) {
        return auditoriums.save(Auditorium.open(caller, request, properties));
    }

    @Transactional(readOnly = true)
    public Page<Auditorium> list(AuthenticatedUser caller, Pageable page) {
        return caller.isAdmin() ? auditoriums.findAll(page) : auditoriums.findByOwnerId(caller.id(), page);
    }

    @Transactional(readOnly = true)
    public Auditorium get(AuthenticatedUser caller, long id) {
        Auditorium auditorium = auditoriums.findById(id).orElseThrow(() -> DomainException.notFound("auditorium", id));
        auditorium.assertOwnedBy(caller);
        return auditorium;
    }

    /**
     * A renamed venue gives each of its concerts a new revision and a ConcertUpdated, since the concert events
     * carry the venue's name. A new address only shows in the concert details, so it just evicts them.
     */
    @Transactional
    public Auditorium update(AuthenticatedUser caller, long id, AuditoriumRequests.Save request) {
        Auditorium auditorium = forUpdate(caller, id);
        Auditorium.Change change = auditorium.replace(request, properties, concerts.existsByAuditoriumId(id));
        if (change.renamed() || change.moved()) {
            for (Concert concert : concerts.findByAuditoriumForUpdate(id)) {
                if (change.renamed()) {
                    concert.venueRenamed();
                    concertPublisher.updated(concert, auditorium);
                } else {
                    concertCache.evict(concert.getId());
                }
            }
        }
        return auditorium;
    }

    @Transactional
    public void delete(AuthenticatedUser caller, long id) {
        Auditorium auditorium = forUpdate(caller, id);
        auditorium.assertRemovable(concerts.existsByAuditoriumId(id));
        auditoriums.delete(auditorium);
    }

    private Auditorium forUpdate(AuthenticatedUser caller, long id) {
        Auditorium auditorium = auditoriums.findForUpdate(id).orElseThrow(() -> DomainException.notFound("auditorium", id));
        auditorium.assertOwnedBy(caller);
        return auditorium;
    }
}
