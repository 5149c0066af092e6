package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What happens to a part an inspection rejects. */
public enum InspectionDisposition {
    @JsonProperty("scrap") SCRAP,
    @JsonProperty("rework") REWORK
}
