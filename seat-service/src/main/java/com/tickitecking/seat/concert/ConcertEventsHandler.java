package com.tickitecking.seat.concert;

import com.tickitecking.events.ConcertCreated;
import com.tickitecking.events.ConcertDeleted;
import com.tickitecking.events.ConcertDetails;
import com.tickitecking.events.ConcertEvent;
import com.tickitecking.events.ConcertUpdated;
import com.tickitecking.seat.availability.AvailabilityUpdates;
import com.tickitecking.seat.seat.SeatRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/**
 * Keeps the concert projection and the seat rows in line with concert-service. Runs inside the inbox's
 * transaction, so a redelivered event is never applied twice; revisions make it order-tolerant: ConcertCreated and
 * ConcertUpdated both carry the full state, so whichever arrives first creates the seats and an older one arriving
 * later is ignored. A deleted concert stays deleted.
 */
@Component
public class ConcertEventsHandler {

    private static final Logger log = LoggerFactory.getLogger(ConcertEventsHandler.class);

    private final ConcertRepository concerts;
    private final SeatRepository seats;
    private final SeatPurger purger;
    private final AvailabilityUpdates availability;

    public ConcertEventsHandler(ConcertRepository concerts, SeatRepository seats, SeatPurger purger,
                                AvailabilityUpdates availability) {
        this.concerts = concerts;
        this.seats = seats;
        this.purger = purger;
        this.availability = availability;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(ConcertEvent event) {
        switch (event) {
            case ConcertCreated created -> upsert(created.concertId(), created.revision(), created.details());
            case ConcertUpdated updated -> upsert(updated.concertId(), updated.revision(), updated.details());
            case ConcertDeleted deleted -> delete(deleted.concertId(), deleted.revision());
        }
    }

    private void upsert(long concertId, long revision, ConcertDetails details) {
        Optional<Concert> current = concerts.findForUpdate(concertId);
        if (current.isEmpty()) {
            concerts.insert(concertId, revision, details);
            int created = seats.insertSeats(concertId, details);
            log.info("concert {} r{}: created {} seats", concertId, revision, created);
            return;
        }
        Concert known = current.get();
        if (known.isDeleted() || known.revision() >= revision) {
            log.debug("concert {} r{} ignored (have r{}{})", concertId, revision, known.revision(),
                    known.isDeleted() ? ", deleted" : "");
            return;
        }
        if (!known.layout().equals(details.layout())) {
            log.warn("concert {} r{} changes the layout, which never changes; the seats keep the first one", concertId, revision);
        }
        int regraded = seats.regrade(concertId, known.layout(), known.grades(), details);
        concerts.update(concertId, revision, details);
        log.info("concert {} r{}: regraded {} rows", concertId, revision, regraded);
    }

    private void delete(long concertId, long revision) {
        Optional<Concert> current = concerts.findForUpdate(concertId);
        if (current.isEmpty()) {
            concerts.insertTombstone(concertId, revision);
            return;
        }
        if (current.get().isDeleted()) {
            return;
        }
        concerts.markDeleted(concertId, revision);
        availability.dropAfterCommit(concertId);
        // The seats go after the commit, chunk by chunk in short transactions, not in this one.
        purger.purgeAfterCommit(concertId);
    }
}
