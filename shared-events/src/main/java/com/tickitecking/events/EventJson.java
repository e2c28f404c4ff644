package com.tickitecking.events;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON form of every event. Readers ignore fields they do not know, so a publisher may add a field
 * without breaking consumers that have not been redeployed yet.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventJson() {
    }

    public static String write(DomainEvent event) {
        return MAPPER.writeValueAsString(event);
    }

    /** Reads any event; throws {@link tools.jackson.core.JacksonException} for a message that is not one. */
    public static DomainEvent read(String json) {
        return MAPPER.readValue(json, DomainEvent.class);
    }
}
