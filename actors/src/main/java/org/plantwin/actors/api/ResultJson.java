package org.plantwin.actors.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Writes a {@link RunResult} as JSON: fields in declaration order, stable number formatting, byte-identical. */
public final class ResultJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private ResultJson() {
    }

    public static String write(RunResult result) {
        try {
            return MAPPER.writeValueAsString(result) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The result of (" + result.scenario() + ") cannot be written as JSON.", e);
        }
    }

    public static RunResult read(String json) {
        try {
            return MAPPER.readValue(json, RunResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The text is not a run result: " + e.getOriginalMessage(), e);
        }
    }
}
