package org.plantwin.planners.dispatch.api;

/**
 * One node of a routing instance: the depot (index 0) or a customer.
 *
 * @param x             x coordinate
 * @param y             y coordinate
 * @param demand        load picked up or delivered here (0 at the depot)
 * @param readyTime     earliest start of service
 * @param dueTime       latest start of service; at the depot, the latest return (the horizon)
 * @param serviceTime   duration of service
 */
public record Site(double x, double y, int demand, double readyTime, double dueTime, double serviceTime) {

    public Site {
        if (demand < 0) {
            throw new IllegalArgumentException("The demand (" + demand + ") of a site must be >= 0.");
        }
        if (serviceTime < 0) {
            throw new IllegalArgumentException("The serviceTime (" + serviceTime + ") of a site must be >= 0.");
        }
        if (dueTime < readyTime) {
            throw new IllegalArgumentException(
                    "The dueTime (" + dueTime + ") of a site must be >= its readyTime (" + readyTime + ").");
        }
    }

    /** A site without a time window and without service time (CVRP). */
    public static Site untimed(double x, double y, int demand) {
        return new Site(x, y, demand, 0.0, Double.POSITIVE_INFINITY, 0.0);
    }
}
