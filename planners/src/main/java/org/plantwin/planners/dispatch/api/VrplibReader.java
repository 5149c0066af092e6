package org.plantwin.planners.dispatch.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads VRPLIB / TSPLIB CVRP files with {@code EDGE_WEIGHT_TYPE : EUC_2D} (arc = nint of Euclidean).
 *
 * <p>File node ids 1..N become indices 0..N-1; the single depot must be node 1, as in the Augerat sets,
 * so customer {@code k} of a CVRPLIB {@code .sol} file is index {@code k}. The fleet is unlimited (one
 * route per customer at most).
 */
public final class VrplibReader {

    private VrplibReader() {
    }

    public static RoutingInstance read(Path file) {
        try {
            return parse(Files.readAllLines(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the VRPLIB file (" + file + ").", e);
        }
    }

    static RoutingInstance parse(List<String> lines, String source) {
        Map<String, String> header = new HashMap<>();
        Map<Integer, double[]> coords = new HashMap<>();
        Map<Integer, Integer> demands = new HashMap<>();
        List<Integer> depots = new ArrayList<>();
        String section = "";
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.equals("EOF")) {
                continue;
            }
            if (line.endsWith("_SECTION")) {
                section = line;
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0 && !Character.isDigit(line.charAt(0)) && !line.startsWith("-")) {
                header.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
                continue;
            }
            String[] f = line.split("\\s+");
            switch (section) {
                case "NODE_COORD_SECTION" -> coords.put(Integer.parseInt(f[0]),
                        new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
                case "DEMAND_SECTION" -> demands.put(Integer.parseInt(f[0]), Integer.parseInt(f[1]));
                case "DEPOT_SECTION" -> {
                    int id = Integer.parseInt(f[0]);
                    if (id != -1) {
                        depots.add(id);
                    }
                }
                default -> throw new IllegalArgumentException("The line (" + line + ") in (" + source
                        + ") is outside any known section; found section (" + section + ").");
            }
        }
        String type = header.getOrDefault("EDGE_WEIGHT_TYPE", "");
        if (!type.equals("EUC_2D")) {
            throw new IllegalArgumentException("The EDGE_WEIGHT_TYPE (" + type + ") of (" + source
                    + ") is not supported; only EUC_2D is.");
        }
        if (!depots.equals(List.of(1))) {
            throw new IllegalArgumentException("The DEPOT_SECTION (" + depots + ") of (" + source
                    + ") must name node 1 alone.");
        }
        int dimension = Integer.parseInt(header.get("DIMENSION"));
        int capacity = Integer.parseInt(header.get("CAPACITY"));
        List<Site> sites = new ArrayList<>();
        for (int id = 1; id <= dimension; id++) {
            double[] xy = coords.get(id);
            Integer q = demands.get(id);
            if (xy == null || q == null) {
                throw new IllegalArgumentException("The node (" + id + ") of (" + source
                        + ") lacks coordinates or demand.");
            }
            sites.add(Site.untimed(xy[0], xy[1], q));
        }
        return RoutingInstance.fromCoordinates(header.getOrDefault("NAME", source), capacity, dimension - 1, sites,
                DistanceConvention.EUCLIDEAN_NINT);
    }
}
