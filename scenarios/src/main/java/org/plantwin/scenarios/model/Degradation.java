package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/**
 * How a machine wears: its health falls from 1 (new) to 0 (failed) with operating time as a gamma process (whose
 * mean rate is drawn afresh for every life when {@code rateCv > 0}), the
 * failure hazard rises as health falls ({@code hazardPerHour x (1 - health)^hazardShape} per operating hour, and a
 * failure for certain at health 0), and its sensors read a value between {@code atNew} and {@code atFailure} in
 * proportion to the wear, plus noise, at the end of every cycle. A worn machine may also run slower and scrap more:
 * a cycle's processing time is multiplied by {@code 1 + slowdownAtFailure x (1 - health)} (health when it starts)
 * and its scrap probability raised by {@code scrapAtFailure x (1 - health)} (health when it ends). A wear failure is
 * repaired as good as new.
 */
public record Degradation(
        @JsonProperty(required = true) @JsonPropertyDescription("Mean health lost per operating hour, in (0, 1].") Double wearPerHour,
        @JsonPropertyDescription("Coefficient of variation of the wear over one operating hour (gamma process); default 0.5, 0 = deterministic.") Double wearCv,
        @JsonPropertyDescription("Coefficient of variation of the wear rate from one life to the next (gamma, drawn when new or restored); default 0.") Double rateCv,
        @JsonPropertyDescription("Failure rate per operating hour at health 0; default 0 (fail only when health reaches 0).") Double hazardPerHour,
        @JsonPropertyDescription("Exponent of the hazard curve in (1 - health); default 2.") Double hazardShape,
        @JsonProperty(required = true) @JsonPropertyDescription("Corrective repair time after a wear failure.") Distribution repair,
        @JsonPropertyDescription("Condition sensors read at the end of every cycle.") List<Sensor> sensors,
        @JsonPropertyDescription("Extra processing time at health 0, as a fraction: a cycle takes 1 + slowdownAtFailure x (1 - health) times its drawn time; default 0.") Double slowdownAtFailure,
        @JsonPropertyDescription("Extra scrap probability at health 0: a part is scrapped with the machine's scrap plus scrapAtFailure x (1 - health); default 0.") Double scrapAtFailure) {

    /** Wear that changes neither speed nor scrap. */
    public Degradation(Double wearPerHour, Double wearCv, Double rateCv, Double hazardPerHour, Double hazardShape,
            Distribution repair, List<Sensor> sensors) {
        this(wearPerHour, wearCv, rateCv, hazardPerHour, hazardShape, repair, sensors, null, null);
    }

    public Degradation {
        slowdownAtFailure = slowdownAtFailure == null ? 0.0 : slowdownAtFailure;
        scrapAtFailure = scrapAtFailure == null ? 0.0 : scrapAtFailure;
        wearCv = wearCv == null ? 0.5 : wearCv;
        rateCv = rateCv == null ? 0.0 : rateCv;
        hazardPerHour = hazardPerHour == null ? 0.0 : hazardPerHour;
        hazardShape = hazardShape == null ? 2.0 : hazardShape;
        sensors = Scenario.copy(sensors);
    }

    /** A condition sensor: {@code atNew + (atFailure - atNew) x (1 - health)} plus normal noise. */
    public record Sensor(
            @JsonProperty(required = true) String id,
            @JsonProperty(required = true) @JsonPropertyDescription("Reading of a new machine (health 1).") Double atNew,
            @JsonProperty(required = true) @JsonPropertyDescription("Reading at failure (health 0).") Double atFailure,
            @JsonPropertyDescription("Standard deviation of the reading's noise; default 0.") Double noise,
            @JsonPropertyDescription("Injected sensor faults (drift, spike, stuck), for anomaly detection.") java.util.List<SensorFault> faults) {

        public Sensor {
            noise = noise == null ? 0.0 : noise;
            faults = Scenario.copy(faults);
        }
    }
}
