package com.tickitecking.seat.seat;

import com.tickitecking.seat.config.SeatProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * All access to the seat table: the reads, the writes of changed seats, and the bulk writes of a whole concert.
 *
 * <p>Plain JDBC on purpose: a stadium is 60,000 rows and the ORM would add nothing but per-row cost. How a batch
 * reaches the server depends on the driver: MariaDB Connector/J 3.x sends an INSERT batch with the binary bulk
 * protocol (COM_STMT_BULK_EXECUTE) by default ({@code useBulkStmtsForInserts=true}); {@code useBulkStmts=true}
 * extends that to UPDATE/DELETE batches. MySQL Connector/J needs {@code rewriteBatchedStatements=true} to turn the
 * batch into multi-row INSERTs. The benchmark measures each.
 */
@Repository
public class SeatRepository {

    /** One seat; {@link #bindInsert} fills it. */
    public static final String INSERT = """
            INSERT INTO seat (concert_id, seat_index, label, section, row_label, number, grade, price, status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'AVAILABLE')""";

    private final JdbcTemplate jdbc;
    private final int batchSize;

    public SeatRepository(JdbcTemplate jdbc, SeatProperties properties) {
        this.jdbc = jdbc;
        this.batchSize = properties.insertBatchSize();
    }

    /**
     * The indexes of the concert's seats that are not AVAILABLE: one range read of ix_seat_status
     * (concert_id, status), which carries seat_index as part of the primary key.
     */
    public int[] unavailableIndexes(long concertId) {
        return jdbc.queryForList("SELECT seat_index FROM seat WHERE concert_id = ? AND status IN ('HELD', 'RESERVED', 'BLOCKED')",
                Integer.class, concertId).stream().mapToInt(Integer::intValue).toArray();
    }

    /** A seat that is not AVAILABLE, and its status. */
    public record Unavailable(int index, SeatStatus status) {
    }

    /** The concert's seats that are not AVAILABLE with their statuses: the same range read of ix_seat_status. */
    public List<Unavailable> unavailableStatuses(long concertId) {
        return jdbc.query("SELECT seat_index, status FROM seat WHERE concert_id = ? AND status IN ('HELD', 'RESERVED', 'BLOCKED')",
                (rs, i) -> new Unavailable(rs.getInt(1), SeatStatus.valueOf(rs.getString(2))), concertId);
    }

    /** The seats at these indexes (those that exist), locked for a change, in index order. */
    public List<Seat> lock(long concertId, Collection<Integer> indexes) {
        if (indexes.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(indexes.size() + 1);
        params.add(concertId);
        params.addAll(indexes);
        return jdbc.query("SELECT seat_index, label, status, reservation_id, block_revision FROM seat "
                        + "WHERE concert_id = ? AND seat_index IN (" + placeholders(indexes.size()) + ") "
                        + "ORDER BY seat_index FOR UPDATE",
                (rs, n) -> new Seat(concertId, rs.getInt(1), rs.getString(2), SeatStatus.valueOf(rs.getString(3)),
                        rs.getObject(4, Long.class), rs.getLong(5)),
                params.toArray());
    }

    /**
     * Writes seats that changed alike (a reservation's seats after one event: the same status, holder and block
     * revision) with one statement per such set rather than one per seat, all in one JDBC batch.
     */
    public void saveInSets(long concertId, Collection<Seat> seats) {
        Map<List<Object>, List<Integer>> sets = new LinkedHashMap<>();
        for (Seat seat : seats) {
            sets.computeIfAbsent(Arrays.asList(seat.status().name(), seat.reservationId(), seat.blockRevision()),
                    k -> new ArrayList<>()).add(seat.index());
        }
        sets.entrySet().stream().collect(Collectors.groupingBy(set -> set.getValue().size(), LinkedHashMap::new, Collectors.toList()))
                .forEach((size, sameSize) -> jdbc.batchUpdate(
                        "UPDATE seat SET status = ?, reservation_id = ?, block_revision = ? WHERE concert_id = ? AND seat_index IN ("
                                + placeholders(size) + ")",
                        sameSize.stream().map(set -> {
                            List<Object> params = new ArrayList<>(set.getKey());
                            params.add(concertId);
                            params.addAll(set.getValue());
                            return params.toArray();
                        }).toList()));
    }

    /** Writes what a change can alter: status, holder and block revision. */
    public void save(Collection<Seat> seats) {
        if (seats.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("UPDATE seat SET status = ?, reservation_id = ?, block_revision = ? WHERE concert_id = ? AND seat_index = ?",
                seats.stream().map(s -> new Object[]{s.status().name(), s.reservationId(), s.blockRevision(),
                        s.concertId(), s.index()}).toList());
    }

    // ---- a whole concert's seats -------------------------------------------------------------------------

    /** Inserts the concert's seats as AVAILABLE in JDBC batches; returns how many. */
    public int insert(long concertId, List<NewSeat> seats) {
        jdbc.batchUpdate(INSERT, seats, batchSize, (ps, seat) -> bindInsert(ps, concertId, seat));
        return seats.size();
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

    /** Gives each row of seats its new grade and price: one range UPDATE per row, in one batch. Returns the rows. */
    public int regrade(long concertId, List<RowGrade> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("UPDATE seat SET grade = ?, price = ? WHERE concert_id = ? AND seat_index BETWEEN ? AND ?",
                    rows.stream().map(r -> new Object[]{r.grade(), r.price(), concertId, r.firstIndex(), r.lastIndex()}).toList());
        }
        return rows.size();
    }

    /** Deletes up to {@code chunk} seats of the concert; returns how many went (0 when none are left). */
    public int deleteChunk(long concertId, int chunk) {
        return jdbc.update("DELETE FROM seat WHERE concert_id = ? LIMIT ?", concertId, chunk);
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
