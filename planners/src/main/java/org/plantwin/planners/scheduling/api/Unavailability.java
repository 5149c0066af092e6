package org.plantwin.planners.scheduling.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Per machine, the time windows during which it can neither process nor be set up.
 *
 * <p>Operations are non-preemptive: an operation must fit entirely between two windows (an operation that
 * would overlap a window starts when the window ends). A sequence-dependent setup must also fit, in one
 * piece, into a window-free stretch between the end of the machine's previous operation and the start of
 * the next one; it may be done before the job arrives (anticipatory) and need not end right at the start.
 * Zero-length operations never overlap a window. Windows of a machine are kept sorted, and overlapping or
 * touching ones are merged.
 */
public final class Unavailability {
  /** No machine has a window. */
  public static final Unavailability NONE = new Unavailability(List.of());

  private final List<List<TimeWindow>> windows;
  private final long[][] starts;
  private final long[][] ends;

  private Unavailability(List<List<TimeWindow>> perMachine) {
    List<List<TimeWindow>> copy = new ArrayList<>();
    starts = new long[perMachine.size()][];
    ends = new long[perMachine.size()][];
    for (int m = 0; m < perMachine.size(); m++) {
      List<TimeWindow> list = new ArrayList<>(Objects.requireNonNull(perMachine.get(m), "windows of machine " + m));
      list.sort(Comparator.comparingLong(TimeWindow::start).thenComparingLong(TimeWindow::end));
      List<TimeWindow> merged = new ArrayList<>();
      for (TimeWindow w : list) {
        TimeWindow last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
        if (last != null && w.start() <= last.end()) {
          merged.set(merged.size() - 1, new TimeWindow(last.start(), Math.max(last.end(), w.end())));
        } else {
          merged.add(w);
        }
      }
      copy.add(List.copyOf(merged));
      starts[m] = merged.stream().mapToLong(TimeWindow::start).toArray();
      ends[m] = merged.stream().mapToLong(TimeWindow::end).toArray();
    }
    windows = List.copyOf(copy);
  }

  /** The windows of each machine, index = machine; the list must hold one (possibly empty) list per machine. */
  public static Unavailability of(List<List<TimeWindow>> perMachine) {
    Objects.requireNonNull(perMachine, "perMachine");
    return new Unavailability(perMachine);
  }

  /** The number of machines this was built for; 0 for {@link #NONE}. */
  public int machineCount() {
    return windows.size();
  }

  /** True if no machine has a window. */
  public boolean isEmpty() {
    for (List<TimeWindow> w : windows) {
      if (!w.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** The sorted, merged windows of a machine; empty if it has none. */
  public List<TimeWindow> windows(int machine) {
    return machine < windows.size() ? windows.get(machine) : List.of();
  }

  /** The first window of the machine that overlaps [from, to), or null. */
  public TimeWindow overlapping(int machine, long from, long to) {
    for (TimeWindow w : windows(machine)) {
      if (w.overlaps(from, to)) {
        return w;
      }
    }
    return null;
  }

  /** The earliest t >= from such that [t, t + length) overlaps no window of the machine. */
  public long earliestFree(int machine, long from, long length) {
    if (length == 0 || machine >= starts.length) {
      return from;
    }
    long[] s = starts[machine];
    long[] e = ends[machine];
    long t = from;
    for (int k = 0; k < s.length; k++) {
      if (e[k] <= t) {
        continue;
      }
      if (t + length <= s[k]) {
        break;
      }
      t = e[k];
    }
    return t;
  }

  /**
   * The earliest start of an operation on a machine: after a window-free setup slot of length {@code setup}
   * that begins at or after {@code machineFree}, not before {@code ready}, and with [start, start + duration)
   * free of windows.
   */
  public long earliestStart(int machine, long machineFree, long setup, long ready, long duration) {
    long setupEnd = setup > 0 ? earliestFree(machine, machineFree, setup) + setup : machineFree;
    return earliestFree(machine, Math.max(ready, setupEnd), duration);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Unavailability u && windows.equals(u.windows);
  }

  @Override
  public int hashCode() {
    return windows.hashCode();
  }

  @Override
  public String toString() {
    return "Unavailability" + windows;
  }
}
