package com.tickitecking.media.concert;

import com.tickitecking.events.ConcertCreated;
import com.tickitecking.events.ConcertDeleted;
import com.tickitecking.events.ConcertDetails;
import com.tickitecking.events.ConcertUpdated;
import com.tickitecking.events.DomainEvent;
import com.tickitecking.media.image.ImageService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the local copy of concert ownership up to date. Events may arrive late or out of order: a revision
 * lower than the one applied changes nothing, and a deletion is final.
 */
@Component
public class ConcertProjection {

    private static final Logger log = LoggerFactory.getLogger(ConcertProjection.class);

    private final ConcertRepository concerts;
    private final ImageService images;

    ConcertProjection(ConcertRepository concerts, ImageService images) {
        this.concerts = concerts;
        this.images = images;
    }

    /** Runs inside the inbox's transaction (see {@link ConcertEventsListener}). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(DomainEvent event) {
        switch (event) {
            case ConcertCreated created -> upsert(created.concertId(), created.revision(), created.details());
            case ConcertUpdated updated -> upsert(updated.concertId(), updated.revision(), updated.details());
            case ConcertDeleted deleted -> delete(deleted.concertId(), deleted.revision());
            default -> log.debug("ignoring {} on the media queue", event.type());
        }
    }

    private void upsert(long concertId, long revision, ConcertDetails details) {
        concerts.findLockedById(concertId).ifPresentOrElse(
                concert -> concert.update(details.ownerId(), revision),
                () -> concerts.saveAndFlush(Concert.known(concertId, details.ownerId(), revision)));
    }

    private void delete(long concertId, long revision) {
        concerts.findLockedById(concertId).ifPresentOrElse(
                concert -> concert.delete(revision),
                () -> concerts.saveAndFlush(Concert.tombstone(concertId, revision)));
        images.deleteAllOf(concertId);
    }
}
