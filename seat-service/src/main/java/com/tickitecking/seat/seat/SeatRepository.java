package com.tickitecking.seat.seat;

import com.tickitecking.events.ConcertDetails;
import com.tickitecking.events.SeatGrade;
import com.tickitecking.events.SeatId;
import com.tickitecking.events.SeatingLayout;
import com.tickitecking.seat.config.SeatProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** All access to the seat table: reads, single-seat writes and the bulk writes of a whole concert. */
@Repository
public class SeatRepository {

    private final JdbcTemplate jdbc;
    private final int batchSize;

    public SeatRepository(JdbcTemplate jdbc, SeatProperties properties) {
        this.jdbc = jdbc;
        this.batchSize = properties.insertBatchSize();
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

    // ---- bulk writes

    /** One seat; {@link #bindInsert} fills it. */
    public static final String INSERT = """
            INSERT INTO seat (concert_id, seat_index, label, section, row_label, number, grade, price, status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'AVAILABLE')""";

    /** One seat row as it is inserted. */
    public record NewSeat(int index, SeatId seat, String grade, BigDecimal price) {
    }

    /** The rows of a concert's seats in SeatIndex order, graded. */
    public static List<NewSeat> rowsOf(ConcertDetails details) {
        List<NewSeat> rows = new ArrayList<>(details.layout().totalSeats());
        details.layout().forEachSeat(seat -> {
            SeatGrade grade = details.gradeOf(seat);
            rows.add(new NewSeat(rows.size(), seat, grade == null ? null : grade.name(), grade == null ? null : grade.price()));
        });
        return rows;
    }

    /** Inserts every seat of the concert as AVAILABLE; returns how many. */
    public int insertSeats(long concertId, ConcertDetails details) {
        List<NewSeat> rows = rowsOf(details);
        jdbc.batchUpdate(INSERT, rows, batchSize, (ps, row) -> bindInsert(ps, concertId, row));
        return rows.size();
    }

    /** Binds one seat to {@link #INSERT}; the benchmark's row-by-row baseline binds the same way. */
    public static void bindInsert(PreparedStatement ps, long concertId, NewSeat row) throws SQLException {
        ps.setLong(1, concertId);
        ps.setInt(2, row.index());
        ps.setString(3, row.seat().toString());
        ps.setString(4, row.seat().section());
        ps.setString(5, row.seat().row());
        ps.setInt(6, row.seat().number());
        ps.setString(7, row.grade());
        ps.setBigDecimal(8, row.price());
    }

    /**
     * Gives the seats of every row whose grade or price changed their new grade and price, one range UPDATE per
     * changed row in one batch. Grades cover whole rows (an area is a section or some of its rows), so a row is
     * the unit of change. Returns the number of rows (of seats) regraded.
     */
    public int regrade(long concertId, SeatingLayout layout, List<SeatGrade> before, ConcertDetails after) {
        ConcertDetails old = new ConcertDetails(after.ownerId(), after.name(), after.startTime(), after.auditoriumId(),
                after.auditoriumName(), layout, before);
        List<Object[]> updates = new ArrayList<>();
        int offset = 0;
        for (SeatingLayout.Section section : layout.sections()) {
            for (SeatingLayout.Row row : section.rows()) {
                SeatId first = new SeatId(section.code(), row.label(), 1);
                SeatGrade was = old.gradeOf(first);
                SeatGrade now = after.gradeOf(first);
                if (!sameGrade(was, now)) {
                    updates.add(new Object[]{now == null ? null : now.name(), now == null ? null : now.price(),
                            concertId, offset, offset + row.seats() - 1});
                }
                offset += row.seats();
            }
        }
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("UPDATE seat SET grade = ?, price = ? WHERE concert_id = ? AND seat_index BETWEEN ? AND ?", updates);
        }
        return updates.size();
    }

    /** Deletes up to {@code chunk} seats of the concert; returns how many went (0 when none are left). */
    public int deleteChunk(long concertId, int chunk) {
        return jdbc.update("DELETE FROM seat WHERE concert_id = ? LIMIT ?", concertId, chunk);
    }

    private static boolean sameGrade(SeatGrade a, SeatGrade b) {
        if (a == null || b == null) {
            return a == b;
        }
        return Objects.equals(a.name(), b.name()) && a.price().compareTo(b.price()) == 0;
    }
}
