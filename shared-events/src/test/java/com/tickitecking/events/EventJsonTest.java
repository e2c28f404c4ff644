package com.tickitecking.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventJsonTest {

    static ConcertDetails details() {
        var layout = new SeatingLayout(List.of(
                new SeatingLayout.Section("FLOOR", "Floor", List.of(new SeatingLayout.Row("A", 10), new SeatingLayout.Row("B", 12))),
                new SeatingLayout.Section("BAL", "Balcony", List.of(new SeatingLayout.Row("1", 20)))));
        var grades = List.of(
                new SeatGrade("VIP", new BigDecimal("150000"), List.of(new SeatGrade.Area("FLOOR", List.of("A")))),
                new SeatGrade("R", new BigDecimal("99000.50"), List.of(new SeatGrade.Area("FLOOR", List.of("B")),
                        new SeatGrade.Area("BAL", List.of()))));
        return new ConcertDetails(7L, "Spring Night", Instant.parse("2027-03-01T19:00:00Z"), 3L, "Arena", layout, grades, 4);
    }

    static Stream<DomainEvent> everyEvent() {
        var seats = List.of("FLOOR-A-1", "FLOOR-A-2");
        return Stream.of(
                ConcertCreated.of(1, 1, details()),
                ConcertUpdated.of(1, 2, details()),
                ConcertDeleted.of(1, 3),
                SeatBlocked.of(1, "FLOOR-A-3", 1),
                SeatUnblocked.of(1, "FLOOR-A-3", 2),
                ReservationCreated.of(10, 1, 5, seats, 1, Instant.parse("2027-01-01T10:10:00Z")),
                ReservationConfirmed.of(10, 1, 5, seats, 2),
                ReservationCancelled.of(10, 1, 5, seats, 3),
                ReservationExpired.of(11, 1, 5, seats, 2),
                ImageUploaded.of(4, 1, "POSTER", "/api/v1/images/4"),
                ImageDeleted.of(4, 1));
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void everyEventSurvivesARoundTripThroughJson(DomainEvent event) {
        String json = EventJson.write(event);

        assertThat(json).contains("\"type\":\"" + event.type() + "\"");
        assertThat(EventJson.read(json)).isEqualTo(event);
    }

    @Test
    void carriesTheBuyerLimitOfAConcert() {
        String json = EventJson.write(ConcertUpdated.of(1, 2, details()));

        assertThat(json).contains("\"maxTicketsPerBuyer\":4");
        assertThat(((ConcertUpdated) EventJson.read(json)).details().maxTicketsPerBuyer()).isEqualTo(4);
    }

    @Test
    void readsAConcertEventWrittenBeforeTheBuyerLimitAsTheDefaultLimit() {
        String json = EventJson.write(ConcertCreated.of(1, 1, details())).replace(",\"maxTicketsPerBuyer\":4", "");
        assertThat(json).doesNotContain("maxTicketsPerBuyer");

        var created = (ConcertCreated) EventJson.read(json);

        assertThat(created.details().maxTicketsPerBuyer()).isEqualTo(ConcertDetails.DEFAULT_MAX_TICKETS_PER_BUYER).isEqualTo(8);
        assertThat(created.details().name()).isEqualTo("Spring Night");
    }

    @Test
    void refusesABuyerLimitBelowOne() {
        String json = EventJson.write(ConcertCreated.of(1, 1, details())).replace("\"maxTicketsPerBuyer\":4", "\"maxTicketsPerBuyer\":0");

        assertThatThrownBy(() -> EventJson.read(json)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void writesTimesAsIsoTextNotNumbers() {
        String json = EventJson.write(ConcertDeleted.of(1, 1));

        assertThat(json).containsPattern("\"occurredAt\":\"\\d{4}-\\d{2}-\\d{2}T");
    }

    @Test
    void ignoresFieldsItDoesNotKnowSoPublishersCanAddFields() {
        String json = EventJson.write(ImageDeleted.of(4, 1)).replace("{", "{\"addedLater\":42,");

        assertThat(EventJson.read(json)).isInstanceOf(ImageDeleted.class);
    }

    @Test
    void refusesAMessageThatIsNoEvent() {
        assertThatThrownBy(() -> EventJson.read("{\"type\":\"Nonsense\"}")).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> EventJson.read("not json")).isInstanceOf(RuntimeException.class);
    }

    @Test
    void routesEachEventToTheQueuesOfItsConsumers() {
        assertThat(EventQueue.subscribersOf(ConcertDeleted.of(1, 1)))
                .containsExactlyInAnyOrder(EventQueue.SEAT, EventQueue.RESERVATION, EventQueue.MEDIA);
        assertThat(EventQueue.subscribersOf(ReservationExpired.of(1, 1, 1, List.of("A-A-1"), 2)))
                .containsExactlyInAnyOrder(EventQueue.SEAT, EventQueue.CONCERT);
        assertThat(EventQueue.subscribersOf(ImageDeleted.of(1, 1))).containsExactly(EventQueue.CONCERT);
        assertThat(EventQueue.SEAT.deadLetterQueueName("tickitecking-")).isEqualTo("tickitecking-seat-events-dlq");
    }
}
