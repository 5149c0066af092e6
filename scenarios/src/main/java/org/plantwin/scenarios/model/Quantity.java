package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.DiscreteUniformSampler;
import org.apache.commons.rng.sampling.distribution.GeometricSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;

/**
 * A number of units: {@code constant} (value), {@code uniform} (min..max inclusive), {@code poisson} (1 + Poisson
 * with mean - 1, so never 0), {@code geometric} (1 + geometric, mean as given).
 */
public record Quantity(
        @JsonProperty(required = true) Type type,
        Integer value,
        Integer min,
        Integer max,
        @JsonPropertyDescription("Mean units per order (poisson, geometric), >= 1.") Double mean) {

    /** Kinds of quantity distribution. */
    public enum Type {
        @JsonProperty("constant") CONSTANT,
        @JsonProperty("uniform") UNIFORM,
        @JsonProperty("poisson") POISSON,
        @JsonProperty("geometric") GEOMETRIC
    }

    /** A sampler of units (>= 1 for every type but constant 0). */
    public DiscreteSampler sampler(UniformRandomProvider rng) {
        return switch (type) {
            case CONSTANT -> () -> value;
            case UNIFORM -> DiscreteUniformSampler.of(rng, min, max);
            case POISSON -> {
                if (mean <= 1) {
                    yield () -> 1;
                }
                DiscreteSampler p = PoissonSampler.of(rng, mean - 1);
                yield () -> 1 + p.sample();
            }
            case GEOMETRIC -> {
                if (mean <= 1) {
                    yield () -> 1;
                }
                DiscreteSampler g = GeometricSampler.of(rng, 1.0 / mean);
                yield () -> 1 + g.sample();
            }
        };
    }

    /** The mean number of units. */
    public double meanUnits() {
        return switch (type) {
            case CONSTANT -> value;
            case UNIFORM -> (min + max) / 2.0;
            case POISSON, GEOMETRIC -> Math.max(1, mean);
        };
    }
}
