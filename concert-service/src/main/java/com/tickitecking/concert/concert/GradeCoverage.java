package com.tickitecking.concert.concert;

import com.tickitecking.events.SeatGrade;
import com.tickitecking.events.SeatingLayout;
import com.tickitecking.platform.domain.DomainException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that a concert's grades price every seat of its venue exactly once, and turns them into the
 * {@link SeatGrade}s the events carry. Grades apply to whole rows, so rows are what is counted: a few hundred
 * even for a stadium.
 */
final class GradeCoverage {

    private GradeCoverage() {
    }

    static List<SeatGrade> check(List<ConcertRequests.Grade> grades, SeatingLayout layout) {
        Map<String, Set<String>> rowsBySection = new LinkedHashMap<>();
        for (SeatingLayout.Section section : layout.sections()) {
            Set<String> rows = new HashSet<>();
            section.rows().forEach(row -> rows.add(row.label()));
            rowsBySection.put(section.code(), rows);
        }
        Map<String, String> gradeOfRow = new HashMap<>();
        Set<String> names = new HashSet<>();
        List<SeatGrade> result = new ArrayList<>();
        for (int g = 0; g < grades.size(); g++) {
            ConcertRequests.Grade grade = grades.get(g);
            if (!names.add(grade.name())) {
                throw DomainException.invalid("grades[" + g + "].name", "duplicates grade name " + grade.name());
            }
            List<SeatGrade.Area> areas = new ArrayList<>();
            for (int a = 0; a < grade.areas().size(); a++) {
                ConcertRequests.Area area = grade.areas().get(a);
                String field = "grades[" + g + "].areas[" + a + "]";
                Set<String> sectionRows = rowsBySection.get(area.section());
                if (sectionRows == null) {
                    throw DomainException.invalid(field + ".section", "names no section of the venue: " + area.section());
                }
                List<String> rows = area.rows() == null ? List.of() : area.rows();
                for (int r = 0; r < rows.size(); r++) {
                    if (!sectionRows.contains(rows.get(r))) {
                        throw DomainException.invalid(field + ".rows[" + r + "]",
                                "names no row of section " + area.section() + ": " + rows.get(r));
                    }
                }
                for (String row : rows.isEmpty() ? sectionRows : rows) {
                    String previous = gradeOfRow.put(area.section() + "-" + row, grade.name());
                    if (previous != null) {
                        throw DomainException.invalid(field, "row " + area.section() + "-" + row
                                + " is already covered by grade " + previous);
                    }
                }
                areas.add(new SeatGrade.Area(area.section(), rows));
            }
            result.add(new SeatGrade(grade.name(), grade.price(), areas));
        }
        for (SeatingLayout.Section section : layout.sections()) {
            for (SeatingLayout.Row row : section.rows()) {
                if (!gradeOfRow.containsKey(section.code() + "-" + row.label())) {
                    throw DomainException.invalid("grades", "no grade covers row " + section.code() + "-" + row.label());
                }
            }
        }
        return result;
    }
}
