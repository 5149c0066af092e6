package org.plantwin.actors.api;

import java.util.List;
import java.util.Map;

/**
 * What a run measured, after warm-up deletion. Times are in minutes, rates per hour, fractions in [0, 1].
 * Lists are in scenario order, so the JSON form is byte-identical for the same scenario, seed and version.
 */
public record RunResult(
        String scenario,
        long seed,
        int replication,
        String horizon,
        String warmup,
        double observedMinutes,
        PlantKpis plant,
        List<LineKpis> lines,
        List<StationKpis> stations,
        List<MachineKpis> machines,
        List<SourceKpis> sources,
        List<SinkKpis> sinks,
        KernelStats kernel) {

    /** Plant-wide figures. */
    public record PlantKpis(long partsOut, double throughputPerHour, double wipMean, double cycleTimeMeanMinutes,
                            double cycleTimeP50Minutes, double cycleTimeP95Minutes, long scrapped) {
    }

    /** A line or machine group. */
    public record LineKpis(String id, String kind, long partsIn, long partsOut, double throughputPerHour,
                           double wipMean, long scrapped) {
    }

    /** A station (a machine group is one station) and the buffer in front of it. */
    public record StationKpis(String line, String id, Integer bufferCapacity, double bufferMean, double bufferMax,
                              long started, double waitMeanMinutes, double waitP95Minutes) {
    }

    /** A machine: counts, time by state, OEE = availability x performance x quality. */
    public record MachineKpis(String id, String line, String station, long processed, long good, long scrapped,
                              long failures, long setups, Map<String, Double> stateFractions, double utilisation,
                              double availability, double performance, double quality, double oee) {
    }

    /** A source: parts created, arrivals lost (non-blocking source, full buffer), time spent blocked. */
    public record SourceKpis(String id, long created, long lost, double lossProbability, double blockedFraction) {
    }

    /** A sink: parts received and their cycle time (creation to sink). */
    public record SinkKpis(String id, long parts, double throughputPerHour, double cycleTimeMeanMinutes,
                           double cycleTimeSdMinutes, double cycleTimeP50Minutes, double cycleTimeP95Minutes,
                           double cycleTimeMaxMinutes, long late, double tardinessMeanMinutes) {
    }

    /** How the kernel ran: logical processes, windows, events; all deterministic. */
    public record KernelStats(int logicalProcesses, long lookaheadMillis, long windows, long deltaWindows,
                              long events, long messages) {
    }
}
