package org.plantwin.planners.dispatch.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Solomon VRPTW files (the SINTEF / CVRPLIB text layout).
 *
 * <p>Layout: the name, a {@code VEHICLE} block with {@code NUMBER CAPACITY}, then a {@code CUSTOMER}
 * block with rows {@code CUST_NO X Y DEMAND READY DUE SERVICE}; row 0 is the depot and its due time is
 * the horizon.
 */
public final class SolomonReader {

    private SolomonReader() {
    }

    public static RoutingInstance read(Path file, DistanceConvention convention) {
        try {
            return parse(Files.readAllLines(file), convention, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Solomon file (" + file + ").", e);
        }
    }

    static RoutingInstance parse(List<String> lines, DistanceConvention convention, String source) {
        String name = null;
        int vehicles = -1;
        int capacity = -1;
        List<Site> sites = new ArrayList<>();
        int section = 0; // 0 header, 1 vehicle, 2 customer
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (name == null) {
                name = line;
                continue;
            }
            if (line.startsWith("VEHICLE")) {
                section = 1;
                continue;
            }
            if (line.startsWith("CUSTOMER")) {
                section = 2;
                continue;
            }
            if (!Character.isDigit(line.charAt(0))) {
                continue; // column titles
            }
            String[] f = line.split("\\s+");
            if (section == 1) {
                vehicles = Integer.parseInt(f[0]);
                capacity = Integer.parseInt(f[1]);
            } else if (section == 2) {
                if (f.length < 7) {
                    throw new IllegalArgumentException("The customer row (" + line + ") in (" + source
                            + ") has " + f.length + " fields; expected 7.");
                }
                int id = Integer.parseInt(f[0]);
                if (id != sites.size()) {
                    throw new IllegalArgumentException("The customer number (" + id + ") in (" + source
                            + ") is out of sequence; expected " + sites.size() + ".");
                }
                sites.add(new Site(Double.parseDouble(f[1]), Double.parseDouble(f[2]), Integer.parseInt(f[3]),
                        Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6])));
            }
        }
        if (vehicles <= 0 || capacity <= 0) {
            throw new IllegalArgumentException("The file (" + source + ") has no VEHICLE block with NUMBER and CAPACITY.");
        }
        return RoutingInstance.fromCoordinates(name, capacity, vehicles, sites, convention);
    }
}
