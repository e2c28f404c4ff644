package com.tickitecking.reservation.bench;

import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Where the probe's hold → availability lag went, hop by hop, read after the probe from the two services'
 * databases (one MariaDB server here, so one query joins them): the hold's ReservationCreated row in
 * reservation-service's outbox ({@code created_at} in the hold's transaction, {@code published_at} when SQS took
 * it) and its id in seat-service's inbox ({@code processed_at}: when seat-service began applying it).
 * <ul>
 *   <li>relay: outbox row written → SQS accepted it;</li>
 *   <li>queue: SQS accepted → seat-service's listener began applying (waiting in the queue and for a listener);</li>
 *   <li>apply: began applying → the probe saw the seat taken (the transaction, the bitmap update, at most one
 *   poll of the probe).</li>
 * </ul>
 * All stamps are wall-clock times of one machine.
 */
final class LiveEventHops {

    private LiveEventHops() {
    }

    /**
     * The hop lines for the holds (reservation id, and when the probe saw each taken, epoch microseconds); a line
     * saying why not when the databases cannot be read.
     */
    static List<String> lines(String reservationDatabase, long[] reservationIds, long[] seenMicros) {
        if (reservationDatabase == null || reservationIds.length == 0) {
            return List.of();
        }
        String seatSchema = "tickitecking_seat";
        StringJoiner ids = new StringJoiner(",");
        Map<String, Long> seenByAggregate = new HashMap<>();
        for (int i = 0; i < reservationIds.length; i++) {
            ids.add("'reservation-" + reservationIds[i] + "'");
            seenByAggregate.put("reservation-" + reservationIds[i], seenMicros[i]);
        }
        List<Long> relay = new ArrayList<>();
        List<Long> queue = new ArrayList<>();
        List<Long> apply = new ArrayList<>();
        String user = System.getenv().getOrDefault("DB_USERNAME", "root");
        String password = System.getenv().getOrDefault("DB_PASSWORD", "");
        try (var connection = DriverManager.getConnection(reservationDatabase, user, password);
             var statement = connection.createStatement();
             var rows = statement.executeQuery("""
                     SELECT o.aggregate_id, ROUND(UNIX_TIMESTAMP(o.created_at) * 1000000),
                            ROUND(UNIX_TIMESTAMP(o.published_at) * 1000000), ROUND(UNIX_TIMESTAMP(p.processed_at) * 1000000)
                     FROM outbox_event o JOIN %s.processed_event p ON p.event_id = o.event_id
                     WHERE o.event_type = 'ReservationCreated' AND o.destination = 'SEAT' AND o.aggregate_id IN (%s)"""
                     .formatted(seatSchema, ids))) {
            while (rows.next()) {
                long written = rows.getLong(2);
                long published = rows.getLong(3);
                long applying = rows.getLong(4);
                relay.add(published - written);
                queue.add(applying - published);
                apply.add(seenByAggregate.get(rows.getString(1)) - applying);
            }
        } catch (Exception e) {
            return List.of("  hops: not read (" + e.getMessage() + ")");
        }
        return List.of(
                String.format(Locale.ROOT, "  hops of it (n=%d): relay commit → SQS %s; SQS → seat-service applying %s; "
                        + "applying → seen %s", relay.size(), p50p99(relay), p50p99(queue), p50p99(apply)));
    }

    private static String p50p99(List<Long> micros) {
        long[] nanos = micros.stream().mapToLong(m -> m * 1000).toArray();
        return String.format(Locale.ROOT, "p50 %.1f / p99 %.1f ms", ReservationBench.percentile(nanos, 50) / 1e6,
                ReservationBench.percentile(nanos, 99) / 1e6);
    }
}
