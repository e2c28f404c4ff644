package com.tickitecking.events;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A seat's identity, derived from the layout alone: {@code <section>-<row>-<number>}, e.g. {@code FLOOR-B-12}.
 * Section codes and row labels are upper-case letters and digits only, so the dash is never ambiguous and every
 * service that reads the same layout names the same seat the same way.
 */
public record SeatId(String section, String row, int number) implements Comparable<SeatId> {

    public static final Pattern SECTION_CODE = Pattern.compile("[A-Z0-9]{1,10}");
    public static final Pattern ROW_LABEL = Pattern.compile("[A-Z0-9]{1,5}");
    private static final Pattern TEXT = Pattern.compile("([A-Z0-9]{1,10})-([A-Z0-9]{1,5})-([1-9][0-9]{0,4})");

    public SeatId {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(row, "row");
        if (!SECTION_CODE.matcher(section).matches() || !ROW_LABEL.matcher(row).matches() || number < 1) {
            throw new IllegalArgumentException("not a seat: " + section + "-" + row + "-" + number);
        }
    }

    /** Parses {@code FLOOR-B-12}; throws {@link IllegalArgumentException} for anything else. */
    public static SeatId parse(String text) {
        var matcher = TEXT.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a seat: " + text);
        }
        return new SeatId(matcher.group(1), matcher.group(2), Integer.parseInt(matcher.group(3)));
    }

    public static boolean isValid(String text) {
        return text != null && TEXT.matcher(text).matches();
    }

    @Override
    public String toString() {
        return section + "-" + row + "-" + number;
    }

    @Override
    public int compareTo(SeatId other) {
        return toString().compareTo(other.toString());
    }
}
