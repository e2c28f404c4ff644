package com.tickitecking.platform.messaging;

import com.tickitecking.events.ConcertDeleted;
import com.tickitecking.events.EventJson;
import com.tickitecking.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class EventInboxIT {

    @Autowired
    EventInbox inbox;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void appliesAnEventDeliveredTwiceOnlyOnce() {
        String message = EventJson.write(ConcertDeleted.of(1, 1));
        var applied = new AtomicInteger();

        boolean first = inbox.receive(message, event -> applied.incrementAndGet());
        boolean second = inbox.receive(message, event -> applied.incrementAndGet());

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(applied).hasValue(1);
    }

    @Test
    void aFailingHandlerLeavesTheEventToBeRetried() {
        var event = ConcertDeleted.of(2, 1);
        String message = EventJson.write(event);

        assertThatThrownBy(() -> inbox.receive(message, e -> {
            jdbc.update("INSERT INTO processed_event (event_id, event_type, processed_at) VALUES ('side-effect', 'X', NOW())");
            throw new IllegalStateException("handler failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM processed_event WHERE event_id IN ('side-effect', ?)", Long.class,
                event.eventId().toString())).isZero();
        assertThat(inbox.receive(message, e -> { })).isTrue();
    }

    @Test
    void aBatchIsAppliedInOneCallAndItsDuplicatesOnce() {
        String first = EventJson.write(ConcertDeleted.of(3, 1));
        String second = EventJson.write(ConcertDeleted.of(4, 1));
        List<List<Long>> calls = new ArrayList<>();

        List<String> done = inbox.receiveAll(List.of(first, second, first), m -> m,
                events -> calls.add(events.stream().map(e -> ((ConcertDeleted) e).concertId()).toList()));
        List<String> again = inbox.receiveAll(List.of(second), m -> m, events -> calls.add(List.of(-1L)));

        assertThat(done).containsExactly(first, second, first);
        assertThat(again).containsExactly(second);
        assertThat(calls).containsExactly(List.of(3L, 4L));
    }

    @Test
    void aBatchWhoseHandlerFailsIsAppliedOneByOneAndOnlyTheFailingMessageIsLeft() {
        String good = EventJson.write(ConcertDeleted.of(5, 1));
        String bad = EventJson.write(ConcertDeleted.of(6, 1));
        String garbage = "{\"type\":\"Nope\"}";
        List<Long> applied = new ArrayList<>();

        List<String> done = inbox.receiveAll(List.of(good, bad, garbage), m -> m, events -> {
            for (var event : events) {
                long concert = ((ConcertDeleted) event).concertId();
                if (concert == 6) {
                    throw new IllegalStateException("handler failed");
                }
                applied.add(concert);
            }
        });

        assertThat(done).containsExactly(good);
        assertThat(applied).as("the batch's call was rolled back, then the good one applied alone").containsExactly(5L, 5L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", Long.class,
                EventJson.read(bad).eventId().toString())).isZero();
    }

    @Test
    void refusesAMessageThatIsNoEvent() {
        assertThatThrownBy(() -> inbox.receive("{\"type\":\"Nope\"}", e -> { })).isInstanceOf(RuntimeException.class);
    }
}
