package com.tickitecking.events;

import java.math.BigDecimal;
import java.util.List;

/**
 * A price class (VIP, R, S …) and the part of the venue it covers. An area names a section and, optionally,
 * some of its rows; no rows means the whole section.
 */
public record SeatGrade(String name, BigDecimal price, List<Area> areas) {

    public SeatGrade {
        areas = List.copyOf(areas);
    }

    public record Area(String section, List<String> rows) {
        public Area {
            rows = rows == null ? List.of() : List.copyOf(rows);
        }

        public boolean covers(SeatId seat) {
            return section.equals(seat.section()) && (rows.isEmpty() || rows.contains(seat.row()));
        }
    }

    public boolean covers(SeatId seat) {
        for (Area area : areas) {
            if (area.covers(seat)) {
                return true;
            }
        }
        return false;
    }
}
