package org.plantwin.planners.dispatch.hgs;

/**
 * A mutable time-window segment (Vidal et al. 2013, time-warp concatenation) with distance and load.
 *
 * <p>{@code duration} includes service and waiting; {@code timeWarp} is the total lateness "warped
 * back"; {@code early}/{@code late} bound the start of service at the first node for which the duration
 * and time warp hold.
 */
final class Segment {

    int first;
    int last;
    double duration;
    double timeWarp;
    double early;
    double late;
    double distance;
    double load;

    void setNode(ProblemData d, int c) {
        first = c;
        last = c;
        duration = d.service[c];
        timeWarp = 0.0;
        early = d.ready[c];
        late = d.due[c];
        distance = 0.0;
        load = d.demand[c];
    }

    void copyFrom(Segment s) {
        first = s.first;
        last = s.last;
        duration = s.duration;
        timeWarp = s.timeWarp;
        early = s.early;
        late = s.late;
        distance = s.distance;
        load = s.load;
    }

    /** this := this followed by node {@code c}. */
    void appendNode(ProblemData d, int c) {
        append(d, c, c, d.service[c], 0.0, d.ready[c], d.due[c], 0.0, d.demand[c]);
    }

    /** this := this followed by {@code s}. */
    void append(ProblemData d, Segment s) {
        append(d, s.first, s.last, s.duration, s.timeWarp, s.early, s.late, s.distance, s.load);
    }

    private void append(ProblemData d, int sFirst, int sLast, double sDuration, double sTimeWarp, double sEarly,
                        double sLate, double sDistance, double sLoad) {
        double arc = d.dist[last][sFirst];
        double delta = duration - timeWarp + arc;
        double wait = Math.max(sEarly - delta - late, 0.0);
        double warp = Math.max(early + delta - sLate, 0.0);
        duration = duration + sDuration + arc + wait;
        timeWarp = timeWarp + sTimeWarp + warp;
        double newEarly = Math.max(sEarly - delta, early) - wait;
        double newLate = Math.min(sLate - delta, late) + warp;
        early = newEarly;
        late = newLate;
        distance = distance + sDistance + arc;
        load += sLoad;
        last = sLast;
    }

    double penalizedCost(ProblemData d, double capacityPenalty, double timeWarpPenalty) {
        return distance + capacityPenalty * Math.max(0.0, load - d.capacity) + timeWarpPenalty * timeWarp;
    }
}
