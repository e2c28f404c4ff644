package com.tickitecking.concert.auditorium;

import com.tickitecking.concert.concert.Concert;
import com.tickitecking.concert.concert.ConcertCache;
import com.tickitecking.concert.concert.ConcertPublisher;
import com.tickitecking.concert.concert.ConcertRepository;
import com.tickitecking.events.SeatingLayout;
import com.tickitecking.platform.security.AuthenticatedUser;
import com.tickitecking.platform.security.Role;
import com.tickitecking.platform.web.ApiException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Venues: company users (and admins) own them. A venue's layout is frozen once a concert is on at it, because
 * the concert's seats, sold or not, derive from it; its name and address may still change.
 */
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
        if (caller.role() == Role.USER) {
            throw ApiException.forbidden("Only company users and admins own venues.");
        }
        SeatingLayout layout = LayoutPlanner.plan(request.layout(), properties);
        return auditoriums.save(new Auditorium(caller.id(), request.name(), request.address(), layout));
    }

    @Transactional(readOnly = true)
    public Page<Auditorium> list(AuthenticatedUser caller, Pageable page) {
        return caller.isAdmin() ? auditoriums.findAll(page) : auditoriums.findByOwnerId(caller.id(), page);
    }

    @Transactional(readOnly = true)
    public Auditorium get(AuthenticatedUser caller, long id) {
        Auditorium auditorium = auditoriums.findById(id).orElseThrow(() -> ApiException.notFound("auditorium", id));
        requireOwner(caller, auditorium);
        return auditorium;
    }

    /**
     * A renamed venue gives each of its concerts a new revision and a ConcertUpdated, since the concert events
     * carry the venue's name. A new address only shows in the concert details, so it just evicts them.
     */
    @Transactional
    public Auditorium update(AuthenticatedUser caller, long id, AuditoriumRequests.Save request) {
        Auditorium auditorium = forUpdate(caller, id);
        SeatingLayout layout = LayoutPlanner.plan(request.layout(), properties);
        if (!layout.equals(auditorium.getLayout()) && concerts.existsByAuditoriumId(id)) {
            throw ApiException.conflict("Auditorium " + id + " has concerts: its layout can no longer change.");
        }
        boolean renamed = !request.name().equals(auditorium.getName());
        boolean moved = !request.address().equals(auditorium.getAddress());
        auditorium.change(request.name(), request.address(), layout);
        if (renamed || moved) {
            for (Concert concert : concerts.findByAuditoriumForUpdate(id)) {
                if (renamed) {
                    concert.touch();
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
        if (concerts.existsByAuditoriumId(id)) {
            throw ApiException.conflict("Auditorium " + id + " has concerts: withdraw them first.");
        }
        auditoriums.delete(auditorium);
    }

    private Auditorium forUpdate(AuthenticatedUser caller, long id) {
        Auditorium auditorium = auditoriums.findForUpdate(id).orElseThrow(() -> ApiException.notFound("auditorium", id));
        requireOwner(caller, auditorium);
        return auditorium;
    }

    private static void requireOwner(AuthenticatedUser caller, Auditorium auditorium) {
        if (!caller.owns(auditorium.getOwnerId())) {
            throw ApiException.forbidden("Auditorium " + auditorium.getId() + " is not yours.");
        }
    }
}
