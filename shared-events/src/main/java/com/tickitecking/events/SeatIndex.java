package com.tickitecking.events;

import java.util.HashMap;
import java.util.Map;

/**
 * Numbers a layout's seats 0..n-1 in layout order, so a seat can be a bit in a bitmap. Built once per layout
 * (a few hundred rows for a stadium); lookups are two hash probes.
 */
public final class SeatIndex {

    private final Map<String, Integer> rowOffsets = new HashMap<>();
    private final Map<String, Integer> rowSizes = new HashMap<>();
    private final int size;

    private SeatIndex(SeatingLayout layout) {
        int offset = 0;
        for (SeatingLayout.Section section : layout.sections()) {
            for (SeatingLayout.Row row : section.rows()) {
                String key = section.code() + "-" + row.label();
                rowOffsets.put(key, offset);
                rowSizes.put(key, row.seats());
                offset += row.seats();
            }
        }
        this.size = offset;
    }

    public static SeatIndex of(SeatingLayout layout) {
        return new SeatIndex(layout);
    }

    public int size() {
        return size;
    }

    /** The seat's position in layout order, or -1 when the layout has no such seat. */
    public int indexOf(SeatId seat) {
        String key = seat.section() + "-" + seat.row();
        Integer offset = rowOffsets.get(key);
        if (offset == null || seat.number() > rowSizes.get(key)) {
            return -1;
        }
        return offset + seat.number() - 1;
    }

    public boolean contains(SeatId seat) {
        return indexOf(seat) >= 0;
    }
}
