package org.plantwin.twin.experiment;

import java.util.Objects;

/**
 * Sequential stopping: add batches of {@code batchSize} replications (to every variant) until the confidence
 * half-width of {@code kpi} is below {@code relativeHalfWidth} x |mean| in every variant, or
 * {@code maxReplications} is reached. Deciding only after whole batches keeps the outcome independent of timing.
 */
public record Precision(String kpi, double relativeHalfWidth, int batchSize, int maxReplications) {

    public Precision {
        Objects.requireNonNull(kpi, "kpi");
        if (!(relativeHalfWidth > 0)) {
            throw new IllegalArgumentException("The relativeHalfWidth (" + relativeHalfWidth + ") must be > 0.");
        }
        if (batchSize < 2) {
            throw new IllegalArgumentException("The batchSize (" + batchSize + ") must be >= 2.");
        }
        if (maxReplications < batchSize) {
            throw new IllegalArgumentException("The maxReplications (" + maxReplications + ") must be >= batchSize ("
                    + batchSize + ").");
        }
    }
}
