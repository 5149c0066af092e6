package org.plantwin.scenarios.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.plantwin.scenarios.api.Problem;
import org.plantwin.scenarios.model.Customer;
import org.plantwin.scenarios.model.Demand;
import org.plantwin.scenarios.model.DemandSeries;
import org.plantwin.scenarios.model.Scenario;

/**
 * Reads the CSV files that demand series name and puts their values into the scenario, so that a loaded scenario
 * carries its data (a run never reads files). Relative paths are resolved against {@code baseDir}.
 */
public final class SeriesFiles {

    private SeriesFiles() {
    }

    /** The scenario with every series file read into its values; problems are added to {@code problems}. */
    public static Scenario inline(Scenario s, Path baseDir, List<Problem> problems) {
        boolean any = s.customers().stream().flatMap(c -> c.demand().stream())
                .anyMatch(d -> d != null && d.series() != null && d.series().file() != null);
        if (!any) {
            return s;
        }
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < s.customers().size(); i++) {
            Customer c = s.customers().get(i);
            List<Demand> demand = new ArrayList<>();
            for (int j = 0; j < c.demand().size(); j++) {
                Demand d = c.demand().get(j);
                if (d != null && d.series() != null && d.series().file() != null) {
                    String path = "$.customers[" + i + "].demand[" + j + "].series.file";
                    List<Double> values = read(baseDir, d.series().file(), path, problems);
                    d = new Demand(d.product(), d.interarrival(), d.quantity(), d.hourly(), d.weekly(),
                            new DemandSeries(d.series().file(), values, d.series().period()), d.scale());
                }
                demand.add(d);
            }
            customers.add(new Customer(c.id(), c.site(), c.warehouse(), c.quotedLeadTime(), demand));
        }
        return new Scenario(s.name(), s.description(), s.seed(), s.horizon(), s.warmup(), s.transferTime(),
                s.products(), s.machines(), s.lines(), s.machineGroups(), s.sources(), s.sinks(), s.sites(),
                s.travel(), s.warehouses(), s.suppliers(), customers, s.fleets());
    }

    private static List<Double> read(Path baseDir, String file, String path, List<Problem> problems) {
        Path p = baseDir.resolve(file).normalize();
        List<String> lines;
        try {
            lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(new Problem(path, "\"" + file + "\"", "The series file cannot be read (" + p + ")",
                    "Maybe the path is relative to the scenario file's folder; check it exists."));
            return null;
        }
        List<Double> values = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("[,;\\t]");
            String last = cells[cells.length - 1].trim().replace("\"", "");
            try {
                values.add(Double.parseDouble(last));
            } catch (NumberFormatException e) {
                if (values.isEmpty() && n == firstDataLine(lines)) {
                    continue; // a header line
                }
                problems.add(new Problem(path, "\"" + file + "\"", "Line " + (n + 1) + " of the series file has no number"
                        + " in its last column (\"" + last + "\")", "Maybe one value per line: units in that period."));
                return null;
            }
        }
        return values;
    }

    private static int firstDataLine(List<String> lines) {
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).trim();
            if (!line.isEmpty() && !line.startsWith("#")) {
                return n;
            }
        }
        return -1;
    }
}
