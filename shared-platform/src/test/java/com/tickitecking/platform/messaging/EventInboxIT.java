package com.tickitecking.platform.messaging;

import com.tickitecking.events.ConcertDeleted;
import com.tickitecking.events.EventJson;
import com.tickitecking.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

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

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM processed_event", Long.class)).isZero();
        assertThat(inbox.receive(message, e -> { })).isTrue();
    }

    @Test
    void refusesAMessageThatIsNoEvent() {
        assertThatThrownBy(() -> inbox.receive("{\"type\":\"Nope\"}", e -> { })).isInstanceOf(RuntimeException.class);
    }
}
