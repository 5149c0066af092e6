package org.plantwin.planners.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.plantwin.planners.scheduling.api.DispatchRule;
import org.plantwin.planners.scheduling.api.DispatchScheduler;
import org.plantwin.planners.scheduling.api.Job;
import org.plantwin.planners.scheduling.api.Schedule;
import org.plantwin.planners.scheduling.api.ScheduleGeneration;
import org.plantwin.planners.scheduling.api.ScheduleValidator;
import org.plantwin.planners.scheduling.api.ScheduledOperation;
import org.plantwin.planners.scheduling.api.ShopInstance;
import org.plantwin.planners.scheduling.api.SolveResult;
import org.plantwin.planners.scheduling.api.TabuSearch;
import org.plantwin.planners.scheduling.api.TabuSearchOptions;

class TabuSearchTest {
  private static final Map<String, String[]> JSSP_BOUNDS = bounds("/jssp/bounds.csv");
  private static final Map<String, String[]> FJSP_BOUNDS = bounds("/fjsp/bounds.csv");

  /** Iteration budget only: the result does not depend on the machine's speed. */
  private static TabuSearchOptions iterations(long maxIterations, long seed) {
    // Target 0: never stop early on the trivial lower bound, so the budget alone decides.
    return TabuSearchOptions.builder().optMaxIterations(maxIterations).optTimeLimit(Duration.ofMinutes(10))
        .optSeed(seed).optTargetMakespan(0).build();
  }

  @Test
  void reachesFt06Optimum() {
    ShopInstance ft06 = TestInstances.jssp("ft06");
    SolveResult result = TabuSearch.solve(ft06, iterations(5_000, 1));
    assertThat(ScheduleValidator.requireValid(ft06, result.schedule())).isEqualTo(55);
    assertThat(result.makespan()).isEqualTo(55);
  }

  @Test
  void startsFromAGivenPoorScheduleAndStillReachesFt06Optimum() {
    ShopInstance ft06 = TestInstances.jssp("ft06");
    Schedule poor = DispatchScheduler.schedule(ft06, DispatchRule.SPT, ScheduleGeneration.ACTIVE);
    assertThat(poor.makespan()).isEqualTo(94);
    SolveResult result = TabuSearch.solve(ft06, poor, iterations(5_000, 7));
    assertThat(result.initialMakespan()).isEqualTo(94);
    assertThat(ScheduleValidator.requireValid(ft06, result.schedule())).isEqualTo(55);
  }

  @ParameterizedTest
  @ValueSource(strings = {"la01", "la02", "la03", "la04", "la05", "la06", "la07", "la08", "la09", "la10",
      "la11", "la12", "la13", "la14", "la15", "la16", "la17", "la18", "la19", "la20"})
  void improvesOnTheBestDispatchRuleUnlessItIsOptimal(String name) {
    ShopInstance instance = TestInstances.jssp(name);
    long bestKnown = Long.parseLong(JSSP_BOUNDS.get(name)[0]);
    long lowerBound = Long.parseLong(JSSP_BOUNDS.get(name)[1]);
    Schedule dispatch = DispatchScheduler.best(instance);
    SolveResult result = TabuSearch.solve(instance, dispatch, iterations(3_000, 42));
    long makespan = ScheduleValidator.requireValid(instance, result.schedule());
    assertThat(makespan).isGreaterThanOrEqualTo(lowerBound);
    if (dispatch.makespan() > bestKnown) {
      assertThat(makespan).isLessThan(dispatch.makespan());
    } else {
      assertThat(makespan).isEqualTo(dispatch.makespan());
    }
    // A short run already lands within 3% of the optimum on these 10x5 .. 15x10 instances.
    assertThat((double) (makespan - bestKnown) / bestKnown).isLessThanOrEqualTo(0.03);
  }

  @Test
  void getsWithinOnePercentOfFt10Optimum() {
    ShopInstance ft10 = TestInstances.jssp("ft10");
    SolveResult result = TabuSearch.solve(ft10, iterations(100_000, 42));
    assertThat(ScheduleValidator.requireValid(ft10, result.schedule())).isBetween(930L, 939L);
  }

  @Test
  void isDeterministicForAGivenSeedAndIterationBudget() {
    ShopInstance la16 = TestInstances.jssp("la16");
    SolveResult a = TabuSearch.solve(la16, iterations(2_000, 5));
    SolveResult b = TabuSearch.solve(la16, iterations(2_000, 5));
    assertThat(a.makespan()).isEqualTo(b.makespan());
    assertThat(a.bestIteration()).isEqualTo(b.bestIteration());
    assertThat(a.schedule().operations()).isEqualTo(b.schedule().operations());
  }

  @Test
  void stopsAtTheTargetMakespan() {
    ShopInstance ft06 = TestInstances.jssp("ft06");
    SolveResult result = TabuSearch.solve(ft06, TabuSearchOptions.builder().optMaxIterations(1_000_000)
        .optTimeLimit(Duration.ofMinutes(1)).optTargetMakespan(55).build());
    assertThat(result.makespan()).isEqualTo(55);
    assertThat(result.iterations()).isEqualTo(result.bestIteration());
  }

  @Test
  void zeroIterationsReturnsTheStartingOrderLeftShifted() {
    ShopInstance la01 = TestInstances.jssp("la01");
    Schedule start = DispatchScheduler.schedule(la01, DispatchRule.MWKR, ScheduleGeneration.NON_DELAY);
    SolveResult result = TabuSearch.solve(la01, start, iterations(0, 0));
    assertThat(result.iterations()).isZero();
    assertThat(result.makespan()).isEqualTo(start.makespan()).isEqualTo(735);
  }

  @ParameterizedTest
  @ValueSource(strings = {"mk01", "mk02", "mk03", "mk04", "mk05"})
  void flexibleSearchReassignsMachinesAndGetsCloseToBestKnown(String name) {
    ShopInstance instance = TestInstances.fjsp(name);
    long bestKnown = Long.parseLong(FJSP_BOUNDS.get(name)[0]);
    Schedule dispatch = DispatchScheduler.best(instance);
    SolveResult result = TabuSearch.solve(instance, dispatch, iterations(2_000, 42));
    long makespan = ScheduleValidator.requireValid(instance, result.schedule());
    assertThat(makespan).isGreaterThanOrEqualTo(bestKnown).isLessThanOrEqualTo(dispatch.makespan());
    assertThat((double) (makespan - bestKnown) / bestKnown).isLessThanOrEqualTo(0.05);
  }

  @Test
  void reachesMk01OptimumByChangingMachineAssignments() {
    ShopInstance mk01 = TestInstances.fjsp("mk01");
    Schedule dispatch = DispatchScheduler.best(mk01);
    SolveResult result = TabuSearch.solve(mk01, dispatch, iterations(3_000, 42));
    assertThat(ScheduleValidator.requireValid(mk01, result.schedule())).isEqualTo(40);
    assertThat(machines(result.schedule())).isNotEqualTo(machines(dispatch));
  }

  @Test
  void respectsReleaseDates() {
    ShopInstance base = TestInstances.jssp("ft06");
    List<Job> jobs = new ArrayList<>();
    for (int j = 0; j < base.jobCount(); j++) {
      jobs.add(new Job(base.job(j).operations(), 10L * j, Job.NO_DUE_DATE, 1));
    }
    ShopInstance released = new ShopInstance("ft06-released", base.machineCount(), jobs);
    SolveResult result = TabuSearch.solve(released, iterations(3_000, 3));
    assertThat(ScheduleValidator.problems(released, result.schedule())).isEmpty();
    assertThat(result.makespan()).isGreaterThanOrEqualTo(55);
  }

  @Test
  void producesValidSchedulesOnRandomFlexibleInstancesWithZeroDurationsAndReleases() {
    // Awkward cases for the graph moves: zero durations, two operations of a job eligible on the same
    // machine, jobs shorter or longer than the machine count, release dates.
    for (int seed = 0; seed < 40; seed++) {
      java.util.Random random = new java.util.Random(seed);
      int machines = 2 + random.nextInt(4);
      List<Job> jobs = new ArrayList<>();
      for (int j = 0, n = 2 + random.nextInt(6); j < n; j++) {
        List<org.plantwin.planners.scheduling.api.Operation> ops = new ArrayList<>();
        for (int o = 0, len = 1 + random.nextInt(machines + 2); o < len; o++) {
          List<org.plantwin.planners.scheduling.api.MachineOption> options = new ArrayList<>();
          for (int m = 0; m < machines; m++) {
            if (options.isEmpty() && m == machines - 1 || random.nextBoolean()) {
              options.add(new org.plantwin.planners.scheduling.api.MachineOption(m,
                  random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(20)));
            }
          }
          ops.add(new org.plantwin.planners.scheduling.api.Operation(options));
        }
        jobs.add(new Job(ops, random.nextInt(3) == 0 ? random.nextInt(30) : 0, Job.NO_DUE_DATE, 1));
      }
      ShopInstance instance = new ShopInstance("random" + seed, machines, jobs);
      SolveResult result = TabuSearch.solve(instance, iterations(500, seed));
      assertThat(ScheduleValidator.problems(instance, result.schedule())).as(instance.name()).isEmpty();
      assertThat(result.makespan()).as(instance.name())
          .isGreaterThanOrEqualTo(instance.trivialLowerBound())
          .isLessThanOrEqualTo(result.initialMakespan());
    }
  }

  @Test
  void rejectsAnInvalidStartingSchedule() {
    ShopInstance ft06 = TestInstances.jssp("ft06");
    Schedule empty = new Schedule(List.of());
    assertThatThrownBy(() -> TabuSearch.solve(ft06, empty, iterations(10, 0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ft06")
        .hasMessageContaining("is not scheduled");
  }

  @Test
  void rejectsNegativeBudgetsNamingTheValue() {
    assertThatThrownBy(() -> TabuSearchOptions.builder().optMaxIterations(-5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxIterations (-5)");
    assertThatThrownBy(() -> TabuSearchOptions.builder().optTimeLimit(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeLimit (PT-1S)");
  }

  private static List<Integer> machines(Schedule s) {
    return s.operations().stream()
        .sorted((a, b) -> a.job() != b.job() ? Integer.compare(a.job(), b.job()) : Integer.compare(a.operation(), b.operation()))
        .map(ScheduledOperation::machine).toList();
  }

  private static Map<String, String[]> bounds(String resource) {
    String[] lines = TestInstances.resource(resource).strip().split("\\R");
    List<String> header = List.of(lines[0].split(","));
    Map<String, String[]> result = new java.util.HashMap<>();
    for (int i = 1; i < lines.length; i++) {
      String[] c = lines[i].split(",", -1);
      result.put(c[header.indexOf("instance")],
          new String[] {c[header.indexOf("upper_bound")], c[header.indexOf("lower_bound")]});
    }
    return result;
  }
}
