package com.tickitecking.concert.auditorium;

import com.tickitecking.platform.web.ApiException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LayoutPlannerTest {

    @Test
    void labelsCountedRowsLikeSpreadsheetColumns() {
        assertThat(LayoutPlanner.letters(0)).isEqualTo("A");
        assertThat(LayoutPlanner.letters(25)).isEqualTo("Z");
        assertThat(LayoutPlanner.letters(26)).isEqualTo("AA");
        assertThat(LayoutPlanner.letters(701)).isEqualTo("ZZ");
        assertThat(LayoutPlanner.letters(702)).isEqualTo("AAA");
    }

    @Test
    void expandsEachKindOfSectionInOrder() {
        var layout = LayoutPlanner.plan(new AuditoriumRequests.Layout(List.of(
                new AuditoriumRequests.Section("A", null, null, null, 28, 10),
                new AuditoriumRequests.Section("VIP", "Boxes", null, List.of("1", "2"), null, 4),
                new AuditoriumRequests.Section("B", "Balcony", List.of(new AuditoriumRequests.Row("X", 7)), null, null, null))),
                100_000);

        assertThat(layout.totalSeats()).isEqualTo(280 + 8 + 7);
        assertThat(layout.sections().getFirst().name()).as("defaults to the code").isEqualTo("A");
        assertThat(layout.sections().getFirst().rows().get(27).label()).isEqualTo("AB");
        assertThat(layout.sections().get(1).rows()).extracting(r -> r.label()).containsExactly("1", "2");
    }

    @Test
    void needsSeatsPerRowForACompactSection() {
        var request = new AuditoriumRequests.Layout(List.of(new AuditoriumRequests.Section("A", null, null, null, 3, null)));

        assertThatThrownBy(() -> LayoutPlanner.plan(request, 100_000))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.properties().get("errors"))
                        .asString().contains("layout.sections[0].seatsPerRow"));
    }
}
