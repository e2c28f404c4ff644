package com.tickitecking.concert.auditorium;

import com.tickitecking.events.SeatingLayout;
import com.tickitecking.platform.domain.DomainException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a requested layout into a {@link SeatingLayout}: expands compact sections into rows and refuses what
 * would make seat names ambiguous (duplicate section codes or row labels) or a venue too big to handle (more seats
 * or rows than {@link AuditoriumProperties} allows).
 * Bean Validation has already checked each value's shape; this checks the layout as a whole.
 */
final class LayoutPlanner {

    private LayoutPlanner() {
    }

    static SeatingLayout plan(AuditoriumRequests.Layout request, AuditoriumProperties limits) {
        List<SeatingLayout.Section> sections = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        long total = 0;
        int totalRows = 0;
        for (int s = 0; s < request.sections().size(); s++) {
            AuditoriumRequests.Section section = request.sections().get(s);
            String field = "layout.sections[" + s + "]";
            if (!codes.add(section.code())) {
                throw DomainException.invalid(field + ".code", "duplicates section code " + section.code());
            }
            List<SeatingLayout.Row> rows = rowsOf(section, field);
            for (SeatingLayout.Row row : rows) {
                total += row.seats();
            }
            if (total > limits.maxSeats()) {
                throw DomainException.invalid("layout", "has more than " + limits.maxSeats() + " seats");
            }
            totalRows += rows.size();
            if (totalRows > limits.maxRows()) {
                throw DomainException.invalid("layout", "has more than " + limits.maxRows() + " rows in all; every row"
                        + " travels in the events of each concert at the venue, and one event must fit in one message");
            }
            String name = section.name() == null || section.name().isBlank() ? section.code() : section.name();
            sections.add(new SeatingLayout.Section(section.code(), name, rows));
        }
        return new SeatingLayout(sections);
    }

    private static List<SeatingLayout.Row> rowsOf(AuditoriumRequests.Section section, String field) {
        boolean explicit = section.rows() != null;
        boolean labelled = section.rowLabels() != null;
        boolean counted = section.rowCount() != null;
        if ((explicit ? 1 : 0) + (labelled ? 1 : 0) + (counted ? 1 : 0) != 1) {
            throw DomainException.invalid(field, "needs exactly one of rows, rowLabels or rowCount");
        }
        if (!explicit && section.seatsPerRow() == null) {
            throw DomainException.invalid(field + ".seatsPerRow", "is required with rowLabels or rowCount");
        }
        List<SeatingLayout.Row> rows = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        if (explicit) {
            if (section.rows().isEmpty()) {
                throw DomainException.invalid(field + ".rows", "must not be empty");
            }
            for (int r = 0; r < section.rows().size(); r++) {
                AuditoriumRequests.Row row = section.rows().get(r);
                requireNew(labels, row.label(), field + ".rows[" + r + "].label");
                rows.add(new SeatingLayout.Row(row.label(), row.seats()));
            }
        } else if (labelled) {
            if (section.rowLabels().isEmpty()) {
                throw DomainException.invalid(field + ".rowLabels", "must not be empty");
            }
            for (int r = 0; r < section.rowLabels().size(); r++) {
                String label = section.rowLabels().get(r);
                requireNew(labels, label, field + ".rowLabels[" + r + "]");
                rows.add(new SeatingLayout.Row(label, section.seatsPerRow()));
            }
        } else {
            for (int r = 0; r < section.rowCount(); r++) {
                rows.add(new SeatingLayout.Row(letters(r), section.seatsPerRow()));
            }
        }
        return rows;
    }

    private static void requireNew(Set<String> labels, String label, String field) {
        if (!labels.add(label)) {
            throw DomainException.invalid(field, "duplicates row label " + label + " in its section");
        }
    }

    /** 0 → A, 25 → Z, 26 → AA, 27 → AB … as spreadsheet columns are named. */
    static String letters(int index) {
        StringBuilder label = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            int remainder = (n - 1) % 26;
            label.insert(0, (char) ('A' + remainder));
            n = (n - 1) / 26;
        }
        return label.toString();
    }
}
