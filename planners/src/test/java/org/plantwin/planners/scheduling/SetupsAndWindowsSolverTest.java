package org.plantwin.planners.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.plantwin.planners.scheduling.api.DispatchRule;
import org.plantwin.planners.scheduling.api.DispatchScheduler;
import org.plantwin.planners.scheduling.api.Job;
import org.plantwin.planners.scheduling.api.Objective;
import org.plantwin.planners.scheduling.api.Operation;
import org.plantwin.planners.scheduling.api.Schedule;
import org.plantwin.planners.scheduling.api.ScheduleGeneration;
import org.plantwin.planners.scheduling.api.ScheduleValidator;
import org.plantwin.planners.scheduling.api.ScheduledOperation;
import org.plantwin.planners.scheduling.api.SetupTimes;
import org.plantwin.planners.scheduling.api.ShopInstance;
import org.plantwin.planners.scheduling.api.SolveResult;
import org.plantwin.planners.scheduling.api.TabuSearch;
import org.plantwin.planners.scheduling.api.TabuSearchOptions;
import org.plantwin.planners.scheduling.api.TimeWindow;
import org.plantwin.planners.scheduling.api.Unavailability;

class SetupsAndWindowsSolverTest {
  private static TabuSearchOptions iterations(long maxIterations, long seed) {
    return TabuSearchOptions.builder().optMaxIterations(maxIterations).optTimeLimit(Duration.ofMinutes(10))
        .optSeed(seed).optTargetMakespan(0).build();
  }

  private static final long X = 9; // an expensive changeover

  /**
   * One machine, five jobs of 2. Greedy (cheapest next setup) goes 0 -> 1 -> 2 and then pays 20; the
   * optimum 0 -> 3 -> 4 -> 1 -> 2 pays 3 + 1 + 2 + 1.
   */
  static ShopInstance setupTrap() {
    List<Job> jobs = new ArrayList<>();
    for (int j = 0; j < 5; j++) {
      jobs.add(Job.of(List.of(Operation.on(0, 2))));
    }
    long[][] s = {
        {0, 1, 3, 3, 3},
        {X, 0, 1, X, X},
        {X, X, 0, 20, 20},
        {X, X, X, 0, 1},
        {X, 2, X, 1, 0}};
    return new ShopInstance("setup-trap", 1, jobs)
        .withSetups(SetupTimes.byJob(new long[][][] {s}, new long[][] {{0, 6, 6, 6, 6}}));
  }

  private static List<Integer> jobOrder(Schedule s) {
    return s.operations().stream().sorted(Comparator.comparingLong(ScheduledOperation::start))
        .map(ScheduledOperation::job).toList();
  }

  @Test
  void tabuFindsTheSequenceThatSetupsMakeOptimal() {
    ShopInstance trap = setupTrap();
    long optimum = bruteForceSingleMachine(trap);
    assertThat(optimum).isEqualTo(17);
    Schedule greedy = DispatchScheduler.schedule(trap, DispatchRule.SETUP_SPT, ScheduleGeneration.NON_DELAY);
    assertThat(jobOrder(greedy)).startsWith(0, 1, 2);
    assertThat(ScheduleValidator.requireValid(trap, greedy)).isGreaterThan(optimum);
    SolveResult result = TabuSearch.solve(trap, greedy, iterations(2_000, 3));
    assertThat(ScheduleValidator.requireValid(trap, result.schedule())).isEqualTo(optimum);
    assertThat(jobOrder(result.schedule())).containsExactly(0, 3, 4, 1, 2);
  }

  /** All 5! orders: makespan = initial setup + setups + processing (no release, no window, so no idle time). */
  private static long bruteForceSingleMachine(ShopInstance instance) {
    int n = instance.jobCount();
    long best = Long.MAX_VALUE;
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    do {
      long t = 0;
      int prev = -1;
      for (int j : perm) {
        t += instance.setup(0, prev, j) + instance.operation(j, 0).minDuration();
        prev = j;
      }
      best = Math.min(best, t);
    } while (nextPermutation(perm));
    return best;
  }

  private static boolean nextPermutation(int[] a) {
    int i = a.length - 2;
    while (i >= 0 && a[i] >= a[i + 1]) {
      i--;
    }
    if (i < 0) {
      return false;
    }
    int j = a.length - 1;
    while (a[j] <= a[i]) {
      j--;
    }
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
    for (int l = i + 1, r = a.length - 1; l < r; l++, r--) {
      t = a[l];
      a[l] = a[r];
      a[r] = t;
    }
    return true;
  }

  @Test
  void aWindowPushesAnOperationThatWouldOverlapItAndTabuReordersAcrossIt() {
    // Job 0 for 3, job 1 for 4, machine down in [5, 8): 0 then 1 ends at 12 (1 cannot fit in [3, 5)),
    // 1 then 0 ends at 11.
    ShopInstance instance = new ShopInstance("window", 1, List.of(Job.of(List.of(Operation.on(0, 3))),
        Job.of(List.of(Operation.on(0, 4)))))
        .withUnavailability(Unavailability.of(List.of(List.of(new TimeWindow(5, 8)))));
    Schedule spt = DispatchScheduler.schedule(instance, DispatchRule.SPT, ScheduleGeneration.NON_DELAY);
    assertThat(spt.operations()).containsExactly(new ScheduledOperation(0, 0, 0, 0, 3),
        new ScheduledOperation(1, 0, 0, 8, 12));
    assertThat(ScheduleValidator.requireValid(instance, spt)).isEqualTo(12);
    SolveResult result = TabuSearch.solve(instance, spt, iterations(100, 1));
    assertThat(result.schedule().operations()).containsExactly(new ScheduledOperation(1, 0, 0, 0, 4),
        new ScheduledOperation(0, 0, 0, 8, 11));
  }

  @Test
  void everyRuleAndTheTabuSearchGiveValidSchedulesOnFt06WithSetupsAndWindows() {
    ShopInstance instance = SetupWindowExample.generate(TestInstances.jssp("ft06"), 1, 3);
    assertThat(instance.hasSetups()).isTrue();
    assertThat(instance.hasUnavailability()).isTrue();
    for (ScheduleGeneration g : ScheduleGeneration.values()) {
      for (DispatchRule r : DispatchRule.values()) {
        assertThat(ScheduleValidator.problems(instance, DispatchScheduler.schedule(instance, r, g)))
            .as("%s %s", r, g).isEmpty();
      }
    }
    Schedule start = DispatchScheduler.best(instance);
    SolveResult a = TabuSearch.solve(instance, start, iterations(3_000, 5));
    SolveResult b = TabuSearch.solve(instance, start, iterations(3_000, 5));
    long makespan = ScheduleValidator.requireValid(instance, a.schedule());
    assertThat(makespan).isLessThan(start.makespan()).isEqualTo(a.makespan());
    assertThat(b.schedule().operations()).isEqualTo(a.schedule().operations());
    // Setups and windows only delay: the plain ft06 optimum is a lower bound.
    assertThat(makespan).isGreaterThan(55);
  }

  @Test
  void weightedTardinessWithSetupsAndWindowsStaysValid() {
    ShopInstance base = SetupWindowExample.generate(TestInstances.jssp("ft06"), 2, 2);
    List<Job> jobs = new ArrayList<>();
    for (int j = 0; j < base.jobCount(); j++) {
      jobs.add(new Job(base.job(j).operations(), 0, 40 + 5L * j, 1 + j % 3));
    }
    ShopInstance instance = new ShopInstance("ft06-twt", base.machineCount(), jobs, base.setups(),
        base.unavailability());
    Schedule start = DispatchScheduler.schedule(instance, DispatchRule.EDD, ScheduleGeneration.ACTIVE);
    SolveResult result = TabuSearch.solve(instance, start, TabuSearchOptions.builder().optMaxIterations(500)
        .optTimeLimit(Duration.ofMinutes(10)).optSeed(1).optObjective(Objective.WEIGHTED_TARDINESS).build());
    ScheduleValidator.requireValid(instance, result.schedule());
    assertThat(result.schedule().weightedTardiness(instance)).isLessThanOrEqualTo(start.weightedTardiness(instance));
  }

  /** The README's ft10 example: the dispatching figures (the tabu figure is checked by the slow test below). */
  @Test
  void readmeExampleDispatchFigures() {
    ShopInstance ft10 = SetupWindowExample.generate(TestInstances.jssp("ft10"), 1, 3);
    assertThat(ScheduleValidator.requireValid(ft10, DispatchScheduler.best(ft10))).isEqualTo(1322);
    assertThat(DispatchScheduler.schedule(ft10, DispatchRule.MWKR, ScheduleGeneration.NON_DELAY).makespan())
        .isEqualTo(1322);
    assertThat(DispatchScheduler.schedule(ft10, DispatchRule.SETUP_SPT, ScheduleGeneration.NON_DELAY).makespan())
        .isEqualTo(1363);
    assertThat(DispatchScheduler.schedule(ft10, DispatchRule.SETUP_SPT, ScheduleGeneration.ACTIVE).makespan())
        .isEqualTo(1558);
  }

  /** The README's deterministic ft10 figure: 200,000 iterations, seed 1 (about 3-6 s). */
  @Test
  @Tag("slow")
  void readmeExampleTabuFigure() {
    ShopInstance ft10 = SetupWindowExample.generate(TestInstances.jssp("ft10"), 1, 3);
    SolveResult result = TabuSearch.solve(ft10, DispatchScheduler.best(ft10), iterations(200_000, 1));
    assertThat(ScheduleValidator.requireValid(ft10, result.schedule())).isEqualTo(1148);
  }

  @Test
  void setupSptIsSptWithoutSetups() {
    ShopInstance ft06 = TestInstances.jssp("ft06");
    for (ScheduleGeneration g : ScheduleGeneration.values()) {
      assertThat(DispatchScheduler.schedule(ft06, DispatchRule.SETUP_SPT, g).operations())
          .isEqualTo(DispatchScheduler.schedule(ft06, DispatchRule.SPT, g).operations());
    }
  }
}
