package com.tickitecking.concert.poster;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The posters seen of each concert ({@code concert_poster}, tombstones included) and the concert's poster URL. */
@Repository
public class PosterRepository {

    private final JdbcTemplate jdbc;

    public PosterRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void saveUploaded(long imageId, long concertId, String path) {
        jdbc.update("""
                INSERT INTO concert_poster (image_id, concert_id, path, deleted) VALUES (?, ?, ?, FALSE)
                ON DUPLICATE KEY UPDATE path = VALUES(path)""",
                imageId, concertId, path);
    }

    public void saveDeleted(long imageId, long concertId) {
        jdbc.update("""
                INSERT INTO concert_poster (image_id, concert_id, path, deleted) VALUES (?, ?, NULL, TRUE)
                ON DUPLICATE KEY UPDATE deleted = TRUE""",
                imageId, concertId);
    }

    /**
     * Sets the concert's poster URL to its newest poster that is not deleted. Locks the concert row first, so
     * concurrent image events of one concert take turns.
     */
    public void refreshPosterUrl(long concertId) {
        jdbc.queryForList("SELECT id FROM concert WHERE id = ? FOR UPDATE", Long.class, concertId);
        jdbc.update("""
                UPDATE concert SET poster_url = (
                    SELECT p.path FROM concert_poster p
                    WHERE p.concert_id = ? AND NOT p.deleted AND p.path IS NOT NULL
                    ORDER BY p.image_id DESC LIMIT 1)
                WHERE id = ?""", concertId, concertId);
    }
}
