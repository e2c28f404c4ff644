package com.tickitecking.concert.poster;

import com.tickitecking.concert.concert.ConcertCache;
import com.tickitecking.events.ImageDeleted;
import com.tickitecking.events.ImageEvent;
import com.tickitecking.events.ImageUploaded;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A concert's poster, from media-service's image events: the newest poster (highest image id) that is not
 * deleted. Deleting it falls back to the previous one. A deletion arriving before its upload leaves a tombstone,
 * so the late upload cannot resurrect the image.
 */
@Component
public class PosterEventsHandler {

    static final String POSTER = "POSTER";

    private final PosterRepository posters;
    private final ConcertCache cache;

    public PosterEventsHandler(PosterRepository posters, ConcertCache cache) {
        this.posters = posters;
        this.cache = cache;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(ImageEvent event) {
        switch (event) {
            case ImageUploaded uploaded -> uploaded(uploaded);
            case ImageDeleted deleted -> deleted(deleted);
        }
    }

    private void uploaded(ImageUploaded event) {
        if (!POSTER.equalsIgnoreCase(event.kind())) {
            return;
        }
        posters.saveUploaded(event.imageId(), event.concertId(), event.path());
        refresh(event.concertId());
    }

    /** ImageDeleted does not say the kind: a gallery image just leaves a tombstone that no query picks. */
    private void deleted(ImageDeleted event) {
        posters.saveDeleted(event.imageId(), event.concertId());
        refresh(event.concertId());
    }

    private void refresh(long concertId) {
        posters.refreshPosterUrl(concertId);
        cache.evict(concertId);
    }
}
