package com.tickitecking.seat.seat;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads and single-seat writes of the seat table (bulk writes are {@link SeatWriter}'s). */
@Repository
public class Seats {

    private final JdbcTemplate jdbc;

    public Seats(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A seat's current state, as locked for a change. */
    public record LockedSeat(int index, String label, SeatStatus status, Long reservationId, long blockRevision) {
    }

    /**
     * The indexes of the concert's seats that are not AVAILABLE: one range read of ix_seat_status
     * (concert_id, status), which carries seat_index as part of the primary key.
     */
    public int[] unavailableIndexes(long concertId) {
        return jdbc.queryForList("SELECT seat_index FROM seat WHERE concert_id = ? AND status IN ('HELD', 'RESERVED', 'BLOCKED')",
                Integer.class, concertId).stream().mapToInt(Integer::intValue).toArray();
    }

    public long count(long concertId) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM seat WHERE concert_id = ?", Long.class, concertId);
        return count == null ? 0 : count;
    }

    public Optional<LockedSeat> lock(long concertId, int index) {
        return jdbc.query("SELECT seat_index, label, status, reservation_id, block_revision FROM seat "
                        + "WHERE concert_id = ? AND seat_index = ? FOR UPDATE",
                (rs, n) -> new LockedSeat(rs.getInt(1), rs.getString(2), SeatStatus.valueOf(rs.getString(3)),
                        rs.getObject(4, Long.class), rs.getLong(5)),
                concertId, index).stream().findFirst();
    }

    public void changeBlockStatus(long concertId, int index, SeatStatus status, long blockRevision) {
        jdbc.update("UPDATE seat SET status = ?, block_revision = ? WHERE concert_id = ? AND seat_index = ?",
                status.name(), blockRevision, concertId, index);
    }

    /**
     * Gives the seats to a reservation (HELD or RESERVED) unless the owner blocked them or a newer reservation
     * (higher id: reservation ids only grow) holds them. A seat still held by an older reservation is taken over:
     * reservation-service never gives one seat to two live reservations, so that older reservation's release
     * must merely be late.
     */
    public int claim(long concertId, Collection<Integer> indexes, SeatStatus status, long reservationId) {
        if (indexes.isEmpty()) {
            return 0;
        }
        return jdbc.update("UPDATE seat SET status = ?, reservation_id = ? WHERE concert_id = ? AND seat_index IN ("
                        + placeholders(indexes) + ") AND status <> 'BLOCKED' AND (reservation_id IS NULL OR reservation_id <= ?)",
                params(List.of(status.name(), reservationId, concertId), indexes, List.of(reservationId)));
    }

    /** Frees the seats this reservation holds; seats another reservation holds now stay as they are. */
    public int release(long concertId, Collection<Integer> indexes, long reservationId) {
        if (indexes.isEmpty()) {
            return 0;
        }
        return jdbc.update("UPDATE seat SET status = 'AVAILABLE', reservation_id = NULL WHERE concert_id = ? AND seat_index IN ("
                        + placeholders(indexes) + ") AND reservation_id = ?",
                params(List.of(concertId), indexes, List.of(reservationId)));
    }

    /** Each seat's status, by index. */
    public Map<Integer, SeatStatus> statuses(long concertId, Collection<Integer> indexes) {
        if (indexes.isEmpty()) {
            return Map.of();
        }
        Map<Integer, SeatStatus> statuses = new LinkedHashMap<>();
        jdbc.query("SELECT seat_index, status FROM seat WHERE concert_id = ? AND seat_index IN (" + placeholders(indexes) + ")",
                rs -> {
                    statuses.put(rs.getInt(1), SeatStatus.valueOf(rs.getString(2)));
                },
                params(List.of(concertId), indexes, List.of()));
        return statuses;
    }

    private static String placeholders(Collection<Integer> indexes) {
        return indexes.stream().map(i -> "?").collect(Collectors.joining(", "));
    }

    /** The statement's parameters: those before the IN list, the indexes, those after it. */
    private static Object[] params(List<Object> before, Collection<Integer> indexes, List<Object> after) {
        List<Object> params = new ArrayList<>(before.size() + indexes.size() + after.size());
        params.addAll(before);
        params.addAll(indexes);
        params.addAll(after);
        return params.toArray();
    }
}
