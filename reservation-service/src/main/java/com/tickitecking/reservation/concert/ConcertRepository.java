package com.tickitecking.reservation.concert;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.tickitecking.events.ConcertDetails;
import com.tickitecking.events.SeatGrade;
import com.tickitecking.events.SeatingLayout;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The local copy of concerts and blocked seats, written only by {@link ConcertEventsHandler}. Every write keeps
 * the revision of the event it applied and ignores an event that is not newer, so events may arrive twice or
 * out of order.
 *
 * <p>Concerts are read through an in-memory cache, so a hold (a rush's losers above all) asks the database nothing
 * about the concert. The cache is kept current by the events on every instance, although SQS gives each event to
 * only one of them: the instance that applies a change tells all the others after its commit
 * ({@link ConcertChanges}), and each drops the concert from its cache; the TTL bounds a change an instance missed.
 */
@Repository
public class ConcertRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<SeatGrade>> GRADES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    /** Unknown ids are cached too ("no such concert"), so the size bound is what keeps a stream of made-up ids out. */
    private final Cache<Long, Optional<Concert>> cache;

    private final ConcertChanges changes;

    public ConcertRepository(JdbcTemplate jdbc, ConcertCacheProperties cacheProperties, MeterRegistry meters,
                             ConcertChanges changes) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.cache = Caffeine.newBuilder()
                .maximumSize(cacheProperties.maxSize())
                .expireAfterWrite(cacheProperties.ttl())
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, cache, "reservation-concerts");
        this.changes = changes;
        changes.listen(cache::invalidate, cache::invalidateAll);
    }

    /**
     * A concert on sale (known and not deleted). Read through a small cache: a rush asks for the same concert
     * thousands of times a second, and a change drops the concert from the cache of every instance.
     */
    public Optional<Concert> find(long concertId) {
        return cache.get(concertId, this::load);
    }

    /** How many concerts the cache holds once its pending evictions have run. */
    public long cachedConcerts() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private Optional<Concert> load(long concertId) {
        return jdbc.query("""
                SELECT id, owner_id, name, start_time, layout, grades, max_tickets_per_buyer, revision, sale_starts_at,
                       sale_ends_at, waiting_room FROM concert
                WHERE id = ? AND deleted = FALSE""",
                (rs, i) -> new Concert(rs.getLong("id"), rs.getLong("owner_id"), rs.getString("name"),
                        rs.getTimestamp("start_time").toInstant(),
                        JSON.readValue(rs.getString("layout"), SeatingLayout.class),
                        JSON.readValue(rs.getString("grades"), GRADES), rs.getInt("max_tickets_per_buyer"),
                        rs.getLong("revision"), instantOrNull(rs.getTimestamp("sale_starts_at")),
                        instantOrNull(rs.getTimestamp("sale_ends_at")), rs.getBoolean("waiting_room")),
                concertId).stream().findFirst();
    }

    /** Applies a ConcertCreated or ConcertUpdated unless a newer (or the same) revision was applied already. */
    public void upsert(long concertId, long revision, ConcertDetails details) {
        forgetAfterCommit(concertId);
        Long current = currentRevision(concertId);
        Timestamp now = Timestamp.from(Instant.now());
        if (current == null) {
            jdbc.update("""
                    INSERT INTO concert (id, owner_id, name, start_time, auditorium_name, layout, grades,
                                         max_tickets_per_buyer, sale_starts_at, sale_ends_at, waiting_room, revision,
                                         deleted, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?)""",
                    concertId, details.ownerId(), details.name(), Timestamp.from(details.startTime()),
                    details.auditoriumName(), JSON.writeValueAsString(details.layout()),
                    JSON.writeValueAsString(details.grades()), details.maxTicketsPerBuyer(),
                    timestampOrNull(details.saleStartsAt()), timestampOrNull(details.saleEndsAt()),
                    details.waitingRoom(), revision, now);
        } else if (revision > current) {
            jdbc.update("""
                    UPDATE concert SET owner_id = ?, name = ?, start_time = ?, auditorium_name = ?, layout = ?, grades = ?,
                                       max_tickets_per_buyer = ?, sale_starts_at = ?, sale_ends_at = ?,
                                       waiting_room = ?, revision = ?, updated_at = ?
                    WHERE id = ? AND deleted = FALSE""",
                    details.ownerId(), details.name(), Timestamp.from(details.startTime()), details.auditoriumName(),
                    JSON.writeValueAsString(details.layout()), JSON.writeValueAsString(details.grades()),
                    details.maxTicketsPerBuyer(), timestampOrNull(details.saleStartsAt()),
                    timestampOrNull(details.saleEndsAt()), details.waitingRoom(), revision, now, concertId);
        }
    }

    /** Applies a ConcertDeleted; a deletion that arrives before the creation leaves a tombstone behind. */
    public void delete(long concertId, long revision) {
        forgetAfterCommit(concertId);
        Long current = currentRevision(concertId);
        Timestamp now = Timestamp.from(Instant.now());
        if (current == null) {
            jdbc.update("""
                    INSERT INTO concert (id, owner_id, name, start_time, auditorium_name, layout, grades, revision, deleted, updated_at)
                    VALUES (?, 0, '', ?, NULL, 'null', '[]', ?, TRUE, ?)""", concertId, now, revision, now);
        } else if (revision > current) {
            jdbc.update("UPDATE concert SET deleted = TRUE, revision = ?, updated_at = ? WHERE id = ?", revision, now, concertId);
        }
    }

    /** Applies SeatBlocked / SeatUnblocked; the revision is per seat, an older event changes nothing. */
    public void setBlocked(long concertId, String seat, boolean blocked, long revision) {
        // In ON DUPLICATE KEY UPDATE assignments run left to right: `blocked` is decided against the old revision.
        jdbc.update("""
                INSERT INTO blocked_seat (concert_id, seat_label, blocked, revision, updated_at) VALUES (?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE blocked = IF(? > revision, ?, blocked), updated_at = IF(? > revision, ?, updated_at),
                                        revision = GREATEST(revision, ?)""",
                concertId, seat, blocked, revision, Timestamp.from(Instant.now()),
                revision, blocked, revision, Timestamp.from(Instant.now()), revision);
    }

    /** Which of these seats are off sale right now. */
    public List<String> blockedAmong(long concertId, Collection<String> seats) {
        return named.queryForList("""
                SELECT seat_label FROM blocked_seat WHERE concert_id = :concert AND seat_label IN (:seats) AND blocked = TRUE
                ORDER BY seat_label""",
                new MapSqlParameterSource("concert", concertId).addValue("seats", seats), String.class);
    }

    /** All the concert's seats its owner took off sale. */
    public List<String> blockedSeats(long concertId) {
        return jdbc.queryForList("SELECT seat_label FROM blocked_seat WHERE concert_id = ? AND blocked = TRUE",
                String.class, concertId);
    }

    /**
     * Drops the concert from every instance's cache once the change is committed: dropped before the commit, a
     * hold in between would load and cache the old row again.
     */
    private void forgetAfterCommit(long concertId) {
        Runnable forget = () -> {
            cache.invalidate(concertId);
            changes.publish(concertId);
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    forget.run();
                }
            });
        } else {
            forget.run();
        }
    }

    private static Instant instantOrNull(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestampOrNull(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private Long currentRevision(long concertId) {
        return jdbc.query("SELECT revision FROM concert WHERE id = ? FOR UPDATE", (rs, i) -> rs.getLong(1), concertId)
                .stream().findFirst().orElse(null);
    }
}
