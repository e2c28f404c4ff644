package com.tickitecking.media.concert;

import com.tickitecking.events.ConcertCreated;
import com.tickitecking.events.ConcertDeleted;
import com.tickitecking.events.ConcertEvent;
import com.tickitecking.events.ConcertUpdated;
import com.tickitecking.media.image.ImageService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the local copy of concert ownership up to date from concert-service's events. Events may arrive late or
 * out of order: {@link Concert} ignores a revision lower than the one applied, and a deletion is final.
 */
@Component
public class ConcertEventsHandler {

    private final ConcertRepository concerts;
    private final ImageService images;

    ConcertEventsHandler(ConcertRepository concerts, ImageService images) {
        this.concerts = concerts;
        this.images = images;
    }

    /** Runs inside the inbox's transaction, which also records the event as processed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(ConcertEvent event) {
        switch (event) {
            case ConcertCreated created -> upsert(created.concertId(), created.details().ownerId(), created.revision());
            case ConcertUpdated updated -> upsert(updated.concertId(), updated.details().ownerId(), updated.revision());
            case ConcertDeleted deleted -> delete(deleted.concertId(), deleted.revision());
        }
    }

    private void upsert(long concertId, long ownerId, long revision) {
        concerts.findLockedById(concertId).ifPresentOrElse(
                concert -> concert.update(ownerId, revision),
                () -> concerts.saveAndFlush(Concert.known(concertId, ownerId, revision)));
    }

    private void delete(long concertId, long revision) {
        concerts.findLockedById(concertId).ifPresentOrElse(
                concert -> concert.delete(revision),
                () -> concerts.saveAndFlush(Concert.tombstone(concertId, revision)));
        images.deleteAllOf(concertId);
    }
}
