package org.plantwin.twin.experiment;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.plantwin.scenarios.api.Problem;
import org.plantwin.scenarios.api.ScenarioException;
import org.plantwin.scenarios.api.Scenarios;
import org.plantwin.scenarios.io.Hints;
import org.plantwin.scenarios.io.ScenarioReader;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.model.TimeSpan;
import org.plantwin.twin.generate.GeneratedVariants;

/**
 * An experiment file (YAML or JSON):
 *
 * <pre>
 * name: buffers
 * base: flowline5                 # a library name, or a scenario file relative to this file
 * horizon: 3000m                  # optional: seed, horizon, warmup override the base's
 * warmup: 200m                    # or auto: MSER-5 on warmupKpi (default plant.wipMean), warmupPilots (5) pilot
 *                                 # runs per variant, horizon cut into warmupBatches (100) batches
 * replications: 10                # or precision: {kpi: plant.wipMean, relativeHalfWidth: 0.05, batchSize: 5, maxReplications: 50}
 * kpis: [plant.throughputPerHour, plant.cycleTimeMeanMinutes, plant.wipMean]
 * variants:                       # compared with the first, in pairs
 *   - name: buffer5
 *   - name: buffer1
 *     overrides: {"lines[id=line].stations[*].buffer": 1}
 * # or instead of variants:
 * # sweep: {grid: {"lines[id=line].stations[*].buffer": [1, 2, 5]}}
 * # sweep: {latinHypercube: {points: 8, seed: 1, ranges: {"sources[*].interarrival.mean": ["1m", "1.5m"]}}}
 * # or scenarios from trained generators, with as many parametric ones (the base) to compare with:
 * # generated: {count: 20, seed: 7, replayed: true, models: [{model: gan-demand, period: 1d}, {model: gan-failures}]}
 * </pre>
 */
public record ExperimentFile(
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) String base,
        Long seed, String horizon, String warmup, String warmupKpi, Integer warmupPilots, Integer warmupBatches,
        Integer replications, Precision precision, Double confidence,
        List<String> kpis, List<VariantSpec> variants, SweepSpec sweep, GeneratedSpec generated) {

    /**
     * Scenarios from trained generators ({@link GeneratedVariants}): {@code count} generated scenarios and, unless
     * {@code parametric} is false, as many parametric ones (the base as it is) to compare with; with {@code replayed}
     * also as many scenarios that replay the base's own run histories through the same targets.
     */
    public record GeneratedSpec(@JsonProperty(required = true) int count, Long seed, Boolean parametric,
                                Boolean replayed, @JsonProperty(required = true) List<GeneratorSpec> models) {
    }

    /**
     * A generator's model folder (relative to the experiment file), the period of a demand row (default 1d), an
     * optional column-to-target map (default: every column names its target) and, for a generator conditioned on
     * context, a CSV of the condition columns, one row per period from time 0 (relative to the experiment file).
     */
    public record GeneratorSpec(@JsonProperty(required = true) String model, String period,
                                LinkedHashMap<String, String> targets, String conditions) {

        /** An unconditioned generator. */
        public GeneratorSpec(String model, String period, LinkedHashMap<String, String> targets) {
            this(model, period, targets, null);
        }
    }

    /** This file with {@code g} as its generated scenarios (the command line's {@code --generator}). */
    public ExperimentFile withGenerated(GeneratedSpec g) {
        return new ExperimentFile(name, base, seed, horizon, warmup, warmupKpi, warmupPilots, warmupBatches,
                replications, precision, confidence, kpis, variants, sweep, g);
    }

    /** A variant: a name and overrides (path: value, applied in order). */
    public record VariantSpec(@JsonProperty(required = true) String name, LinkedHashMap<String, JsonNode> overrides) {
    }

    /** A grid (path: [values]) or a Latin hypercube. */
    public record SweepSpec(LinkedHashMap<String, List<JsonNode>> grid, LatinHypercubeSpec latinHypercube) {
    }

    /** {@code points} points, a seed, and path: [low, high]. */
    public record LatinHypercubeSpec(@JsonProperty(required = true) int points, Long seed,
                                     @JsonProperty(required = true) LinkedHashMap<String, List<JsonNode>> ranges) {
    }

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /**
     * Reads an experiment file and resolves its base scenario.
     *
     * @throws ScenarioException with path-located problems (the file's or its base scenario's)
     */
    public static Experiment load(Path file) {
        return read(file).toExperiment(file.toAbsolutePath().getParent(), file.toString());
    }

    /**
     * Reads an experiment file without resolving anything (for callers that change it first, then call
     * {@link #toExperiment(Path, String)} with the file's folder).
     *
     * @throws ScenarioException with path-located problems
     */
    public static ExperimentFile read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(file.toString(), List.of(new Problem("$", file.toString(),
                    "The file cannot be read: " + e.getMessage(), "Maybe check the path and permissions.")));
        }
        return parse(text, file.toString());
    }

    /** Parses experiment text strictly; {@code source} names it in errors. */
    public static ExperimentFile parse(String text, String source) {
        JsonNode tree;
        try {
            tree = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ScenarioException(source, List.of(new Problem("$", "(syntax)",
                    "The text is not valid YAML/JSON: " + e.getOriginalMessage(),
                    "Maybe check indentation, quotes and brackets.")));
        }
        try {
            return YAML.treeToValue(tree, ExperimentFile.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            Throwable t = e instanceof IllegalArgumentException && e.getCause() != null ? e.getCause() : e;
            List<JsonMappingException.Reference> refs = t instanceof JsonMappingException m ? m.getPath() : List.of();
            String path = ScenarioReader.jsonPath(refs);
            if (t instanceof UnrecognizedPropertyException u) {
                List<String> known = new ArrayList<>();
                if (u.getKnownPropertyIds() != null) {
                    u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
                }
                java.util.Collections.sort(known);
                throw new ScenarioException(source, List.of(new Problem(path, "\"" + u.getPropertyName() + "\"",
                        "Unknown field; allowed here: " + known, Hints.closest(u.getPropertyName(), known))));
            }
            String msg = t instanceof JsonProcessingException j ? j.getOriginalMessage() : t.getMessage();
            throw new ScenarioException(source, List.of(new Problem(path, "(see rule)", msg.lines().findFirst().orElse(msg),
                    "Maybe compare with the experiment file format in twin/README.md.")));
        }
    }

    /**
     * The experiment this file describes; {@code dir} resolves a relative base path and the generators' model
     * folders.
     */
    public Experiment toExperiment(Path dir, String source) {
        Path basePath = dir == null ? Path.of(base) : dir.resolve(base);
        Scenario scenario = Files.isRegularFile(basePath) ? Scenarios.load(basePath) : Scenarios.resolve(base);
        return toExperiment(scenario, dir == null ? Path.of("") : dir, source);
    }

    /**
     * The experiment this file describes, on a base scenario the caller resolved from {@link #base()} (the HTTP
     * service allows library names only, never a file path, so no generated scenarios either: they read model
     * folders).
     */
    public Experiment toExperiment(Scenario scenario, String source) {
        if (generated != null) {
            throw new ScenarioException(source, List.of(new Problem("$.generated", "(generated)",
                    "Generated scenarios read model folders from disk, which this entry point does not allow",
                    "Maybe run the experiment with plantwin experiment FILE.")));
        }
        return toExperiment(scenario, null, source);
    }

    private Experiment toExperiment(Scenario scenario, Path dir, String source) {
        List<Variant> vs = new ArrayList<>();
        boolean isSweep = sweep != null;
        if (generated != null && (isSweep || (variants != null && !variants.isEmpty()))) {
            throw new ScenarioException(source, List.of(new Problem("$.generated", "(generated and "
                    + (isSweep ? "sweep" : "variants") + ")", "An experiment has variants, a sweep or generated"
                    + " scenarios, one of them", "Maybe move the variants into separate files.")));
        }
        if (isSweep && variants != null && !variants.isEmpty()) {
            throw new ScenarioException(source, List.of(new Problem("$.sweep", "(sweep and variants)",
                    "An experiment has variants or a sweep, not both", "Maybe move the variants into separate files.")));
        }
        if (variants != null) {
            for (VariantSpec v : variants) {
                List<PathOverride> os = new ArrayList<>();
                if (v.overrides() != null) {
                    v.overrides().forEach((p, val) -> os.add(new PathOverride(p, val)));
                }
                vs.add(Variant.of(v.name(), os));
            }
        }
        if (isSweep) {
            try {
                if (sweep.grid() != null && sweep.latinHypercube() == null) {
                    vs.addAll(Sweep.grid(sweep.grid()));
                } else if (sweep.latinHypercube() != null && sweep.grid() == null) {
                    LatinHypercubeSpec l = sweep.latinHypercube();
                    vs.addAll(Sweep.latinHypercube(l.points(), l.seed() == null ? 1 : l.seed(), l.ranges()));
                } else {
                    throw new IllegalArgumentException("A sweep has a grid or a latinHypercube (one of them).");
                }
            } catch (IllegalArgumentException e) {
                throw new ScenarioException(source, List.of(new Problem("$.sweep", "(sweep)", e.getMessage(),
                        "Maybe write sweep: {grid: {\"path\": [v1, v2]}}.")));
            }
        }
        if (generated != null) {
            vs.addAll(generatedVariants(scenario, dir, source));
        }
        Experiment e = Experiment.of(name, scenario).withVariants(vs)
                .withKpis(kpis == null ? List.of() : kpis)
                .withSeed(seed).withHorizon(horizon)
                .withConfidence(confidence == null ? 0.95 : confidence)
                .withCompare(!isSweep && generated == null);
        boolean auto = warmup != null && warmup.trim().equalsIgnoreCase("auto");
        if (auto) {
            try {
                e = e.withAutoWarmup(new AutoWarmup(warmupKpi == null ? AutoWarmup.DEFAULT_KPI : Kpis.normalise(warmupKpi),
                        warmupPilots == null ? AutoWarmup.DEFAULT_PILOTS : warmupPilots,
                        warmupBatches == null ? AutoWarmup.DEFAULT_BATCHES : warmupBatches));
            } catch (IllegalArgumentException ex) {
                String at = ex.getMessage().contains("KPI") ? "$.warmupKpi"
                        : ex.getMessage().contains("pilot") ? "$.warmupPilots" : "$.warmupBatches";
                throw new ScenarioException(source, List.of(new Problem(at, String.valueOf(
                        at.equals("$.warmupKpi") ? warmupKpi : at.equals("$.warmupPilots") ? warmupPilots : warmupBatches),
                        ex.getMessage(), "Maybe write warmup: auto with warmupKpi: plant.wipMean.")));
            }
        } else {
            if (warmupKpi != null || warmupPilots != null || warmupBatches != null) {
                throw new ScenarioException(source, List.of(new Problem("$.warmup", String.valueOf(warmup),
                        "warmupKpi, warmupPilots and warmupBatches apply to a detected warm-up only",
                        "Maybe write warmup: auto.")));
            }
            e = e.withWarmup(warmup);
        }
        if (precision != null) {
            return e.withPrecision(precision);
        }
        return replications == null ? e : e.withReplications(replications);
    }

    private List<Variant> generatedVariants(Scenario scenario, Path dir, String source) {
        List<GeneratedVariants.Model> models = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < generated.models().size(); i++) {
            GeneratorSpec g = generated.models().get(i);
            TimeSpan period = null;
            if (g.period() != null) {
                String at = "$.generated.models[" + i + "].period";
                try {
                    period = TimeSpan.parse(g.period());
                } catch (IllegalArgumentException ex) {
                    problems.add(new Problem(at, "\"" + g.period() + "\"", ex.getMessage(),
                            "Maybe \"1d\": the period of one row of demand."));
                    continue;
                }
                if (period.toMillis() <= 0) {
                    problems.add(new Problem(at, "\"" + g.period() + "\"", "The period must be > 0",
                            "Maybe \"1d\": the period of one row of demand."));
                    continue;
                }
            }
            models.add(new GeneratedVariants.Model(dir.resolve(g.model()), g.targets(), period,
                    g.conditions() == null ? null : dir.resolve(g.conditions())));
        }
        if (generated.count() < 2) {
            problems.add(new Problem("$.generated.count", String.valueOf(generated.count()),
                    "Generated scenarios need a count >= 2 for a distribution", "Maybe count: 20."));
        }
        if (generated.models().isEmpty()) {
            problems.add(new Problem("$.generated.models", "[]", "Generated scenarios need at least one model",
                    "Maybe models: [{model: gan-demand}] (a folder from plantwin gan train)."));
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(source, problems);
        }
        // The seed and horizon the variants will run with: the experiment's where it sets them.
        List<PathOverride> common = new ArrayList<>();
        if (seed != null) {
            common.add(PathOverride.of("seed", seed));
        }
        if (horizon != null) {
            common.add(PathOverride.of("horizon", horizon));
        }
        Scenario effective = common.isEmpty() ? scenario : Overrides.apply(scenario, common, "experiment " + name);
        GeneratedVariants g = new GeneratedVariants(generated.count(), generated.seed() == null ? 1 : generated.seed(),
                generated.parametric() == null || generated.parametric(), Boolean.TRUE.equals(generated.replayed()),
                models);
        return g.variants(scenario, effective.seed(), effective.horizon().toMillis(), source);
    }
}
