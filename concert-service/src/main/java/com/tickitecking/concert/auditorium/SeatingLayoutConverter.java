package com.tickitecking.concert.auditorium;

import com.tickitecking.events.SeatingLayout;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.databind.json.JsonMapper;

/** Stores a layout as the same JSON the events carry. */
@Converter
public class SeatingLayoutConverter implements AttributeConverter<SeatingLayout, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String convertToDatabaseColumn(SeatingLayout layout) {
        return layout == null ? null : JSON.writeValueAsString(layout);
    }

    @Override
    public SeatingLayout convertToEntityAttribute(String json) {
        return json == null ? null : JSON.readValue(json, SeatingLayout.class);
    }
}
