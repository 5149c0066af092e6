package org.plantwin.planners.scheduling.cpsat;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CircuitConstraint;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.IntervalVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.plantwin.planners.scheduling.api.Job;
import org.plantwin.planners.scheduling.api.MachineOption;
import org.plantwin.planners.scheduling.api.Operation;
import org.plantwin.planners.scheduling.api.Schedule;
import org.plantwin.planners.scheduling.api.ScheduleValidator;
import org.plantwin.planners.scheduling.api.ScheduledOperation;
import org.plantwin.planners.scheduling.api.ShopInstance;
import org.plantwin.planners.scheduling.api.TimeWindow;

/**
 * Plain OR-Tools CP-SAT on the standard interval model of the (flexible) job shop, minimising the makespan.
 *
 * <p>This is the reference solver that issue 5 compares the tabu search against, kept deliberately plain:
 * one start and end variable per operation; a fixed-size interval per operation on its machine when it has
 * one option, else one optional interval per eligible machine with an exactly-one over their presence
 * literals (plus {@code end = start + sum(duration_k * present_k)} for propagation); {@code NoOverlap} per
 * machine; {@code start(o+1) >= end(o)} within a job; the first operation no earlier than the job's release;
 * {@code makespan = max(end of last operations)}. No search annotations, no symmetry breaking, default
 * portfolio.
 *
 * <p>Unavailability windows are fixed intervals in each machine's {@code NoOverlap}. Sequence-dependent
 * setups use one {@code AddCircuit} per machine: node 0 is the machine's start and end, one node per operation
 * (option) that may run there, a self-loop for an absent option; the arc i -> j enforces
 * {@code start(j) >= end(i) + setup(i, j)} and the arc 0 -> j {@code start(j) >= initial setup(j)}. With
 * setups and windows on one machine, each operation also gets a setup interval of variable length (the setup
 * of its chosen incoming arc) that starts after its machine predecessor ends, ends by its start, and may not
 * overlap a window; so CP-SAT's model is exactly the one {@link ScheduleValidator} checks. The natives are loaded from the platform jar on the classpath ({@code Loader} unpacks them to
 * a temporary folder that is deleted at exit; no network).
 */
public final class CpSatJobShop {
  private CpSatJobShop() {
  }

  /** Solves {@code instance} within the options' budget and validates the result. */
  public static CpSatResult solve(ShopInstance instance, CpSatOptions options) {
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(options, "options");
    Loader.loadNativeLibraries();
    CpModel model = new CpModel();
    long horizon = horizon(instance);
    int jobs = instance.jobCount();
    IntVar[][] starts = new IntVar[jobs][];
    IntVar[][] ends = new IntVar[jobs][];
    // presence[j][o][k] for option k of a flexible operation; null for single-option operations.
    BoolVar[][][] presence = new BoolVar[jobs][][];
    List<List<IntervalVar>> perMachine = new ArrayList<>();
    for (int m = 0; m < instance.machineCount(); m++) {
      perMachine.add(new ArrayList<>());
    }
    // Per machine, the (job, operation, presence-or-null, duration) of every operation that may run there.
    List<List<Object[]>> onMachine = new ArrayList<>();
    for (int m = 0; m < instance.machineCount(); m++) {
      onMachine.add(new ArrayList<>());
    }
    List<IntVar> lastEnds = new ArrayList<>();
    for (int j = 0; j < jobs; j++) {
      Job job = instance.job(j);
      int n = job.operations().size();
      starts[j] = new IntVar[n];
      ends[j] = new IntVar[n];
      presence[j] = new BoolVar[n][];
      for (int o = 0; o < n; o++) {
        Operation op = job.operations().get(o);
        String id = j + "_" + o;
        IntVar start = model.newIntVar(o == 0 ? job.releaseTime() : 0, horizon, "s" + id);
        IntVar end = model.newIntVar(0, horizon, "e" + id);
        starts[j][o] = start;
        ends[j][o] = end;
        if (op.options().size() == 1) {
          MachineOption only = op.options().get(0);
          IntervalVar iv = model.newIntervalVar(start, LinearExpr.constant(only.duration()), end, "i" + id);
          perMachine.get(only.machine()).add(iv);
          onMachine.get(only.machine()).add(new Object[] {j, o, null});
        } else {
          BoolVar[] lits = new BoolVar[op.options().size()];
          LinearExprBuilder duration = LinearExpr.newBuilder();
          for (int k = 0; k < lits.length; k++) {
            MachineOption opt = op.options().get(k);
            lits[k] = model.newBoolVar("p" + id + "_" + opt.machine());
            IntervalVar iv = model.newOptionalIntervalVar(start, LinearExpr.constant(opt.duration()), end, lits[k],
                "i" + id + "_" + opt.machine());
            perMachine.get(opt.machine()).add(iv);
            onMachine.get(opt.machine()).add(new Object[] {j, o, lits[k]});
            duration.addTerm(lits[k], opt.duration());
          }
          model.addExactlyOne(lits);
          model.addEquality(LinearExpr.newBuilder().add(end).addTerm(start, -1).build(), duration.build());
          presence[j][o] = lits;
        }
        if (o > 0) {
          model.addGreaterOrEqual(start, ends[j][o - 1]);
        }
      }
      lastEnds.add(ends[j][n - 1]);
    }
    for (int m = 0; m < instance.machineCount(); m++) {
      List<IntervalVar> intervals = perMachine.get(m);
      List<IntervalVar> windows = new ArrayList<>();
      for (TimeWindow w : instance.unavailability().windows(m)) {
        windows.add(model.newFixedInterval(w.start(), w.end() - w.start(), "w" + m + "_" + w.start()));
      }
      intervals.addAll(windows);
      if (intervals.size() > 1) {
        model.addNoOverlap(intervals);
      }
      if (instance.hasSetups() && !onMachine.get(m).isEmpty()) {
        addSetups(model, instance, m, onMachine.get(m), starts, ends, windows, horizon, options.optHint().orElse(null));
      }
    }
    IntVar makespan = model.newIntVar(0, horizon, "makespan");
    model.addMaxEquality(makespan, lastEnds);
    model.minimize(makespan);
    options.optHint().ifPresent(h -> addHint(model, instance, h, starts, ends, presence, makespan));

    CpSolver solver = new CpSolver();
    solver.getParameters()
        .setNumWorkers(options.workers())
        .setRandomSeed(options.satSeed())
        .setLogSearchProgress(false);
    if (options.deterministic()) {
      solver.getParameters().setInterleaveSearch(true)
          .setMaxDeterministicTime(options.timeLimit().toMillis() / 1000.0);
    } else {
      solver.getParameters().setMaxTimeInSeconds(options.timeLimit().toMillis() / 1000.0);
    }
    String invalid = model.validate();
    if (!invalid.isEmpty()) {
      throw new IllegalStateException("The CP-SAT model of " + instance.name() + " is invalid; this is a bug: " + invalid);
    }
    CpSolverStatus status = solver.solve(model);
    long bound = (long) Math.ceil(solver.bestObjectiveBound() - 1e-9);
    if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
      return new CpSatResult(Optional.empty(), -1, bound, status.name(), solver.wallTime());
    }
    List<ScheduledOperation> placed = new ArrayList<>();
    for (int j = 0; j < jobs; j++) {
      List<Operation> ops = instance.job(j).operations();
      for (int o = 0; o < ops.size(); o++) {
        int machine = ops.get(o).options().get(0).machine();
        if (presence[j][o] != null) {
          for (int k = 0; k < presence[j][o].length; k++) {
            if (solver.booleanValue(presence[j][o][k])) {
              machine = ops.get(o).options().get(k).machine();
            }
          }
        }
        placed.add(new ScheduledOperation(j, o, machine, solver.value(starts[j][o]), solver.value(ends[j][o])));
      }
    }
    Schedule schedule = new Schedule(placed);
    long validated = ScheduleValidator.requireValid(instance, schedule);
    if (validated != solver.value(makespan)) {
      throw new IllegalStateException("The validated makespan (" + validated + ") of " + instance.name()
          + " differs from CP-SAT's (" + solver.value(makespan) + ").");
    }
    return new CpSatResult(Optional.of(schedule), validated, bound, status.name(), solver.wallTime());
  }

  /**
   * Latest release (and end of the last window) plus the sum over operations of their longest option and
   * largest setup into them: no optimal schedule ends later (all operations one after another after that
   * time is feasible).
   */
  static long horizon(ShopInstance instance) {
    long release = 0;
    long sum = 0;
    for (int m = 0; m < instance.machineCount(); m++) {
      for (TimeWindow w : instance.unavailability().windows(m)) {
        release = Math.max(release, w.end());
      }
    }
    for (int j = 0; j < instance.jobCount(); j++) {
      Job job = instance.job(j);
      release = Math.max(release, job.releaseTime());
      for (Operation op : job.operations()) {
        long max = 0;
        for (MachineOption opt : op.options()) {
          long setup = 0;
          if (instance.hasSetups()) {
            for (int from = -1; from < instance.jobCount(); from++) {
              setup = Math.max(setup, instance.setup(opt.machine(), from, j));
            }
          }
          max = Math.max(max, opt.duration() + setup);
        }
        sum += max;
      }
    }
    return release + sum;
  }

  /** The circuit of machine m with its setup arcs (and setup intervals if m has windows); see the class comment. */
  private static void addSetups(CpModel model, ShopInstance instance, int m, List<Object[]> ops, IntVar[][] starts,
      IntVar[][] ends, List<IntervalVar> windows, long horizon, Schedule hint) {
    int k = ops.size();
    // With a hint, also hint the arcs and setup variables: starts alone leave CP-SAT to repair the circuit.
    // hintPrev[b] = index in ops of b's machine predecessor in the hint (-1: first), or -2 if b is not on m.
    int[] hintPrev = new int[k];
    long[] hintPrevEnd = new long[k];
    if (hint != null) {
      List<ScheduledOperation> seq = new ArrayList<>();
      for (ScheduledOperation so : hint.operations()) {
        if (so.machine() == m) {
          seq.add(so); // hint.operations() is in start order
        }
      }
      Arrays.fill(hintPrev, -2);
      int prev = -1;
      long prevEnd = 0;
      for (ScheduledOperation so : seq) {
        for (int b = 0; b < k; b++) {
          if ((Integer) ops.get(b)[0] == so.job() && (Integer) ops.get(b)[1] == so.operation()) {
            hintPrev[b] = prev;
            hintPrevEnd[b] = prevEnd;
            prev = b;
          }
        }
        prevEnd = so.end();
      }
    }
    CircuitConstraint circuit = model.addCircuit();
    // The machine may stay empty only if all its operations are optional.
    BoolVar empty = model.newBoolVar("empty" + m);
    circuit.addArc(0, 0, empty);
    boolean[] hasSuccessor = new boolean[k];
    boolean anyOn = false;
    for (int b = 0; hint != null && b < k; b++) {
      if (hintPrev[b] >= 0) {
        hasSuccessor[hintPrev[b]] = true;
      }
      anyOn |= hintPrev[b] != -2;
    }
    if (hint != null) {
      model.addHint(empty, !anyOn);
    }
    IntVar[] setupStart = new IntVar[k];
    LinearExprBuilder[] setupLength = new LinearExprBuilder[k];
    boolean withWindows = !windows.isEmpty();
    for (int a = 0; a < k; a++) {
      if (withWindows) {
        setupStart[a] = model.newIntVar(0, horizon, "ss" + m + "_" + a);
        setupLength[a] = LinearExpr.newBuilder();
      }
    }
    for (int b = 0; b < k; b++) {
      int jb = (Integer) ops.get(b)[0];
      int ob = (Integer) ops.get(b)[1];
      BoolVar presentB = (BoolVar) ops.get(b)[2];
      if (presentB != null) {
        circuit.addArc(b + 1, b + 1, presentB.not());
      }
      for (int a = -1; a < k; a++) {
        if (a == b) {
          continue;
        }
        int ja = a < 0 ? -1 : (Integer) ops.get(a)[0];
        long setup = instance.setup(m, ja, jb);
        BoolVar arc = model.newBoolVar("x" + m + "_" + a + "_" + b);
        circuit.addArc(a + 1, b + 1, arc);
        if (hint != null) {
          model.addHint(arc, hintPrev[b] == a);
        }
        IntVar startB = starts[jb][ob];
        if (a >= 0) {
          IntVar endA = ends[ja][(Integer) ops.get(a)[1]];
          model.addGreaterOrEqual(startB, LinearExpr.newBuilder().add(endA).add(setup).build()).onlyEnforceIf(arc);
          if (withWindows) {
            model.addGreaterOrEqual(setupStart[b], endA).onlyEnforceIf(arc);
          }
        } else {
          model.addGreaterOrEqual(startB, setup).onlyEnforceIf(arc);
        }
        if (withWindows) {
          setupLength[b].addTerm(arc, setup);
        }
      }
      BoolVar last = model.newBoolVar("last" + m + "_" + b);
      circuit.addArc(b + 1, 0, last);
      if (hint != null) {
        model.addHint(last, hintPrev[b] != -2 && !hasSuccessor[b]);
      }
    }
    if (withWindows) {
      List<IntervalVar> setups = new ArrayList<>(windows);
      for (int b = 0; b < k; b++) {
        int jb = (Integer) ops.get(b)[0];
        int ob = (Integer) ops.get(b)[1];
        BoolVar presentB = (BoolVar) ops.get(b)[2];
        // Interval sizes and ends must be single variables: tie them to the sum over the incoming arcs.
        IntVar length = model.newIntVar(0, horizon, "sl" + m + "_" + b);
        model.addEquality(length, setupLength[b].build());
        IntVar setupEnd = model.newIntVar(0, horizon, "se" + m + "_" + b);
        if (hint != null && hintPrev[b] != -2) {
          long su = instance.setup(m, hintPrev[b] < 0 ? -1 : (Integer) ops.get(hintPrev[b])[0], jb);
          long from = su > 0 ? instance.unavailability().earliestFree(m, hintPrevEnd[b], su) : hintPrevEnd[b];
          model.addHint(setupStart[b], from);
          model.addHint(length, su);
          model.addHint(setupEnd, from + su);
        }
        model.addLessOrEqual(setupEnd, starts[jb][ob]);
        setups.add(presentB == null
            ? model.newIntervalVar(setupStart[b], length, setupEnd, "su" + m + "_" + b)
            : model.newOptionalIntervalVar(setupStart[b], length, setupEnd, presentB, "su" + m + "_" + b));
      }
      model.addNoOverlap(setups);
    }
  }

  private static void addHint(CpModel model, ShopInstance instance, Schedule hint, IntVar[][] starts, IntVar[][] ends,
      BoolVar[][][] presence, IntVar makespan) {
    // An invalid hint is a caller's bug: fail with the validator's message rather than silently ignoring it.
    long hinted = ScheduleValidator.requireValid(instance, hint);
    for (ScheduledOperation s : hint.operations()) {
      model.addHint(starts[s.job()][s.operation()], s.start());
      model.addHint(ends[s.job()][s.operation()], s.end());
      Literal[] lits = presence[s.job()][s.operation()];
      if (lits != null) {
        List<MachineOption> opts = instance.operation(s.job(), s.operation()).options();
        for (int k = 0; k < lits.length; k++) {
          model.addHint(lits[k], opts.get(k).machine() == s.machine());
        }
      }
    }
    model.addHint(makespan, hinted);
  }
}
