package com.tickitecking.seat.concert;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The concert projection table: what seat-service knows of each concert. */
@Repository
public class ConcertRepository {

    private static final String COLUMNS = "concert_id, owner_id, name, start_time, revision, total_seats, layout_json, grades_json, deleted_at";
    private static final RowMapper<Concert> MAPPER = (rs, n) -> new Concert(
            rs.getLong("concert_id"), rs.getLong("owner_id"), rs.getString("name"),
            rs.getTimestamp("start_time").toInstant(), rs.getLong("revision"), rs.getInt("total_seats"),
            LayoutJson.layout(rs.getString("layout_json")), LayoutJson.grades(rs.getString("grades_json")),
            rs.getTimestamp("deleted_at") == null ? null : rs.getTimestamp("deleted_at").toInstant());

    private final JdbcTemplate jdbc;

    public ConcertRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Concert> find(long concertId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM concert WHERE concert_id = ?", MAPPER, concertId).stream().findFirst();
    }

    /** Locks the concert's row: event handlers and seat blocking of one concert take turns. */
    public Optional<Concert> findForUpdate(long concertId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM concert WHERE concert_id = ? FOR UPDATE", MAPPER, concertId).stream().findFirst();
    }

    /**
     * Locks the rows of these concerts (those that exist) in id order, so that two transactions locking some of the
     * same concerts cannot wait for each other; returned in that order.
     */
    public List<Concert> findAllForUpdate(Collection<Long> concertIds) {
        if (concertIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM concert WHERE concert_id IN ("
                        + String.join(", ", Collections.nCopies(concertIds.size(), "?")) + ") ORDER BY concert_id FOR UPDATE",
                MAPPER, concertIds.toArray());
    }

    /** The revision alone: enough to answer a conditional request. Empty for an unknown or deleted concert. */
    public Optional<Long> liveRevision(long concertId) {
        List<Long> revisions = jdbc.queryForList("SELECT revision FROM concert WHERE concert_id = ? AND deleted_at IS NULL",
                Long.class, concertId);
        return revisions.stream().findFirst();
    }

    /** The owner and seat count of a live concert, without its layout: enough for an owner's check. */
    public record Ownership(long ownerId, int totalSeats) {
    }

    public Optional<Ownership> liveOwnership(long concertId) {
        return jdbc.query("SELECT owner_id, total_seats FROM concert WHERE concert_id = ? AND deleted_at IS NULL",
                (rs, i) -> new Ownership(rs.getLong(1), rs.getInt(2)), concertId).stream().findFirst();
    }

    /** Seat count of a live concert, or empty. */
    public Optional<Integer> liveTotalSeats(long concertId) {
        return jdbc.queryForList("SELECT total_seats FROM concert WHERE concert_id = ? AND deleted_at IS NULL",
                Integer.class, concertId).stream().findFirst();
    }

    public void insert(Concert concert) {
        jdbc.update("INSERT INTO concert (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)",
                concert.concertId(), concert.ownerId(), concert.name(), Timestamp.from(concert.startTime()),
                concert.revision(), concert.totalSeats(), LayoutJson.write(concert.layout()), LayoutJson.write(concert.grades()));
    }

    /** Everything but the layout and the seat count, which never change for a concert. */
    public void update(Concert concert) {
        jdbc.update("UPDATE concert SET owner_id = ?, name = ?, start_time = ?, revision = ?, grades_json = ? WHERE concert_id = ?",
                concert.ownerId(), concert.name(), Timestamp.from(concert.startTime()), concert.revision(),
                LayoutJson.write(concert.grades()), concert.concertId());
    }

    public void markDeleted(Concert deleted) {
        jdbc.update("UPDATE concert SET deleted_at = ?, revision = ? WHERE concert_id = ?",
                Timestamp.from(deleted.deletedAt()), deleted.revision(), deleted.concertId());
    }

    /** A ConcertDeleted for a concert never seen: remember it, so its late ConcertCreated is ignored. */
    public void insertTombstone(long concertId, long revision, Instant deletedAt) {
        Timestamp at = Timestamp.from(deletedAt);
        jdbc.update("INSERT INTO concert (" + COLUMNS + ") VALUES (?, 0, '', ?, ?, 0, '{\"sections\":[]}', '[]', ?)",
                concertId, at, revision, at);
    }

    /** Deleted concerts whose seats are still (partly) there, e.g. after a crash in the middle of a purge. */
    public List<Long> deletedWithSeats(int limit) {
        return jdbc.queryForList("""
                SELECT c.concert_id FROM concert c
                WHERE c.deleted_at IS NOT NULL AND EXISTS (SELECT 1 FROM seat s WHERE s.concert_id = c.concert_id)
                LIMIT ?""", Long.class, limit);
    }
}
