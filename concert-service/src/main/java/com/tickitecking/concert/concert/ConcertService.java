package com.tickitecking.concert.concert;

import com.tickitecking.concert.auditorium.Auditorium;
import com.tickitecking.concert.auditorium.AuditoriumRepository;
import com.tickitecking.concert.availability.AvailabilityRepository;
import com.tickitecking.events.SeatGrade;
import com.tickitecking.platform.security.AuthenticatedUser;
import com.tickitecking.platform.security.Role;
import com.tickitecking.platform.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Creating, changing and withdrawing concerts. Only the venue's owner (or an admin) may put a concert on at it,
 * and only the concert's owner (or an admin) may change it. A concert belongs to its venue's owner, also when an
 * admin created it.
 */
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
        if (caller.role() == Role.USER) {
            throw ApiException.forbidden("Only company users and admins put concerts on.");
        }
        Auditorium auditorium = venue(request.auditoriumId());
        if (!caller.owns(auditorium.getOwnerId())) {
            throw ApiException.forbidden("Auditorium " + auditorium.getId() + " is not yours.");
        }
        List<SeatGrade> grades = GradeCoverage.check(request.grades(), auditorium.getLayout());
        int buyerLimit = BuyerLimit.of(request.maxTicketsPerBuyer(), properties.maxTicketsPerBuyer());
        Concert concert = concerts.save(new Concert(auditorium.getOwnerId(), auditorium.getId(), request.name(),
                request.description(), request.startTime(), grades, auditorium.getTotalSeats(), buyerLimit));
        publisher.created(concert, auditorium);
        return concert.getId();
    }

    @Transactional
    public void update(AuthenticatedUser caller, long id, ConcertRequests.Save request) {
        Concert concert = ownedForUpdate(caller, id);
        Auditorium auditorium = venue(request.auditoriumId());
        if (auditorium.getOwnerId() != concert.getOwnerId()) {
            throw ApiException.forbidden("A concert can only move to a venue of its own owner.");
        }
        List<SeatGrade> grades = GradeCoverage.check(request.grades(), auditorium.getLayout());
        int buyerLimit = BuyerLimit.of(request.maxTicketsPerBuyer(), properties.maxTicketsPerBuyer());
        boolean seatsChanged = concert.getAuditoriumId() != auditorium.getId();
        concert.change(auditorium.getId(), request.name(), request.description(), request.startTime(), grades,
                auditorium.getTotalSeats(), buyerLimit);
        concerts.flush();
        if (seatsChanged) {
            availability.recount(id); // publisher.updated forgets the cached concert
        }
        publisher.updated(concert, auditorium);
    }

    @Transactional
    public void delete(AuthenticatedUser caller, long id) {
        Concert concert = ownedForUpdate(caller, id);
        publisher.deleted(concert);
        concerts.delete(concert);
    }

    private Concert ownedForUpdate(AuthenticatedUser caller, long id) {
        Concert concert = concerts.findForUpdate(id).orElseThrow(() -> ApiException.notFound("concert", id));
        if (!caller.owns(concert.getOwnerId())) {
            throw ApiException.forbidden("Concert " + id + " is not yours.");
        }
        return concert;
    }

    /** Locked, so its layout cannot change while a concert is being priced against it. */
    private Auditorium venue(long auditoriumId) {
        return auditoriums.findForUpdate(auditoriumId)
                .orElseThrow(() -> ApiException.badRequest("auditoriumId", "names no auditorium: " + auditoriumId));
    }
}
