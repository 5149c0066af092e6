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
 * </pre>
 */
public record ExperimentFile(
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) String base,
        Long seed, String horizon, String warmup, String warmupKpi, Integer warmupPilots, Integer warmupBatches,
        Integer replications, Precision precision, Double confidence,
        List<String> kpis, List<VariantSpec> variants, SweepSpec sweep) {

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
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(file.toString(), List.of(new Problem("$", file.toString(),
                    "The file cannot be read: " + e.getMessage(), "Maybe check the path and permissions.")));
        }
        ExperimentFile f = parse(text, file.toString());
        Path dir = file.toAbsolutePath().getParent();
        return f.toExperiment(dir, file.toString());
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

    /** The experiment this file describes; {@code dir} resolves a relative base path. */
    public Experiment toExperiment(Path dir, String source) {
        Path basePath = dir == null ? Path.of(base) : dir.resolve(base);
        Scenario scenario = Files.isRegularFile(basePath) ? Scenarios.load(basePath) : Scenarios.resolve(base);
        return toExperiment(scenario, source);
    }

    /**
     * The experiment this file describes, on a base scenario the caller resolved from {@link #base()} (the HTTP
     * service allows library names only, never a file path).
     */
    public Experiment toExperiment(Scenario scenario, String source) {
        List<Variant> vs = new ArrayList<>();
        boolean isSweep = sweep != null;
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
        Experiment e = Experiment.of(name, scenario).withVariants(vs)
                .withKpis(kpis == null ? List.of() : kpis)
                .withSeed(seed).withHorizon(horizon)
                .withConfidence(confidence == null ? 0.95 : confidence)
                .withCompare(!isSweep);
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
}
