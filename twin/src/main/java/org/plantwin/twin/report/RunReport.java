package org.plantwin.twin.report;

import static org.plantwin.twin.report.HtmlParts.esc;
import static org.plantwin.twin.report.HtmlParts.finite;
import static org.plantwin.twin.report.HtmlParts.json;
import static org.plantwin.twin.report.HtmlParts.num;
import static org.plantwin.twin.report.HtmlParts.resource;
import static org.plantwin.twin.report.HtmlParts.scriptSafe;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.plantwin.actors.api.RunOptions;
import org.plantwin.actors.api.RunResult;
import org.plantwin.scenarios.model.Customer;
import org.plantwin.scenarios.model.Scenario;
import org.plantwin.scenarios.model.Site;
import org.plantwin.scenarios.model.Supplier;
import org.plantwin.scenarios.model.Warehouse;

/**
 * A self-contained HTML report of one run ({@code report.html}): KPI tables, and charts drawn in the browser by
 * Chart.js (inlined with its licence banner, like the data, so the file opens from disk with no server and no
 * network): utilisation by state per machine, throughput and WIP over time, stock over time per warehouse product,
 * a Gantt chart of the first operations (executed; planned rows when a plan is given) and a route map of the first
 * truck trips over the scenario's sites. The charts are drawn by {@code dashboard/run-charts.js}, which the
 * dashboard uses too, from {@link #data}. Deterministic: equal inputs give equal bytes.
 *
 * <p>The series and traces only exist when the run asked for them: {@link #observe} adds both to run options.
 */
public final class RunReport {

    /** Operations of each line or machine group the run traces for the Gantt chart. */
    public static final int OPERATION_TRACE = 300;
    /** Batches the horizon is cut into for the series over time (each at least a minute). */
    public static final int BATCHES = 200;
    /** Operations drawn in the Gantt chart (the first, by start). */
    public static final int GANTT_OPERATIONS = 300;
    /** Trips drawn on the route map (the first, by departure). */
    public static final int MAP_TRIPS = 30;


    /** An operation of a plan, for the planned rows of the Gantt chart (minutes from time 0). */
    public record PlannedOperation(String machine, String product, long partId, double startMinutes,
                                   double endMinutes) {
        public PlannedOperation {
            requireNonNull(machine, "machine");
            requireNonNull(product, "product");
            if (!(endMinutes >= startMinutes)) {
                throw new IllegalArgumentException("The end (" + endMinutes + ") of planned operation (part " + partId
                        + " on " + machine + ") must be >= its start (" + startMinutes + ").");
            }
        }
    }

    private RunReport() {
    }

    /**
     * {@code options} plus what the report draws: batches of {@code horizonMillis / 200} rounded to a minute (at
     * least one) and the operation (and trip) trace. These only observe: the KPIs do not change.
     */
    public static RunOptions observe(RunOptions options, long horizonMillis) {
        requireNonNull(options, "options");
        if (horizonMillis <= 0) {
            throw new IllegalArgumentException("The horizon (" + horizonMillis + " ms) must be > 0.");
        }
        long minute = 60_000L;
        long batch = Math.max(1, Math.round(horizonMillis / (double) BATCHES / minute)) * minute;
        return options.withBatchMillis(batch).withOperationTrace(OPERATION_TRACE);
    }

    /** The horizon a run of {@code scenario} with {@code options} simulates. */
    public static long horizonMillis(Scenario scenario, RunOptions options) {
        return options.horizonMillisOverride() != null ? options.horizonMillisOverride()
                : scenario.horizon().toMillis();
    }

    /** The report of {@code result} (a run of {@code scenario}) without a plan. */
    public static String html(Scenario scenario, RunResult result) {
        return html(scenario, result, List.of());
    }

    /** The report as one HTML document; {@code planned} (may be empty) adds planned rows to the Gantt chart. */
    public static String html(Scenario scenario, RunResult result, List<PlannedOperation> planned) {
        requireNonNull(scenario, "scenario");
        requireNonNull(result, "result");
        requireNonNull(planned, "planned");
        String chartJs = resource("/dashboard/vendor/chart.umd.js");
        String charts = resource("/dashboard/run-charts.js");
        Map<String, Object> data = data(scenario, result, planned);
        StringBuilder sb = new StringBuilder(chartJs.length() + 128 * 1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>plantwin run ").append(esc(result.scenario())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body data-drawn=\"0\">\n");
        sb.append("<h1>Run ").append(esc(result.scenario())).append("</h1>\n<p>Seed ").append(result.seed())
                .append(", replication ").append(result.replication()).append(", horizon ").append(esc(result.horizon()))
                .append(", warm-up ").append(esc(result.warmup())).append(" (KPIs after warm-up, over ")
                .append(num(result.observedMinutes())).append(" simulated minutes).</p>\n");
        kpiTables(sb, result);
        sb.append("<h2>Utilisation by state</h2>\n<p>Share of time per machine state after warm-up.</p>\n"
                + "<div class=\"grid\" id=\"states\"></div>\n");
        sb.append("<h2>Over time</h2>\n<p>Per batch of ").append(num(batchMinutes(result)))
                .append(" simulated minutes from time 0, warm-up included.</p>\n<div class=\"grid\" id=\"series\"></div>\n");
        if (!result.inventory().isEmpty()) {
            sb.append("<h2>Stock over time</h2>\n<p>On hand per warehouse product, time-weighted per batch.</p>\n"
                    + "<div class=\"grid\" id=\"stock\"></div>\n");
        }
        sb.append("<h2>Gantt chart</h2>\n<p>The first ").append(Math.min(GANTT_OPERATIONS, result.operations().size()))
                .append(" operations as executed: which part on which machine from when to when (grey: setup)")
                .append(planned.isEmpty() ? "" : "; above each machine's executed row, its planned row (lighter)")
                .append(".</p>\n<div id=\"gantt\"></div>\n");
        if (!scenario.sites().isEmpty() || !result.trips().isEmpty()) {
            sb.append("<h2>Route map</h2>\n<p>Sites in km (warehouses, customers, suppliers labelled) and the first ")
                    .append(Math.min(MAP_TRIPS, result.trips().size()))
                    .append(" truck trips as traced, depot → stops → depot (straight lines).</p>\n"
                            + "<div id=\"routes\"></div>\n");
        }
        sb.append("<p class=\"foot\">Written by plantwin. Charts: Chart.js 4 (MIT licence, inlined below).</p>\n");
        sb.append("<script type=\"application/json\" id=\"plantwin-data\">").append(scriptSafe(json(data)))
                .append("</script>\n");
        sb.append("<script>\n").append(scriptSafe(chartJs)).append("\n</script>\n");
        sb.append("<script>\n").append(scriptSafe(charts)).append("\n</script>\n");
        sb.append("<script>\n").append(scriptSafe(BOOT)).append("\n</script>\n</body>\n</html>\n");
        return sb.toString();
    }

    /** The data the charts are drawn from, as JSON (what {@code GET /runs/{id}/report?format=json} serves). */
    public static String dataJson(Scenario scenario, RunResult result) {
        return json(data(scenario, result, List.of()));
    }

    /**
     * The data the charts are drawn from: {@code machineStates}, {@code batchMinutes}, {@code series},
     * {@code inventoryLabels}, {@code operations}, {@code planned}, {@code sites}, {@code trips}.
     */
    public static Map<String, Object> data(Scenario scenario, RunResult result, List<PlannedOperation> planned) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("scenario", result.scenario());
        Map<String, Map<String, Double>> states = new LinkedHashMap<>();
        result.machines().forEach(m -> states.put(m.id(), m.stateFractions()));
        d.put("machineStates", states);
        d.put("batchMinutes", batchMinutes(result));
        List<Map<String, Object>> series = new ArrayList<>();
        for (RunResult.Batch b : result.batches()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("endMinutes", b.endMinutes());
            x.put("throughputPerHour", finite(b.throughputPerHour()));
            x.put("wipMean", finite(b.wipMean()));
            x.put("onHand", b.onHandMean());
            series.add(x);
        }
        d.put("series", series);
        d.put("inventoryLabels", result.inventory().stream().map(i -> i.warehouse() + "/" + i.product()).toList());
        List<Map<String, Object>> ops = new ArrayList<>();
        result.operations().stream()
                .sorted(Comparator.comparingDouble(RunResult.Operation::startMinutes))
                .limit(GANTT_OPERATIONS)
                .forEach(o -> {
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("machine", o.machine());
                    x.put("partId", o.partId());
                    x.put("product", o.product());
                    x.put("startMinutes", o.startMinutes());
                    x.put("processStartMinutes", o.processStartMinutes());
                    x.put("endMinutes", o.endMinutes());
                    ops.add(x);
                });
        d.put("operations", ops);
        List<Map<String, Object>> plan = new ArrayList<>();
        planned.stream().sorted(Comparator.comparingDouble(PlannedOperation::startMinutes)).limit(GANTT_OPERATIONS)
                .forEach(p -> {
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("machine", p.machine());
                    x.put("partId", p.partId());
                    x.put("product", p.product());
                    x.put("startMinutes", p.startMinutes());
                    x.put("endMinutes", p.endMinutes());
                    plan.add(x);
                });
        d.put("planned", plan);
        d.put("sites", sites(scenario));
        List<Map<String, Object>> trips = new ArrayList<>();
        result.trips().stream().sorted(Comparator.comparingDouble(RunResult.Trip::departMinutes)).limit(MAP_TRIPS)
                .forEach(t -> {
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("fleet", t.fleet());
                    x.put("depot", t.depot());
                    x.put("departMinutes", t.departMinutes());
                    x.put("returnMinutes", t.returnMinutes());
                    x.put("km", t.km());
                    x.put("units", t.units());
                    List<Map<String, Object>> points = new ArrayList<>();
                    points.add(point(t.depot(), t.depotX(), t.depotY()));
                    t.stops().forEach(s -> points.add(point(s.customer(), s.x(), s.y())));
                    points.add(point(t.depot(), t.depotX(), t.depotY()));
                    x.put("points", points);
                    trips.add(x);
                });
        d.put("trips", trips);
        d.put("tripsTraced", result.trips().size());
        return d;
    }

    /** Every site with what stands there: {@code id}, {@code x}, {@code y}, {@code kind}, {@code label}. */
    private static List<Map<String, Object>> sites(Scenario scenario) {
        Map<String, String> kind = new LinkedHashMap<>();
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (Warehouse w : scenario.warehouses()) {
            kind.putIfAbsent(w.site(), "warehouse");
            names.computeIfAbsent(w.site(), k -> new ArrayList<>()).add(w.id());
        }
        for (Supplier s : scenario.suppliers()) {
            kind.putIfAbsent(s.site(), "supplier");
            names.computeIfAbsent(s.site(), k -> new ArrayList<>()).add(s.id());
        }
        for (Customer c : scenario.customers()) {
            kind.putIfAbsent(c.site(), "customer");
            names.computeIfAbsent(c.site(), k -> new ArrayList<>()).add(c.id());
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Site s : scenario.sites()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", s.id());
            x.put("x", s.x());
            x.put("y", s.y());
            x.put("kind", kind.getOrDefault(s.id(), "site"));
            List<String> n = names.getOrDefault(s.id(), List.of());
            x.put("label", n.isEmpty() ? s.id() : String.join(", ", n) + " (" + s.id() + ")");
            out.add(x);
        }
        return out;
    }

    private static Map<String, Object> point(String name, double x, double y) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("x", x);
        p.put("y", y);
        return p;
    }

    private static double batchMinutes(RunResult r) {
        return r.batches().isEmpty() ? 0 : r.batches().get(0).endMinutes();
    }

    private static void kpiTables(StringBuilder sb, RunResult r) {
        RunResult.PlantKpis p = r.plant();
        sb.append("<h2>KPIs</h2>\n");
        table(sb, "Plant", List.of("parts out", "throughput/h", "WIP mean", "cycle time mean (min)", "p50 (min)",
                "p95 (min)", "scrapped"), List.of(List.of(Long.toString(p.partsOut()), num(p.throughputPerHour()),
                num(p.wipMean()), num(p.cycleTimeMeanMinutes()), num(p.cycleTimeP50Minutes()),
                num(p.cycleTimeP95Minutes()), Long.toString(p.scrapped()))));
        if (!r.lines().isEmpty()) {
            table(sb, "Lines and machine groups", List.of("id", "kind", "in", "out", "throughput/h", "WIP mean",
                    "scrapped"), r.lines().stream().map(l -> List.of(l.id(), l.kind(), Long.toString(l.partsIn()),
                    Long.toString(l.partsOut()), num(l.throughputPerHour()), num(l.wipMean()),
                    Long.toString(l.scrapped()))).toList());
        }
        if (!r.machines().isEmpty()) {
            table(sb, "Machines", List.of("machine", "station", "processed", "failures", "setups", "utilisation",
                    "availability", "performance", "quality", "OEE"), r.machines().stream().map(m -> List.of(m.id(),
                    (m.line() == null ? "" : m.line() + "/") + (m.station() == null ? "" : m.station()),
                    Long.toString(m.processed()), Long.toString(m.failures()), Long.toString(m.setups()),
                    pct(m.utilisation()), pct(m.availability()), pct(m.performance()), pct(m.quality()),
                    pct(m.oee()))).toList());
        }
        if (r.maintenance() != null && !r.maintenance().isEmpty()) {
            table(sb, "Maintenance", List.of("machine", "policy", "wear failures", "preventive", "down (h)",
                    "maintenance (h)", "availability", "OEE", "cost"), r.maintenance().stream().map(m -> List.of(
                    m.id(), m.policy(), Long.toString(m.failures()), Long.toString(m.preventive()),
                    num(m.downMinutes() / 60), num(m.maintenanceMinutes() / 60), pct(m.availability()), pct(m.oee()),
                    num(m.cost()))).toList());
        }
        if (r.inspection() != null && !r.inspection().isEmpty()) {
            table(sb, "Inspection", List.of("station", "inspected", "first-pass yield", "true rejects",
                    "false rejects", "escapes", "reworked", "scrapped", "good output"), r.inspection().stream()
                    .map(q -> List.of(q.line() + "/" + q.station(), Long.toString(q.inspected()),
                            pct(q.firstPassYield()), Long.toString(q.trueRejects()), Long.toString(q.falseRejects()),
                            Long.toString(q.escapes()), Long.toString(q.reworked()), Long.toString(q.scrapped()),
                            Long.toString(q.goodOutput()))).toList());
        }
        if (!r.sinks().isEmpty()) {
            table(sb, "Sinks", List.of("sink", "parts", "throughput/h", "cycle time mean (min)", "p95 (min)", "late"),
                    r.sinks().stream().map(s -> List.of(s.id(), Long.toString(s.parts()), num(s.throughputPerHour()),
                            num(s.cycleTimeMeanMinutes()), num(s.cycleTimeP95Minutes()), Long.toString(s.late())))
                            .toList());
        }
        RunResult.SupplyChainKpis s = r.supplyChain();
        if (s != null) {
            table(sb, "Supply chain", List.of("orders", "order fill", "unit fill", "on time", "lead time mean (h)",
                    "p95 (h)", "stock-outs", "km", "total cost"), List.of(List.of(Long.toString(s.orders()),
                    pct(s.orderFillRate()), pct(s.unitFillRate()), pct(s.onTimeDelivery()),
                    num(s.leadTimeMeanHours()), num(s.leadTimeP95Hours()), Long.toString(s.stockouts()),
                    num(s.kmDriven()), num(s.totalCost()))));
        }
        if (!r.inventory().isEmpty()) {
            table(sb, "Inventory (time-weighted after warm-up)", List.of("warehouse", "product", "policy",
                    "on hand mean", "min", "max"), r.inventory().stream().map(i -> List.of(i.warehouse(),
                    i.product(), i.policy(), num(i.onHandMean()), num(i.onHandMin()), num(i.onHandMax()))).toList());
        }
        if (!r.fleets().isEmpty()) {
            table(sb, "Fleets", List.of("fleet", "depot", "trucks", "trips", "km", "driving"), r.fleets().stream()
                    .map(f -> List.of(f.id(), f.depot(), Integer.toString(f.trucks()), Long.toString(f.trips()),
                            num(f.km()), pct(f.drivingShare()))).toList());
        }
    }

    private static void table(StringBuilder sb, String title, List<String> head, List<List<String>> rows) {
        sb.append("<h3>").append(esc(title)).append("</h3>\n<table>\n<tr>");
        head.forEach(h -> sb.append("<th>").append(esc(h)).append("</th>"));
        sb.append("</tr>\n");
        for (List<String> row : rows) {
            sb.append("<tr>");
            row.forEach(c -> sb.append("<td>").append(esc(c == null ? "" : c)).append("</td>"));
            sb.append("</tr>\n");
        }
        sb.append("</table>\n");
    }


    private static String pct(double d) {
        return Double.isFinite(d) ? String.format(Locale.ROOT, "%.1f%%", 100 * d) : "";
    }

    /** Draws every chart, then writes data-charts and data-drawn on body (tests read them). */
    private static final String BOOT = """
            (function () {
              'use strict';
              Chart.defaults.animation = false;
              Chart.defaults.maintainAspectRatio = false;
              var data = JSON.parse(document.getElementById('plantwin-data').textContent);
              var charts = PlantwinRunCharts.draw(data, { states: 'states', series: 'series', stock: 'stock',
                gantt: 'gantt', routes: 'routes' });
              document.body.setAttribute('data-charts', String(charts.length));
              document.body.setAttribute('data-drawn', String(PlantwinRunCharts.drawn(charts)));
              document.body.setAttribute('data-route-lines', String(PlantwinRunCharts.routeLines(charts)));
            })();
            """;

    private static final String STYLE = """
            body { font-family: system-ui, sans-serif; margin: 1.5rem auto; max-width: 1200px; padding: 0 1rem;
                   color: #222; }
            h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
            h3 { font-size: 0.95rem; margin: 0.6rem 0 0.2rem; font-weight: 600; }
            table { border-collapse: collapse; font-size: 0.85rem; margin: 0.3rem 0; }
            th, td { border: 1px solid #ddd; padding: 0.2rem 0.5rem; text-align: right; }
            th:first-child, td:first-child { text-align: left; }
            .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(360px, 1fr)); gap: 1rem; }
            .chart { border: 1px solid #eee; padding: 0.5rem; }
            .canvas-holder { position: relative; height: 260px; }
            .canvas-holder.tall { height: 520px; }
            .foot { color: #777; font-size: 0.8rem; margin-top: 2rem; }
            """;
}
