package org.plantwin.planners.scheduling.cpsat;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.IntervalVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import java.util.ArrayList;
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

/**
 * Plain OR-Tools CP-SAT on the standard interval model of the (flexible) job shop, minimising the makespan.
 *
 * <p>This is the reference solver that issue 5 compares the tabu search against, kept deliberately plain:
 * one start and end variable per operation; a fixed-size interval per operation on its machine when it has
 * one option, else one optional interval per eligible machine with an exactly-one over their presence
 * literals (plus {@code end = start + sum(duration_k * present_k)} for propagation); {@code NoOverlap} per
 * machine; {@code start(o+1) >= end(o)} within a job; the first operation no earlier than the job's release;
 * {@code makespan = max(end of last operations)}. No search annotations, no symmetry breaking, default
 * portfolio. The natives are loaded from the platform jar on the classpath ({@code Loader} unpacks them to
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
        } else {
          BoolVar[] lits = new BoolVar[op.options().size()];
          LinearExprBuilder duration = LinearExpr.newBuilder();
          for (int k = 0; k < lits.length; k++) {
            MachineOption opt = op.options().get(k);
            lits[k] = model.newBoolVar("p" + id + "_" + opt.machine());
            IntervalVar iv = model.newOptionalIntervalVar(start, LinearExpr.constant(opt.duration()), end, lits[k],
                "i" + id + "_" + opt.machine());
            perMachine.get(opt.machine()).add(iv);
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
    for (List<IntervalVar> intervals : perMachine) {
      if (intervals.size() > 1) {
        model.addNoOverlap(intervals);
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

  /** Latest release plus the sum over operations of their longest option: no optimal schedule ends later. */
  static long horizon(ShopInstance instance) {
    long release = 0;
    long sum = 0;
    for (Job job : instance.jobs()) {
      release = Math.max(release, job.releaseTime());
      for (Operation op : job.operations()) {
        long max = 0;
        for (MachineOption opt : op.options()) {
          max = Math.max(max, opt.duration());
        }
        sum += max;
      }
    }
    return release + sum;
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
