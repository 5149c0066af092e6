package org.plantwin.planners.scheduling.twin;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.plantwin.actors.api.RunResult;

/**
 * A self-contained HTML page (inline SVG, no script, no library) with a Gantt chart of a time window: per machine,
 * one row for the plan ({@link CellPlanner.PlannedOperation}) and one for what the twin executed
 * ({@link RunResult.Operation}), bars coloured by product, setup drawn hatched in the executed rows.
 */
public final class GanttReport {

    private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948",
        "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};
    private static final int WIDTH = 1400;
    private static final int LABEL = 150;
    private static final int ROW = 26;
    private static final int TOP = 30;

    private GanttReport() {
    }

    /**
     * The page for the window [fromMillis, toMillis). Every executed operation given gets one bar
     * ({@code class="bar executed"}), clipped to the window; planned ones get {@code class="bar planned"}.
     */
    public static String html(String title, long fromMillis, long toMillis,
                              List<CellPlanner.PlannedOperation> planned, List<RunResult.Operation> executed) {
        requireNonNull(title, "title");
        requireNonNull(planned, "planned");
        requireNonNull(executed, "executed");
        if (toMillis <= fromMillis) {
            throw new IllegalArgumentException("The window end (" + toMillis + ") must be after its start ("
                    + fromMillis + ").");
        }
        Set<String> machines = new TreeSet<>();
        Set<String> products = new TreeSet<>();
        planned.forEach(p -> {
            machines.add(p.machine());
            products.add(p.product());
        });
        executed.forEach(o -> {
            machines.add(o.machine());
            products.add(o.product());
        });
        List<String> machineList = List.copyOf(machines);
        List<String> productList = List.copyOf(products);
        int height = TOP + machineList.size() * 2 * ROW + 40;
        double span = toMillis - fromMillis;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, height));
        svg.append("<defs><pattern id=\"setup\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
                + "patternTransform=\"rotate(45)\"><rect width=\"3\" height=\"6\" fill=\"#555\"/></pattern></defs>\n");
        // Hour grid.
        long hourMs = 3_600_000L;
        for (long t = (fromMillis + hourMs - 1) / hourMs * hourMs; t <= toMillis; t += hourMs) {
            double x = LABEL + (t - fromMillis) / span * (WIDTH - LABEL - 10);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" fill=\"#666\" text-anchor=\"middle\">%s</text>%n", x, TOP - 5, x,
                    height - 35, x, TOP - 10, clock(t).substring(clock(t).indexOf(' ') + 1)));
        }
        for (int m = 0; m < machineList.size(); m++) {
            String id = machineList.get(m);
            int yPlan = TOP + 2 * m * ROW;
            int yExec = yPlan + ROW;
            svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\">%s planned</text>%n", yPlan + 17,
                    escape(id)));
            svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\">%s executed</text>%n", yExec + 17,
                    escape(id)));
            for (CellPlanner.PlannedOperation p : planned) {
                if (p.machine().equals(id)) {
                    bar(svg, "planned", fromMillis, toMillis, p.startMillis(), p.startMillis(), p.endMillis(), yPlan,
                            colour(productList, p.product()), "part " + p.partId() + " " + p.product() + " planned "
                                    + clock(p.startMillis()) + "-" + clock(p.endMillis()));
                }
            }
            for (RunResult.Operation o : executed) {
                if (o.machine().equals(id)) {
                    long s = Math.round(o.startMinutes() * 60_000);
                    long ps = Math.round(o.processStartMinutes() * 60_000);
                    long e = Math.round(o.endMinutes() * 60_000);
                    bar(svg, "executed", fromMillis, toMillis, s, ps, e, yExec, colour(productList, o.product()),
                            "part " + o.partId() + " " + o.product() + " executed " + clock(s) + "-" + clock(e)
                                    + (ps > s ? " (setup until " + clock(ps) + ")" : ""));
                }
            }
        }
        int ly = height - 15;
        for (int i = 0; i < productList.size(); i++) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", LABEL + i * 80, ly - 10, colour(productList,
                    productList.get(i)), LABEL + i * 80 + 16, ly, escape(productList.get(i))));
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" "
                + "fill=\"url(#setup)\"/><text x=\"%d\" y=\"%d\">setup</text>%n", LABEL + productList.size() * 80,
                ly - 10, LABEL + productList.size() * 80 + 16, ly));
        svg.append("</svg>\n");
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head>\n<body style=\"font-family:sans-serif\">\n<h1 style=\"font-size:16px\">"
                + escape(title) + "</h1>\n<p>" + planned.size() + " planned, " + executed.size()
                + " executed operations. Planned times use mean setup and processing times; executed ones include "
                + "failures. Hover a bar for the part.</p>\n" + svg + "</body></html>\n";
    }

    private static void bar(StringBuilder svg, String kind, long from, long to, long start, long processStart,
                            long end, int y, String colour, String tip) {
        double span = to - from;
        double w = WIDTH - LABEL - 10;
        double x0 = LABEL + (Math.max(start, from) - from) / span * w;
        double x1 = LABEL + (Math.min(end, to) - from) / span * w;
        double xs = LABEL + (Math.min(Math.max(processStart, from), to) - from) / span * w;
        svg.append(String.format(Locale.ROOT, "<g class=\"bar %s\"><title>%s</title><rect x=\"%.2f\" y=\"%d\" "
                + "width=\"%.2f\" height=\"%d\" fill=\"%s\" stroke=\"#fff\" stroke-width=\"0.5\"/>", kind, escape(tip),
                x0, y + 3, Math.max(0.5, x1 - x0), ROW - 6, colour));
        if (xs > x0) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"%d\" "
                    + "fill=\"url(#setup)\"/>", x0, y + 3, xs - x0, ROW - 6));
        }
        svg.append("</g>\n");
    }

    private static String colour(List<String> products, String product) {
        return COLOURS[Math.max(0, products.indexOf(product)) % COLOURS.length];
    }

    /** Simulated time as {@code d<day> hh:mm}. */
    public static String clock(long millis) {
        long minutes = Math.floorDiv(millis, 60_000L);
        return String.format(Locale.ROOT, "d%d %02d:%02d", minutes / 1440, minutes % 1440 / 60, minutes % 60);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
