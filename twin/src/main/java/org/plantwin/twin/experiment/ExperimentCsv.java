package org.plantwin.twin.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** CSV forms of an {@link ExperimentResult} (RFC 4180 quoting, {@code .} as decimal point, {@code \n} line ends). */
public final class ExperimentCsv {

    private ExperimentCsv() {
    }

    /**
     * One row per variant: its override values (one column per override path, in first-seen order; for a sweep,
     * the factors), then mean, sd, lower, upper and half-width per KPI.
     */
    public static String summary(ExperimentResult r) {
        List<String> paths = overridePaths(r);
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>();
        header.add("variant");
        header.addAll(paths);
        header.add("replications");
        for (String k : r.kpis()) {
            for (String f : List.of("mean", "sd", "lower", "upper", "halfWidth")) {
                header.add(k + ":" + f);
            }
        }
        line(sb, header);
        for (VariantResult v : r.variants()) {
            List<String> row = new ArrayList<>();
            row.add(v.name());
            for (String p : paths) {
                row.add(v.overrides().getOrDefault(p, ""));
            }
            row.add(String.valueOf(r.replications()));
            for (String k : r.kpis()) {
                Summary s = v.summary(k);
                row.add(num(s.mean()));
                row.add(num(s.sd()));
                row.add(num(s.lower()));
                row.add(num(s.upper()));
                row.add(num(s.halfWidth()));
            }
            line(sb, row);
        }
        return sb.toString();
    }

    /** One row per (variant, replication): every KPI's value. */
    public static String replications(ExperimentResult r) {
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("variant", "replication"));
        header.addAll(r.kpis());
        line(sb, header);
        for (VariantResult v : r.variants()) {
            for (int k = 0; k < r.replications(); k++) {
                List<String> row = new ArrayList<>(List.of(v.name(), String.valueOf(k)));
                for (String kpi : r.kpis()) {
                    row.add(num(v.values().get(kpi).get(k)));
                }
                line(sb, row);
            }
        }
        return sb.toString();
    }

    /** One row per (variant, KPI): the paired difference against the baseline and the verdict. */
    public static String comparisons(ExperimentResult r) {
        StringBuilder sb = new StringBuilder();
        line(sb, List.of("variant", "baseline", "kpi", "direction", "baselineMean", "variantMean", "difference",
                "lower", "upper", "verdict"));
        for (Comparison c : r.comparisons()) {
            for (PairedDifference d : c.differences()) {
                line(sb, List.of(c.variant(), c.baseline(), d.kpi(), d.direction().name().toLowerCase(Locale.ROOT),
                        num(d.baselineMean()), num(d.variantMean()), num(d.difference().mean()),
                        num(d.difference().lower()), num(d.difference().upper()), d.verdict().label()));
            }
        }
        return sb.toString();
    }

    static List<String> overridePaths(ExperimentResult r) {
        List<String> paths = new ArrayList<>();
        for (VariantResult v : r.variants()) {
            for (String p : v.overrides().keySet()) {
                if (!paths.contains(p)) {
                    paths.add(p);
                }
            }
        }
        return paths;
    }

    private static String num(double d) {
        return Double.isNaN(d) ? "" : Double.toString(d);
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String c = cells.get(i);
            if (c.contains(",") || c.contains("\"") || c.contains("\n")) {
                c = "\"" + c.replace("\"", "\"\"") + "\"";
            }
            sb.append(c);
        }
        sb.append('\n');
    }
}
