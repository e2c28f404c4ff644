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

import java.time.Instant;
import java.util.Optional;

/**
 * Keeps the concert projection and the seat rows in line with concert-service; {@link Concert} decides what an
 * event changes. Runs inside the inbox's transaction, so a redelivered event is never applied twice.
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
            Concert concert = Concert.created(concertId, revision, details);
            concerts.insert(concert);
            int created = seats.insert(concertId, concert.seats());
            log.info("concert {} r{}: created {} seats", concertId, revision, created);
            return;
        }
        Concert known = current.get();
        Optional<Concert.Update> applied = known.update(revision, details);
        if (applied.isEmpty()) {
            log.debug("concert {} r{} ignored (have r{}{})", concertId, revision, known.revision(),
                    known.isDeleted() ? ", deleted" : "");
            return;
        }
        Concert.Update update = applied.get();
        if (update.layoutIgnored()) {
            log.warn("concert {} r{} changes the layout, which never changes; the seats keep the first one", concertId, revision);
        }
        int regraded = seats.regrade(concertId, update.regraded());
        concerts.update(update.concert());
        log.info("concert {} r{}: regraded {} rows", concertId, revision, regraded);
    }

    private void delete(long concertId, long revision) {
        Optional<Concert> current = concerts.findForUpdate(concertId);
        if (current.isEmpty()) {
            concerts.insertTombstone(concertId, revision, Instant.now());
            return;
        }
        Optional<Concert> deleted = current.get().delete(revision, Instant.now());
        if (deleted.isEmpty()) {
            return;
        }
        concerts.markDeleted(deleted.get());
        availability.dropAfterCommit(concertId);
        // The seats go after the commit, chunk by chunk in short transactions, not in this one.
        purger.purgeAfterCommit(concertId);
    }
}
