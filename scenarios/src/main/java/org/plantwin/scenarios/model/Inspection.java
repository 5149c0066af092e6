package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A station that inspects every part it processes. A part is defective with probability {@code defectRate} (drawn
 * at its first inspection); the classifier rejects a defective part with probability {@code detection} and a good
 * one with probability {@code falseReject} (given inline, or derived from a confusion matrix over defect classes,
 * {@link InspectionClassifier}). A rejected part is scrapped,
 * or, with {@code disposition: rework}, sent back to the station {@code reworkAt} of the same line (rework repairs a
 * defect with probability {@code reworkSuccess}) and inspected again; after {@code maxReworks} reworks a rejected
 * part is scrapped. An accepted defective part is an escape.
 */
public record Inspection(
        @JsonProperty(required = true) @JsonPropertyDescription("Probability in [0, 1] that a part reaching the station is defective.") Double defectRate,
        @JsonPropertyDescription("Probability in [0, 1] that a defective part is rejected (the classifier's recall of defects); default 1, or from classifier.") Double detection,
        @JsonPropertyDescription("Probability in [0, 1] that a good part is rejected; default 0, or from classifier.") Double falseReject,
        @JsonPropertyDescription("The classifier as a confusion matrix over defect classes (instead of detection and falseReject).") InspectionClassifier classifier,
        @JsonPropertyDescription("scrap (default) or rework.") InspectionDisposition disposition,
        @JsonPropertyDescription("rework: the station of this line (this one or an earlier one) that reworks a rejected part.") String reworkAt,
        @JsonPropertyDescription("rework: probability in [0, 1] that rework repairs a defect; default 1.") Double reworkSuccess,
        @JsonPropertyDescription("rework: reworks after which a rejected part is scrapped; default 2.") Integer maxReworks) {

    public Inspection {
        disposition = disposition == null ? InspectionDisposition.SCRAP : disposition;
        reworkSuccess = reworkSuccess == null ? 1.0 : reworkSuccess;
        maxReworks = maxReworks == null ? 2 : maxReworks;
    }

    /** P(rejected | defective): {@code detection}, else the classifier's, else 1. */
    public double detectionProbability() {
        return detection != null ? detection : classifier != null ? classifier.detection() : 1.0;
    }

    /** P(rejected | good): {@code falseReject}, else the classifier's, else 0. */
    public double falseRejectProbability() {
        return falseReject != null ? falseReject : classifier != null ? classifier.falseReject() : 0.0;
    }
}
