package com.tickitecking.seat.concert;

import com.tickitecking.events.SeatGrade;
import com.tickitecking.events.SeatingLayout;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/** The JSON form of a layout and its grades as stored in the concert projection (the events' own shape). */
public final class LayoutJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<List<SeatGrade>> GRADES = new TypeReference<>() {
    };

    private LayoutJson() {
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static SeatingLayout layout(String json) {
        return MAPPER.readValue(json, SeatingLayout.class);
    }

    public static List<SeatGrade> grades(String json) {
        return MAPPER.readValue(json, GRADES);
    }
}
