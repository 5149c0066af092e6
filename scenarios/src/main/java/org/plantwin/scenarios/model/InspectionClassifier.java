package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/**
 * The classifier of an inspection station, given by its confusion matrix over defect classes: inline
 * ({@code classes} and {@code confusion}) or read at load time from the descriptor an image model was saved with
 * ({@code model}: the {@code inspection.json} that {@code plantwin inspect train} writes, relative to the scenario
 * file). Parts of the {@code reject} classes are defective and must be rejected; parts of the other classes are
 * acceptable. A part is rejected when the classifier puts it in a reject class, so its detection and false-reject
 * probabilities are the matrix's row-normalised mass in the reject columns, averaged over the reject classes and over
 * the other classes (each class equally likely).
 */
public record InspectionClassifier(
        @JsonPropertyDescription("Model descriptor (inspection.json) whose classes and confusion matrix to use.") String model,
        @JsonProperty(required = true) @JsonPropertyDescription("Classes that are defects to reject; the others are acceptable.") List<String> reject,
        @JsonPropertyDescription("Class names, in the order of the matrix (filled in from the model file at load time).") List<String> classes,
        @JsonPropertyDescription("Confusion counts or rates: rows true class, columns predicted class.") List<List<Double>> confusion) {

    public InspectionClassifier {
        reject = Scenario.copy(reject);
        classes = Scenario.copy(classes);
        confusion = confusion == null ? List.of() : confusion.stream().map(Scenario::copy).toList();
    }

    /** P(rejected | defective): the mean over the reject classes of the row share predicted as a reject class. */
    public double detection() {
        return meanRejectedShare(true);
    }

    /** P(rejected | acceptable): the same over the other classes; 0 where every class is a reject class. */
    public double falseReject() {
        return meanRejectedShare(false);
    }

    private double meanRejectedShare(boolean ofRejectClasses) {
        double sum = 0;
        int n = 0;
        for (int t = 0; t < classes.size(); t++) {
            if (reject.contains(classes.get(t)) != ofRejectClasses) {
                continue;
            }
            double row = 0;
            double rejected = 0;
            for (int p = 0; p < classes.size(); p++) {
                double v = confusion.get(t).get(p);
                row += v;
                rejected += reject.contains(classes.get(p)) ? v : 0;
            }
            sum += row > 0 ? rejected / row : 0;
            n++;
        }
        return n == 0 ? 0 : sum / n;
    }
}
