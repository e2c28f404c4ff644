package com.tickitecking.seat.seat;

import com.tickitecking.events.ConcertDetails;
import com.tickitecking.events.SeatGrade;
import com.tickitecking.events.SeatId;
import com.tickitecking.events.SeatingLayout;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The bulk writes of seat rows: creation as JDBC batches, regrading as a batch of per-row range updates, deletion
 * in chunks. Plain JDBC on purpose: a stadium is 60,000 rows and the ORM would add nothing but per-row cost.
 *
 * <p>How a batch reaches the server depends on the driver: MariaDB Connector/J 3.x sends an INSERT batch with the
 * binary bulk protocol (COM_STMT_BULK_EXECUTE) by default ({@code useBulkStmtsForInserts=true});
 * {@code useBulkStmts=true} extends that to UPDATE/DELETE batches. MySQL Connector/J needs
 * {@code rewriteBatchedStatements=true} to turn the batch into multi-row INSERTs. The benchmark measures each.
 */
public class SeatWriter {

    /** One seat; {@link #bindInsert} fills it. */
    public static final String INSERT = """
            INSERT INTO seat (concert_id, seat_index, label, section, row_label, number, grade, price, status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'AVAILABLE')""";

    private final JdbcTemplate jdbc;
    private final int batchSize;

    public SeatWriter(JdbcTemplate jdbc, int batchSize) {
        this.jdbc = jdbc;
        this.batchSize = batchSize;
    }

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
