package com.tickitecking.seat.concert;

import com.tickitecking.seat.ThroughTheApi;
import com.tickitecking.events.ConcertCreated;
import com.tickitecking.events.ConcertDeleted;
import com.tickitecking.events.ConcertDetails;
import com.tickitecking.events.ConcertUpdated;
import com.tickitecking.events.EventJson;
import com.tickitecking.events.SeatGrade;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.seat.SeatEvents;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class ConcertSeatsIT extends ThroughTheApi {

    @Autowired
    MeterRegistry meters;

    @Test
    void createsEverySeatOfATwoSectionLayoutWithItsLabelGradeAndPrice() {
        events.publishAndAwait(ConcertCreated.of(101, 1, SeatEvents.twoSections(9)));

        assertThat(count(101)).isEqualTo(44);
        assertThat(seat(101, 0)).containsEntry("label", "FLOOR-A-1").containsEntry("grade", "VIP")
                .containsEntry("section", "FLOOR").containsEntry("row_label", "A").containsEntry("number", 1)
                .containsEntry("status", "AVAILABLE");
        assertThat((BigDecimal) seat(101, 0).get("price")).isEqualByComparingTo("150");
        assertThat(seat(101, 19)).containsEntry("label", "FLOOR-B-10").containsEntry("grade", "R");
        assertThat(seat(101, 20)).containsEntry("label", "BALCONY-A-1").containsEntry("grade", "S");
        assertThat(seat(101, 43)).containsEntry("label", "BALCONY-C-8").containsEntry("grade", "S");
        assertThat(jdbc.queryForList("SELECT grade, COUNT(*) AS n FROM seat WHERE concert_id = 101 GROUP BY grade ORDER BY grade"))
                .extracting(row -> row.get("grade") + "=" + row.get("n"))
                .containsExactly("R=10", "S=24", "VIP=10");
        assertThat(jdbc.queryForMap("SELECT owner_id, revision, total_seats FROM concert WHERE concert_id = 101"))
                .containsEntry("owner_id", 9L).containsEntry("revision", 1L).containsEntry("total_seats", 44);
    }

    @Test
    void aDuplicateDeliveryChangesNothing() {
        ConcertCreated created = ConcertCreated.of(102, 1, SeatEvents.twoSections(9));
        String json = EventJson.write(created);
        long appliedBefore = appliedEvents();

        events.publishRaw(json);
        events.publishRaw(json);
        events.awaitDrained();

        assertThat(count(102)).isEqualTo(44);
        assertThat(appliedEvents() - appliedBefore).as("events the inbox handed to the handlers").isEqualTo(1);
    }

    /** How many events this service's inbox has applied (it times each one, and only those). */
    private long appliedEvents() {
        var lag = meters.find("tickitecking.event.lag").timer();
        return lag == null ? 0 : lag.count();
    }

    @Test
    void anUpdateRegradesAndRepricesOnlyWhatChanged() {
        events.publishAndAwait(ConcertCreated.of(103, 1, SeatEvents.twoSections(9)));
        ConcertDetails before = SeatEvents.twoSections(9);
        // FLOOR-B becomes VIP; S gets cheaper; VIP on FLOOR-A is unchanged.
        ConcertDetails after = withGrades(before, List.of(
                new SeatGrade("VIP", new BigDecimal("150.00"), List.of(new SeatGrade.Area("FLOOR", null))),
                new SeatGrade("S", new BigDecimal("45.50"), List.of(new SeatGrade.Area("BALCONY", null)))));

        events.publishAndAwait(ConcertUpdated.of(103, 2, after));

        assertThat(seat(103, 12)).containsEntry("grade", "VIP");
        assertThat((BigDecimal) seat(103, 12).get("price")).isEqualByComparingTo("150");
        assertThat((BigDecimal) seat(103, 30).get("price")).isEqualByComparingTo("45.50");
        assertThat(jdbc.queryForObject("SELECT revision FROM concert WHERE concert_id = 103", Long.class)).isEqualTo(2);
    }

    @Test
    void anOlderUpdateArrivingLateNeverOverwritesANewerOne() {
        events.publishAndAwait(ConcertCreated.of(104, 1, SeatEvents.twoSections(9)));
        ConcertDetails newest = withGrades(SeatEvents.twoSections(9), List.of(
                new SeatGrade("S", new BigDecimal("10.00"), List.of(new SeatGrade.Area("BALCONY", null)))));
        ConcertDetails older = withGrades(SeatEvents.twoSections(9), List.of(
                new SeatGrade("S", new BigDecimal("99.00"), List.of(new SeatGrade.Area("BALCONY", null)))));

        events.publishAndAwait(ConcertUpdated.of(104, 3, newest));
        events.publishAndAwait(ConcertUpdated.of(104, 2, older));

        assertThat((BigDecimal) seat(104, 20).get("price")).isEqualByComparingTo("10");
        assertThat(seat(104, 0).get("grade")).isNull();
        assertThat(jdbc.queryForObject("SELECT revision FROM concert WHERE concert_id = 104", Long.class)).isEqualTo(3);
    }

    @Test
    void anUpdateArrivingBeforeItsCreatedCreatesTheSeatsAndTheCreatedIsIgnored() {
        events.publishAndAwait(ConcertUpdated.of(105, 2, SeatEvents.twoSections(9)));
        events.publishAndAwait(ConcertCreated.of(105, 1, SeatEvents.twoSections(1)));

        assertThat(count(105)).isEqualTo(44);
        assertThat(jdbc.queryForObject("SELECT owner_id FROM concert WHERE concert_id = 105", Long.class)).isEqualTo(9);
    }

    @Test
    void aDeleteRemovesTheSeatsAndALateCreatedDoesNotBringThemBack() {
        events.publishAndAwait(ConcertCreated.of(106, 1, SeatEvents.twoSections(9)));

        events.publishAndAwait(ConcertDeleted.of(106, 2));
        await().atMost(SeatEvents.PATIENCE).until(() -> count(106) == 0);
        events.publishAndAwait(ConcertUpdated.of(106, 1, SeatEvents.twoSections(9)));

        assertThat(count(106)).isZero();
        assertThat(jdbc.queryForObject("SELECT deleted_at IS NOT NULL FROM concert WHERE concert_id = 106", Boolean.class)).isTrue();
    }

    private long count(long concertId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM seat WHERE concert_id = ?", Long.class, concertId);
    }

    private Map<String, Object> seat(long concertId, int index) {
        return jdbc.queryForMap("SELECT * FROM seat WHERE concert_id = ? AND seat_index = ?", concertId, index);
    }

    static ConcertDetails withGrades(ConcertDetails details, List<SeatGrade> grades) {
        return new ConcertDetails(details.ownerId(), details.name(), details.startTime(), details.auditoriumId(),
                details.auditoriumName(), details.layout(), grades);
    }
}
