package com.tickitecking.concert.poster;

import com.tickitecking.concert.concert.ConcertCache;
import com.tickitecking.events.ImageDeleted;
import com.tickitecking.events.ImageUploaded;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A concert's poster, from media-service's image events: the newest poster (highest image id) that is not
 * deleted. Deleting it falls back to the previous one. A deletion arriving before its upload leaves a tombstone,
 * so the late upload cannot resurrect the image.
 */
@Component
public class ConcertPosters {

    static final String POSTER = "POSTER";

    private final JdbcTemplate jdbc;
    private final ConcertCache cache;

    public ConcertPosters(JdbcTemplate jdbc, ConcertCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void uploaded(ImageUploaded event) {
        if (!POSTER.equalsIgnoreCase(event.kind())) {
            return;
        }
        jdbc.update("""
                INSERT INTO concert_poster (image_id, concert_id, path, deleted) VALUES (?, ?, ?, FALSE)
                ON DUPLICATE KEY UPDATE path = VALUES(path)""",
                event.imageId(), event.concertId(), event.path());
        refresh(event.concertId());
    }

    /** ImageDeleted does not say the kind: a gallery image just leaves a tombstone that no query picks. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void deleted(ImageDeleted event) {
        jdbc.update("""
                INSERT INTO concert_poster (image_id, concert_id, path, deleted) VALUES (?, ?, NULL, TRUE)
                ON DUPLICATE KEY UPDATE deleted = TRUE""",
                event.imageId(), event.concertId());
        refresh(event.concertId());
    }

    /** Called with the concert row locked first, so concurrent image events of one concert take turns. */
    private void refresh(long concertId) {
        jdbc.queryForList("SELECT id FROM concert WHERE id = ? FOR UPDATE", Long.class, concertId);
        jdbc.update("""
                UPDATE concert SET poster_url = (
                    SELECT p.path FROM concert_poster p
                    WHERE p.concert_id = ? AND NOT p.deleted AND p.path IS NOT NULL
                    ORDER BY p.image_id DESC LIMIT 1)
                WHERE id = ?""", concertId, concertId);
        cache.evict(concertId);
    }
}
