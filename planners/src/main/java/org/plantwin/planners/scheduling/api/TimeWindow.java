package org.plantwin.planners.scheduling.api;

/**
 * A half-open interval of time [start, end) during which a machine is unavailable (maintenance, a
 * planned stop, a known breakdown).
 *
 * @param start the first unavailable instant
 * @param end the first available instant after the window; > start
 */
public record TimeWindow(long start, long end) {
  public TimeWindow {
    if (start < 0) {
      throw new IllegalArgumentException("The start (" + start + ") of a time window must be >= 0.");
    }
    if (end <= start) {
      throw new IllegalArgumentException("The end (" + end + ") of a time window must be > its start (" + start + ").");
    }
  }

  /** True if [from, to) shares an instant with this window; an empty interval (from == to) never does. */
  public boolean overlaps(long from, long to) {
    return from < to && from < end && start < to;
  }
}
