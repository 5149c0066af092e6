package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where finished parts leave the plant (shipping, finished-goods store). */
public record Sink(@JsonProperty(required = true) String id) {
}
