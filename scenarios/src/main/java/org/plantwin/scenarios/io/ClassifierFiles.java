package org.plantwin.scenarios.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.plantwin.scenarios.api.Problem;
import org.plantwin.scenarios.model.Inspection;
import org.plantwin.scenarios.model.InspectionClassifier;
import org.plantwin.scenarios.model.Line;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.model.Station;

/**
 * Reads the model descriptors that inspection classifiers name and puts their classes and confusion matrix into the
 * scenario, so that a loaded scenario carries its data (a run never reads files). Only the descriptor's
 * {@code classes} and {@code confusion} fields are read. Relative paths are resolved against {@code baseDir}.
 */
public final class ClassifierFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClassifierFiles() {
    }

    /** The scenario with every classifier's model file read; problems are added to {@code problems}. */
    public static Scenario inline(Scenario s, Path baseDir, List<Problem> problems) {
        boolean any = s.lines().stream().flatMap(l -> l.stations().stream())
                .anyMatch(st -> st != null && st.inspection() != null && st.inspection().classifier() != null
                        && st.inspection().classifier().model() != null);
        if (!any) {
            return s;
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < s.lines().size(); i++) {
            Line l = s.lines().get(i);
            List<Station> stations = new ArrayList<>();
            for (int j = 0; j < l.stations().size(); j++) {
                Station st = l.stations().get(j);
                Inspection in = st == null ? null : st.inspection();
                if (in != null && in.classifier() != null && in.classifier().model() != null) {
                    String path = "$.lines[" + i + "].stations[" + j + "].inspection.classifier.model";
                    InspectionClassifier c = read(baseDir, in.classifier(), path, problems);
                    st = new Station(st.id(), st.machines(), st.buffer(), new Inspection(in.defectRate(),
                            in.detection(), in.falseReject(), c, in.disposition(), in.reworkAt(), in.reworkSuccess(),
                            in.maxReworks()));
                }
                stations.add(st);
            }
            lines.add(new Line(l.id(), stations, l.queue(), l.materials()));
        }
        return new Scenario(s.name(), s.description(), s.seed(), s.horizon(), s.warmup(), s.transferTime(),
                s.products(), s.machines(), lines, s.machineGroups(), s.sources(), s.sinks(), s.sites(),
                s.travel(), s.warehouses(), s.suppliers(), s.customers(), s.fleets());
    }

    private static InspectionClassifier read(Path baseDir, InspectionClassifier c, String path,
                                             List<Problem> problems) {
        Path p = baseDir.resolve(c.model()).normalize();
        JsonNode root;
        try {
            root = JSON.readTree(p.toFile());
        } catch (IOException e) {
            problems.add(new Problem(path, "\"" + c.model() + "\"", "The model descriptor cannot be read (" + p + ")",
                    "Maybe the inspection.json that plantwin inspect train wrote; the path is relative to the scenario"
                            + " file's folder."));
            return c;
        }
        JsonNode classes = root.path("classes");
        JsonNode confusion = root.path("confusion");
        if (!classes.isArray() || !confusion.isArray() || confusion.isEmpty()) {
            problems.add(new Problem(path, "\"" + c.model() + "\"", "The model descriptor has no classes and confusion"
                    + " matrix", "Maybe train with cross-validation (plantwin inspect train --folds 5) so that the"
                    + " descriptor records its confusion matrix."));
            return c;
        }
        List<String> names = new ArrayList<>();
        classes.forEach(n -> names.add(n.asText()));
        List<List<Double>> rows = new ArrayList<>();
        for (JsonNode row : confusion) {
            List<Double> r = new ArrayList<>();
            row.forEach(v -> r.add(v.asDouble()));
            rows.add(r);
        }
        return new InspectionClassifier(c.model(), c.reject(), names, rows);
    }
}
