package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/**
 * Demand as a time series: units ordered in each period, one order at the start of every period with a positive
 * value, from a CSV file (one value per line, or the last column of each line; a header line is skipped; relative
 * paths are resolved against the scenario file's folder) or given inline. When read from a file, {@code values} is
 * filled in at load time, so a loaded scenario carries its data.
 */
public record DemandSeries(
        @JsonPropertyDescription("CSV file with units per period.") String file,
        @JsonPropertyDescription("Units per period, inline (filled in from the file at load time).") List<Double> values,
        @JsonProperty(required = true) @JsonPropertyDescription("Length of a period, e.g. \"1d\".") TimeSpan period) {

    public DemandSeries {
        values = values == null ? null : List.copyOf(values);
    }
}
