package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousUniformSampler;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.LogNormalSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.statistics.distribution.TriangularDistribution;
import org.apache.commons.statistics.distribution.WeibullDistribution;
import org.plantwin.scenarios.io.DistributionDeserializer;

/**
 * A probability distribution of a duration, written in a scenario as {@code {type: exponential, mean: "5m"}},
 * or as a plain duration string for a constant.
 *
 * <p>Reading goes through {@link DistributionDeserializer} (the records opt out of it again, so it can delegate to
 * their plain bean deserializers); {@code @JsonTypeInfo} is kept for writing, which adds the {@code type}.
 *
 * <p>Samplers return milliseconds as a {@code double}; they come from Apache Commons RNG and Statistics.
 */
@JsonDeserialize(using = DistributionDeserializer.class)
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Distribution.Constant.class, name = "constant"),
    @JsonSubTypes.Type(value = Distribution.Exponential.class, name = "exponential"),
    @JsonSubTypes.Type(value = Distribution.Uniform.class, name = "uniform"),
    @JsonSubTypes.Type(value = Distribution.Triangular.class, name = "triangular"),
    @JsonSubTypes.Type(value = Distribution.Normal.class, name = "normal"),
    @JsonSubTypes.Type(value = Distribution.Lognormal.class, name = "lognormal"),
    @JsonSubTypes.Type(value = Distribution.Gamma.class, name = "gamma"),
    @JsonSubTypes.Type(value = Distribution.Erlang.class, name = "erlang"),
    @JsonSubTypes.Type(value = Distribution.Weibull.class, name = "weibull"),
    @JsonSubTypes.Type(value = Distribution.Empirical.class, name = "empirical")
})
public sealed interface Distribution {

    /** Creates a sampler of milliseconds that draws from {@code rng}. */
    ContinuousSampler sampler(UniformRandomProvider rng);

    /** The mean in milliseconds (used for ideal cycle times, OEE performance and validation). */
    double meanMillis();

    /** A lower bound of every sample in milliseconds (the kernel uses it as lookahead); 0 where unbounded. */
    default double minMillis() {
        return 0;
    }

    /** A constant duration. */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record Constant(@JsonProperty(required = true) TimeSpan value) implements Distribution {
        @Override
        public ContinuousSampler sampler(UniformRandomProvider rng) {
            double v = value.millis();
            return () -> v;
        }

        @Override
        public double meanMillis() {
            return value.millis();
        }

        @Override
        public double minMillis() {
            return value.millis();
        }
    }

    /** Exponential with the given mean. */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record Exponential(@JsonProperty(required = true) TimeSpan mean) implements Distribution {
        @Override
        public ContinuousSampler sampler(UniformRandomProvider rng) {
            return ZigguratSampler.Exponential.of(rng, mean.millis());
        }

        @Override
        public double meanMillis() {
            return mean.millis();
        }
    }

    /** Uniform on [min, max). */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record Uniform(@JsonProperty(required = true) TimeSpan min, @JsonProperty(required = true) TimeSpan max) implements Distribution {
        @Override
        public ContinuousSampler sampler(UniformRandomProvider rng) {
            return ContinuousUniformSampler.of(rng, min.millis(), max.millis());
        }

        @Override
        public double meanMillis() {
            return (min.millis() + max.millis()) / 2;
        }

        @Override
        public double minMillis() {
            return min.millis();
        }
    }

    /** Triangular with lower limit, mode and upper limit. */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record Triangular(@JsonProperty(required = true) TimeSpan min, @JsonProperty(required = true) TimeSpan mode, @JsonProperty(required = true) TimeSpan max) implements Distribution {
        @Override
        public ContinuousSampler sampler(UniformRandomProvider rng) {
            return TriangularDistribution.of(min.millis(), mode.millis(), max.millis()).createSampler(rng)::sample;
        }

        @Override
        public double meanMillis() {
            return (min.millis() + mode.millis() + max.millis()) / 3;
        }

        @Override
        public double minMillis() {
            return min.millis();
        }
    }

    /**
     * Normal with the given mean and standard deviation, truncated at 0 (draws below 0 are redrawn).
     * {@link #meanMillis()} reports the untruncated mean, which the validator requires to be > 0.
     */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record Normal(@JsonProperty(required = true) TimeSpan mean, @JsonProperty(required = true) TimeSpan sd) implements Distribution {
        @Override
        public ContinuousSampler sampler(UniformRandomProvider rng) {
            ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
            double mu = mean.millis();
            double sigma = sd.millis();
            return () -> {
                // Rejection keeps the exact truncated distribution; the validator bounds mean/sd so it ends quickly.
                for (;;) {
                    double x = mu + sigma * z.sample();
                    if (x >= 0) {
                        return x;
                    }
                }
            };
        }

        @Override
        public double meanMillis() {
            return mean.millis();
        }
    }

    /** Lognormal given by the mean and standard deviation of the duration itself (not of its logarithm). */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record Lognormal(@JsonProperty(required = true) TimeSpan mean, @JsonProperty(required = true) TimeSpan sd) implements Distribution {
        @Override
        public ContinuousSampler sampler(UniformRandomProvider rng) {
            double m = mean.millis();
            double s = sd.millis();
            double sigma2 = Math.log1p((s * s) / (m * m));
            double mu = Math.log(m) - sigma2 / 2;
            return LogNormalSampler.of(ZigguratSampler.NormalizedGaussian.of(rng), mu, Math.sqrt(sigma2));
        }

        @Override
        public double meanMillis() {
            return mean.millis();
        }
    }

    /** Gamma with shape k and scale theta (mean = k * theta). */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record Gamma(@JsonProperty(required = true) double shape, @JsonProperty(required = true) TimeSpan scale) implements Distribution {
        @Override
        public ContinuousSampler sampler(UniformRandomProvider rng) {
            return AhrensDieterMarsagliaTsangGammaSampler.of(rng, shape, scale.millis());
        }

        @Override
        public double meanMillis() {
            return shape * scale.millis();
        }
    }

    /** Erlang with k phases and the given overall mean. */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record Erlang(@JsonProperty(required = true) int k, @JsonProperty(required = true) TimeSpan mean) implements Distribution {
        @Override
        public ContinuousSampler sampler(UniformRandomProvider rng) {
            return AhrensDieterMarsagliaTsangGammaSampler.of(rng, k, mean.millis() / k);
        }

        @Override
        public double meanMillis() {
            return mean.millis();
        }
    }

    /** Weibull with shape and scale. */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record Weibull(@JsonProperty(required = true) double shape, @JsonProperty(required = true) TimeSpan scale) implements Distribution {
        @Override
        public ContinuousSampler sampler(UniformRandomProvider rng) {
            return WeibullDistribution.of(shape, scale.millis()).createSampler(rng)::sample;
        }

        @Override
        public double meanMillis() {
            return WeibullDistribution.of(shape, scale.millis()).getMean();
        }
    }

    /** Empirical: one of the given values, with optional weights (equal weights when absent). */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record Empirical(@JsonProperty(required = true) List<TimeSpan> values, List<Double> weights) implements Distribution {
        public Empirical {
            values = values == null ? List.of() : List.copyOf(values);
            // Not List.copyOf: a blank entry reads as null, and the validator must see it to report it.
            weights = weights == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(weights));
        }

        @Override
        public ContinuousSampler sampler(UniformRandomProvider rng) {
            double[] v = values.stream().mapToDouble(TimeSpan::millis).toArray();
            double[] p = normalisedWeights();
            var index = AliasMethodDiscreteSampler.of(rng, p);
            return () -> v[index.sample()];
        }

        private double[] normalisedWeights() {
            double[] p = new double[values.size()];
            double sum = 0;
            for (int i = 0; i < p.length; i++) {
                p[i] = weights == null ? 1.0 : weights.get(i);
                sum += p[i];
            }
            for (int i = 0; i < p.length; i++) {
                p[i] /= sum;
            }
            return p;
        }

        @Override
        public double meanMillis() {
            double[] p = normalisedWeights();
            double m = 0;
            for (int i = 0; i < p.length; i++) {
                m += p[i] * values.get(i).millis();
            }
            return m;
        }

        @Override
        public double minMillis() {
            return values.stream().mapToDouble(TimeSpan::millis).min().orElse(0);
        }
    }
}
