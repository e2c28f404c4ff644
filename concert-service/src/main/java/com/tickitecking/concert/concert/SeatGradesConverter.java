package com.tickitecking.concert.concert;

import com.tickitecking.events.SeatGrade;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/** Stores a concert's grades as the same JSON the events carry. */
@Converter
public class SeatGradesConverter implements AttributeConverter<List<SeatGrade>, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<SeatGrade>> GRADES = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<SeatGrade> grades) {
        return grades == null ? null : JSON.writeValueAsString(grades);
    }

    @Override
    public List<SeatGrade> convertToEntityAttribute(String json) {
        return json == null ? null : JSON.readValue(json, GRADES);
    }
}
