package org.plantwin.twin.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with right-aligned numbers, for the terminal. */
final class TextTable {

    private final String title;
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String title, String... headers) {
        this.title = title;
        this.headers = List.of(headers);
    }

    TextTable row(Object... cells) {
        List<String> r = new ArrayList<>();
        for (Object c : cells) {
            r.add(format(c));
        }
        rows.add(r);
        return this;
    }

    static String format(Object c) {
        if (c == null) {
            return "-";
        }
        if (c instanceof Double d) {
            double a = Math.abs(d);
            if (a != 0 && a < 0.01) {
                return String.format(java.util.Locale.ROOT, "%.4f", d);
            }
            return String.format(java.util.Locale.ROOT, a >= 1000 ? "%.1f" : "%.3f", d);
        }
        return String.valueOf(c);
    }

    static String pct(double fraction) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    String render() {
        int[] w = new int[headers.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = headers.get(i).length();
            for (List<String> r : rows) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(title).append('\n');
        line(sb, headers, w);
        for (int i = 0; i < w.length; i++) {
            sb.append(i == 0 ? "" : "  ").append("-".repeat(w[i]));
        }
        sb.append('\n');
        for (List<String> r : rows) {
            line(sb, r, w);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] w) {
        for (int i = 0; i < w.length; i++) {
            String c = cells.get(i);
            String pad = " ".repeat(w[i] - c.length());
            sb.append(i == 0 ? "" : "  ").append(i == 0 ? c + pad : pad + c);
        }
        sb.append('\n');
    }
}
