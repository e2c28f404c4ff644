package com.tickitecking.events;

import java.util.List;
import java.util.function.Consumer;

/**
 * A venue's seats as sections of rows, each row with a number of seats numbered from 1. The order of sections,
 * and of rows within them, is the layout's order: {@link SeatIndex} numbers the seats in that order, which is
 * how compact availability bitmaps address a seat.
 */
public record SeatingLayout(List<Section> sections) {

    public SeatingLayout {
        sections = List.copyOf(sections);
    }

    /** One block of a venue (a floor, a stand, a balcony). */
    public record Section(String code, String name, List<Row> rows) {
        public Section {
            rows = List.copyOf(rows);
        }
    }

    /** One row of a section: its label and how many seats it has. */
    public record Row(String label, int seats) {
    }

    public int totalSeats() {
        int total = 0;
        for (Section section : sections) {
            for (Row row : section.rows()) {
                total += row.seats();
            }
        }
        return total;
    }

    /** Visits every seat in layout order. */
    public void forEachSeat(Consumer<SeatId> visitor) {
        for (Section section : sections) {
            for (Row row : section.rows()) {
                for (int number = 1; number <= row.seats(); number++) {
                    visitor.accept(new SeatId(section.code(), row.label(), number));
                }
            }
        }
    }

    /** A simple rectangular hall: one section, rows labelled A, B, … each with the same number of seats. */
    public static SeatingLayout grid(String sectionCode, int rows, int seatsPerRow) {
        if (rows < 1 || rows > 26) {
            throw new IllegalArgumentException("a grid has 1 to 26 rows (A-Z)");
        }
        var rowList = new java.util.ArrayList<Row>(rows);
        for (int r = 0; r < rows; r++) {
            rowList.add(new Row(String.valueOf((char) ('A' + r)), seatsPerRow));
        }
        return new SeatingLayout(List.of(new Section(sectionCode, sectionCode, rowList)));
    }
}
