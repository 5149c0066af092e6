package org.plantwin.twin.experiment;

import static org.plantwin.twin.report.HtmlParts.esc;
import static org.plantwin.twin.report.HtmlParts.finite;
import static org.plantwin.twin.report.HtmlParts.json;
import static org.plantwin.twin.report.HtmlParts.num;
import static org.plantwin.twin.report.HtmlParts.resource;
import static org.plantwin.twin.report.HtmlParts.scriptSafe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.plantwin.actors.api.RunResult;
import org.plantwin.scenarios.model.TimeSpan;

/**
 * A self-contained HTML report of an {@link ExperimentResult}: tables, and charts drawn in the browser by Chart.js,
 * which is inlined (with its licence banner) like the data, so the file opens from disk with no server and no
 * network. Charts: KPI means with confidence bars per variant, sweep response curves, machine states, stock (when
 * the scenario has warehouses), throughput and WIP over time (replication 0), and the series MSER-5 looked at. The
 * Gantt chart draws the first traced operations of replication 0 of each variant. Deterministic: equal
 * results give equal bytes.
 */
public final class ExperimentHtml {

    /** Variants drawn in the per-variant charts (machine states, series); tables list them all. */
    static final int MAX_VARIANT_CHARTS = 8;


    private ExperimentHtml() {
    }

    /** The report as one HTML document. */
    public static String write(ExperimentResult r) {
        String chartJs = resource("/dashboard/vendor/chart.umd.js");
        String script = resource("/report/report.js");
        StringBuilder sb = new StringBuilder(chartJs.length() + 64 * 1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>plantwin experiment ").append(esc(r.name())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body data-drawn=\"0\">\n");
        sb.append("<h1>Experiment ").append(esc(r.name())).append("</h1>\n<p>Scenario <b>").append(esc(r.scenario()))
                .append("</b>, seed ").append(r.seed()).append(", ").append(r.replications())
                .append(" replications per variant, ").append(pct(r.confidence())).append(" Student-t intervals");
        if (r.precisionReached() != null) {
            sb.append(r.precisionReached() ? ", precision reached" : ", precision NOT reached at the maximum");
        }
        sb.append(". Replication k of every variant uses the same random-number streams (common random numbers).</p>\n");
        warmup(sb, r.warmupDetection());
        distributions(sb, r);
        sb.append("<h2>KPI means</h2>\n");
        summaryTable(sb, r);
        sb.append("<div class=\"grid\" id=\"kpi-charts\"></div>\n");
        if (!r.comparisons().isEmpty()) {
            sb.append("<h2>Comparisons</h2>\n");
            comparisonTable(sb, r);
        }
        Map<String, Object> sweep = sweep(r);
        if (sweep != null) {
            sb.append("<h2>Sweep response</h2>\n<p>KPI mean against each factor, with its confidence interval; a line "
                    + "per setting of the other factors (a Latin hypercube is drawn as a cloud).</p>\n"
                    + "<div class=\"grid\" id=\"sweep-charts\"></div>\n");
        }
        List<VariantDetail> details = r.details().subList(0, Math.min(MAX_VARIANT_CHARTS, r.details().size()));
        String shown = details.size() < r.details().size()
                ? " (the first " + details.size() + " of " + r.details().size() + " variants)" : "";
        sb.append("<h2>Utilisation by state</h2>\n<p>Share of time per machine state after warm-up, mean over the "
                + "replications").append(shown).append(".</p>\n<div class=\"grid\" id=\"state-charts\"></div>\n");
        List<String> inventoryLabels = inventoryLabels(details);
        if (!inventoryLabels.isEmpty()) {
            sb.append("<h2>Inventory</h2>\n<p>On-hand stock per warehouse product after warm-up: mean of the "
                    + "replications' time-weighted means, lowest minimum and highest maximum").append(shown)
                    .append("; then the stock over time of replication 0 (time-weighted per batch, warm-up included)."
                            + "</p>\n<div class=\"grid\" id=\"inventory-charts\"></div>\n"
                            + "<div class=\"grid\" id=\"stock-charts\"></div>\n");
        }
        sb.append("<h2>Over time</h2>\n<p>Replication 0 of each variant").append(shown).append(", per batch of ")
                .append(details.isEmpty() ? "" : num(details.get(0).batchMinutes()))
                .append(" simulated minutes from time 0, warm-up included.</p>\n")
                .append("<div class=\"grid\" id=\"series-charts\"></div>\n");
        if (r.warmupDetection() != null) {
            sb.append("<div class=\"grid\" id=\"warmup-charts\"></div>\n");
        }
        sb.append("<h2>Gantt chart</h2>\n<p>The first operations of replication 0 of each variant").append(shown)
                .append(", as executed: which part on which machine from when to when (grey: setup).</p>\n"
                        + "<div class=\"grid\" id=\"gantt-charts\"></div>\n");
        sb.append("<p class=\"foot\">Written by plantwin. Charts: Chart.js 4 (MIT licence, inlined below).</p>\n");
        sb.append("<script type=\"application/json\" id=\"plantwin-data\">")
                .append(scriptSafe(json(data(r, details, inventoryLabels, sweep)))).append("</script>\n");
        sb.append("<script>\n").append(scriptSafe(chartJs)).append("\n</script>\n");
        sb.append("<script>\n").append(scriptSafe(script)).append("\n</script>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static void warmup(StringBuilder sb, WarmupDetection w) {
        if (w == null) {
            return;
        }
        sb.append("<h2>Warm-up</h2>\n<p>Detected with ").append(esc(w.method())).append(" on <code>")
                .append(esc(w.kpi())).append("</code>: the horizon cut into ").append(w.batches())
                .append(" batches, the batch series averaged over ").append(w.pilotReplications())
                .append(" pilot runs per variant, truncation searched over the first half. Applied to every variant "
                        + "(the largest): <b>").append(esc(w.applied())).append("</b> (")
                .append(num(w.appliedMinutes())).append(" min).</p>\n<table>\n<tr><th>variant</th><th>batch (min)"
                        + "</th><th>batches dropped</th><th>warm-up (min)</th><th>pilots alone</th><th>note</th></tr>\n");
        for (WarmupDetection.VariantWarmup v : w.variants()) {
            sb.append("<tr><td>").append(esc(v.variant())).append("</td><td>").append(num(v.batchMinutes()))
                    .append("</td><td>").append(v.truncationBatches()).append("</td><td>")
                    .append(num(v.warmupMinutes())).append("</td><td>").append(esc(v.pilotTruncations().toString()))
                    .append("</td><td>").append(v.atBoundary() ? "at the search limit: lengthen the horizon" : "")
                    .append("</td></tr>\n");
        }
        sb.append("</table>\n");
    }

    /** Generated against parametric scenarios: each KPI's distribution across scenarios, the paired differences. */
    private static void distributions(StringBuilder sb, ExperimentResult r) {
        if (r.distributions().isEmpty()) {
            return;
        }
        sb.append("<h2>KPI distribution across scenarios</h2>\n<p>Each scenario counts once, with the mean of its ")
                .append(r.replications()).append(" replications. <i>5% worst</i> is the 5% tail on the bad side (the "
                        + "5th percentile of a higher-is-better KPI, the 95th of a lower-is-better one); quantiles "
                        + "interpolate between order statistics.</p>\n<table>\n<tr><th>KPI</th><th>scenarios</th>"
                        + "<th>n</th><th>median</th><th>5% worst</th><th>mean</th><th>")
                .append(pct(r.confidence())).append(" CI</th><th>min</th><th>max</th></tr>\n");
        for (String k : r.kpis()) {
            for (ScenarioDistribution g : r.distributions()) {
                ScenarioDistribution.KpiDistribution d = g.kpi(k);
                sb.append("<tr><td>").append(esc(k)).append("</td><td>").append(esc(g.group())).append("</td><td>")
                        .append(g.scenarios()).append("</td><td>").append(num(d.median())).append("</td><td>")
                        .append(num(d.worstCase5())).append("</td><td>").append(num(d.mean().mean()))
                        .append("</td><td>[").append(num(d.mean().lower())).append(", ").append(num(d.mean().upper()))
                        .append("]</td><td>").append(num(d.min())).append("</td><td>").append(num(d.max()))
                        .append("</td></tr>\n");
            }
        }
        sb.append("</table>\n");
        for (Comparison c : r.groupComparisons()) {
            sb.append("<p>").append(esc(c.variant())).append(" against ").append(esc(c.baseline()))
                    .append(" scenarios, paired scenario by scenario (scenario i of both shares its simulation seed)."
                            + "</p>\n<table>\n<tr><th>KPI</th><th>").append(esc(c.baseline())).append("</th><th>")
                    .append(esc(c.variant())).append("</th><th>difference</th><th>").append(pct(r.confidence()))
                    .append(" CI</th><th>verdict</th></tr>\n");
            for (PairedDifference d : c.differences()) {
                sb.append("<tr><td>").append(esc(d.kpi())).append("</td>");
                differenceCells(sb, d);
            }
            sb.append("</table>\n");
        }
        sb.append("<div class=\"grid\" id=\"distribution-charts\"></div>\n");
    }

    /** Baseline, variant, difference, interval and verdict cells, closing the row. */
    private static void differenceCells(StringBuilder sb, PairedDifference d) {
        sb.append("<td>").append(num(d.baselineMean())).append("</td><td>")
                .append(num(d.variantMean())).append("</td><td>").append(num(d.difference().mean()))
                .append("</td><td>[").append(num(d.difference().lower())).append(", ")
                .append(num(d.difference().upper())).append("]</td><td class=\"")
                .append(d.verdict().name().toLowerCase(Locale.ROOT)).append("\">")
                .append(esc(d.verdict().label())).append("</td></tr>\n");
    }

    private static void summaryTable(StringBuilder sb, ExperimentResult r) {
        sb.append("<table>\n<tr><th>variant</th><th>KPI</th><th>mean</th><th>+/-</th><th>sd</th><th>")
                .append(pct(r.confidence())).append(" CI</th></tr>\n");
        for (VariantResult v : r.variants()) {
            for (String k : r.kpis()) {
                Summary s = v.summary(k);
                sb.append("<tr><td>").append(esc(v.name())).append("</td><td>").append(esc(k)).append("</td><td>")
                        .append(num(s.mean())).append("</td><td>").append(num(s.halfWidth())).append("</td><td>")
                        .append(num(s.sd())).append("</td><td>[").append(num(s.lower())).append(", ")
                        .append(num(s.upper())).append("]</td></tr>\n");
            }
        }
        sb.append("</table>\n");
    }

    private static void comparisonTable(StringBuilder sb, ExperimentResult r) {
        sb.append("<p>Each variant against ").append(esc(r.comparisons().get(0).baseline()))
                .append(": paired differences (variant - baseline) per replication.</p>\n<table>\n<tr><th>variant"
                        + "</th><th>KPI</th><th>baseline</th><th>variant</th><th>difference</th><th>")
                .append(pct(r.confidence())).append(" CI</th><th>verdict</th></tr>\n");
        for (Comparison c : r.comparisons()) {
            for (PairedDifference d : c.differences()) {
                sb.append("<tr><td>").append(esc(c.variant())).append("</td><td>").append(esc(d.kpi()))
                        .append("</td>");
                differenceCells(sb, d);
            }
        }
        sb.append("</table>\n");
    }

    /** Factors with numeric values (durations in minutes) per point, or null when the result is not a sweep. */
    private static Map<String, Object> sweep(ExperimentResult r) {
        List<String> paths = ExperimentCsv.overridePaths(r);
        // Scenario groups vary seeds and generated data, not factors: their picture is the distribution chart.
        if (!r.comparisons().isEmpty() || !r.distributions().isEmpty() || r.variants().size() < 2 || paths.isEmpty()) {
            return null;
        }
        List<Map<String, Object>> factors = new ArrayList<>();
        List<Integer> keep = new ArrayList<>();
        List<List<Object>> points = new ArrayList<>();
        r.variants().forEach(v -> points.add(new ArrayList<>()));
        for (int f = 0; f < paths.size(); f++) {
            String unit = "";
            boolean numeric = true;
            List<Double> xs = new ArrayList<>();
            for (VariantResult v : r.variants()) {
                String text = v.overrides().get(paths.get(f));
                Double x = null;
                if (text != null) {
                    try {
                        x = Double.parseDouble(text);
                    } catch (NumberFormatException notNumber) {
                        try {
                            x = TimeSpan.parse(text).millis() / 60_000.0;
                            unit = "min";
                        } catch (RuntimeException notDuration) {
                            numeric = false; // a text factor (a policy name, say): no axis to draw it on
                        }
                    }
                }
                xs.add(x);
            }
            if (!numeric) {
                continue;
            }
            keep.add(f);
            Map<String, Object> factor = new LinkedHashMap<>();
            factor.put("path", paths.get(f));
            factor.put("unit", unit);
            factors.add(factor);
            for (int i = 0; i < xs.size(); i++) {
                points.get(i).add(xs.get(i));
            }
        }
        if (factors.isEmpty()) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("factors", factors);
        out.put("points", points);
        return out;
    }

    private static List<String> inventoryLabels(List<VariantDetail> details) {
        List<String> labels = new ArrayList<>();
        for (VariantDetail d : details) {
            for (VariantDetail.InventoryRange i : d.inventory()) {
                String l = i.warehouse() + "/" + i.product();
                if (!labels.contains(l)) {
                    labels.add(l);
                }
            }
        }
        return labels;
    }

    private static Map<String, Object> data(ExperimentResult r, List<VariantDetail> details,
                                            List<String> inventoryLabels, Map<String, Object> sweep) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", r.name());
        d.put("confidencePercent", Math.round(100 * r.confidence()));
        d.put("kpis", r.kpis());
        List<Map<String, Object>> variants = new ArrayList<>();
        for (VariantResult v : r.variants()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", v.name());
            Map<String, Object> sums = new LinkedHashMap<>();
            v.summaries().forEach((k, s) -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("mean", finite(s.mean()));
                x.put("lower", finite(s.lower()));
                x.put("upper", finite(s.upper()));
                sums.put(k, x);
            });
            m.put("summaries", sums);
            variants.add(m);
        }
        d.put("variants", variants);
        d.put("sweep", sweep);
        List<Map<String, Object>> groups = new ArrayList<>();
        for (ScenarioDistribution g : r.distributions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("group", g.group());
            Map<String, Object> values = new LinkedHashMap<>();
            g.kpis().forEach(k -> values.put(k.kpi(), k.values().stream().map(v -> finite(v)).toList()));
            m.put("values", values);
            groups.add(m);
        }
        d.put("distributions", groups);
        List<Map<String, Object>> ds = new ArrayList<>();
        for (VariantDetail v : details) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("variant", v.variant());
            m.put("machineStates", v.machineStates());
            List<Map<String, Object>> inv = new ArrayList<>();
            for (String label : inventoryLabels) {
                VariantDetail.InventoryRange i = v.inventory().stream()
                        .filter(x -> (x.warehouse() + "/" + x.product()).equals(label)).findFirst().orElse(null);
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("onHandMean", i == null ? null : finite(i.onHandMean()));
                x.put("onHandMin", i == null ? null : finite(i.onHandMin()));
                x.put("onHandMax", i == null ? null : finite(i.onHandMax()));
                inv.add(x);
            }
            m.put("inventory", inv);
            List<Map<String, Object>> series = new ArrayList<>();
            for (RunResult.Batch b : v.series()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("endMinutes", b.endMinutes());
                x.put("throughputPerHour", finite(b.throughputPerHour()));
                x.put("wipMean", finite(b.wipMean()));
                x.put("onHand", b.onHandMean());
                series.add(x);
            }
            m.put("series", series);
            List<Map<String, Object>> ops = new ArrayList<>();
            for (RunResult.Operation o : v.operations()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("machine", o.machine());
                x.put("product", o.product());
                x.put("startMinutes", o.startMinutes());
                x.put("processStartMinutes", o.processStartMinutes());
                x.put("endMinutes", o.endMinutes());
                ops.add(x);
            }
            m.put("operations", ops);
            ds.add(m);
        }
        d.put("details", ds);
        d.put("inventoryLabels", inventoryLabels);
        WarmupDetection w = r.warmupDetection();
        d.put("warmupMinutes", w == null ? null : w.appliedMinutes());
        if (w != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kpi", w.kpi());
            m.put("pilotReplications", w.pilotReplications());
            List<WarmupDetection.VariantWarmup> vs = w.variants().subList(0,
                    Math.min(MAX_VARIANT_CHARTS, w.variants().size()));
            List<Map<String, Object>> list = new ArrayList<>();
            for (WarmupDetection.VariantWarmup v : vs) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("variant", v.variant());
                x.put("batchMinutes", v.batchMinutes());
                x.put("warmupMinutes", v.warmupMinutes());
                x.put("series", v.series().stream().map(org.plantwin.twin.report.HtmlParts::finite).toList());
                list.add(x);
            }
            m.put("variants", list);
            d.put("warmup", m);
        } else {
            d.put("warmup", null);
        }
        return d;
    }


    private static String pct(double c) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * c);
    }

    private static final String STYLE = """
            body { font-family: system-ui, sans-serif; margin: 1.5rem auto; max-width: 1200px; padding: 0 1rem;
                   color: #222; }
            h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
            h3 { font-size: 0.95rem; margin: 0.2rem 0; font-weight: 600; }
            table { border-collapse: collapse; font-size: 0.85rem; margin: 0.5rem 0; }
            th, td { border: 1px solid #ddd; padding: 0.2rem 0.5rem; text-align: right; }
            th:first-child, td:first-child, th:nth-child(2), td:nth-child(2) { text-align: left; }
            td.better { color: #1a7f37; font-weight: 600; } td.worse { color: #c62828; font-weight: 600; }
            .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(360px, 1fr)); gap: 1rem; }
            .chart { border: 1px solid #eee; padding: 0.5rem; }
            .canvas-holder { position: relative; height: 260px; }
            .note { background: #fff8e1; padding: 0.5rem; border-left: 3px solid #f0b400; }
            .foot { color: #777; font-size: 0.8rem; margin-top: 2rem; }
            """;
}
