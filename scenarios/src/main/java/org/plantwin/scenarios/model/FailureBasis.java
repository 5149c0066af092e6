package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the time between failures is counted in. */
public enum FailureBasis {
    @JsonProperty("operating") OPERATING,
    @JsonProperty("calendar") CALENDAR
}
