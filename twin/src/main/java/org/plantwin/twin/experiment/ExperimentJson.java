package org.plantwin.twin.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Writes an {@link ExperimentResult} as indented JSON, fields in declaration order: byte-identical for equal results. */
public final class ExperimentJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ExperimentJson() {
    }

    public static String write(ExperimentResult result) {
        try {
            return MAPPER.writeValueAsString(result) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The experiment (" + result.name() + ") cannot be written as JSON.", e);
        }
    }
}
