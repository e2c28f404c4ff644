package com.tickitecking.platform.outbox;

import com.tickitecking.events.EventQueue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqsBatchesTest {

    private long nextId = 1;

    @Test
    void putsAtMostTenMessagesInABatch() {
        List<OutboxRow> rows = rows(25, "{}");

        List<List<OutboxRow>> batches = SqsBatches.of(rows);

        assertThat(batches).extracting(List::size).containsExactly(10, 10, 5);
    }

    @Test
    void keepsTheRowsInTheirOrder() {
        List<OutboxRow> rows = rows(12, "{}");

        List<List<OutboxRow>> batches = SqsBatches.of(rows);

        assertThat(batches.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(rows);
    }

    @Test
    void fillsABatchUpToExactlyTheByteLimit() {
        List<OutboxRow> rows = List.of(row("a".repeat(100_000)), row("a".repeat(100_000)),
                row("a".repeat(EventQueue.MAX_MESSAGE_BYTES - 200_000)));

        assertThat(SqsBatches.of(rows)).hasSize(1);
    }

    @Test
    void startsANewBatchBeforeTheBytesWouldPassTheLimit() {
        OutboxRow full = row("a".repeat(EventQueue.MAX_MESSAGE_BYTES));
        OutboxRow tiny = row("a");

        List<List<OutboxRow>> batches = SqsBatches.of(List.of(full, tiny));

        assertThat(batches).containsExactly(List.of(full), List.of(tiny));
    }

    @Test
    void countsTheBytesOfTheUtf8PayloadNotItsCharacters() {
        OutboxRow korean = row("한".repeat(50_000)); // 50,000 characters, 150,000 bytes
        OutboxRow latin = row("a".repeat(120_000));

        List<List<OutboxRow>> batches = SqsBatches.of(List.of(korean, latin));

        assertThat(korean.bytes()).isEqualTo(150_000);
        assertThat(batches).containsExactly(List.of(korean), List.of(latin));
    }

    @Test
    void makesNoBatchOfNoRows() {
        assertThat(SqsBatches.of(List.of())).isEmpty();
    }

    private List<OutboxRow> rows(int count, String payload) {
        List<OutboxRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(row(payload));
        }
        return rows;
    }

    private OutboxRow row(String payload) {
        long id = nextId++;
        return OutboxRow.of(id, "event-" + id, "SEAT", payload, 0);
    }
}
