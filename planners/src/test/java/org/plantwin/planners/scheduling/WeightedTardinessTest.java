package org.plantwin.planners.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plantwin.planners.scheduling.api.DispatchRule;
import org.plantwin.planners.scheduling.api.DispatchScheduler;
import org.plantwin.planners.scheduling.api.Job;
import org.plantwin.planners.scheduling.api.Objective;
import org.plantwin.planners.scheduling.api.Operation;
import org.plantwin.planners.scheduling.api.Schedule;
import org.plantwin.planners.scheduling.api.ScheduleGeneration;
import org.plantwin.planners.scheduling.api.ScheduleValidator;
import org.plantwin.planners.scheduling.api.ShopInstance;
import org.plantwin.planners.scheduling.api.SolveResult;
import org.plantwin.planners.scheduling.api.TabuSearch;
import org.plantwin.planners.scheduling.api.TabuSearchOptions;

class WeightedTardinessTest {
  /**
   * la16 with due dates set as in the weighted-tardiness job-shop literature (Singer and Pinedo 1998):
   * due = release + floor(f x total processing time of the job), f = 1.3, and weights 4/2/1 for 20/60/20%
   * of the jobs (here by job index).
   */
  private static ShopInstance la16WithDueDates() {
    ShopInstance base = TestInstances.jssp("la16");
    List<Job> jobs = new ArrayList<>();
    for (int j = 0; j < base.jobCount(); j++) {
      long total = 0;
      for (Operation o : base.job(j).operations()) {
        total += o.minDuration();
      }
      double weight = j < 2 ? 4 : j < 8 ? 2 : 1;
      jobs.add(new Job(base.job(j).operations(), 0, (long) Math.floor(1.3 * total), weight));
    }
    return new ShopInstance("la16-twt", base.machineCount(), jobs);
  }

  private static TabuSearchOptions twt(long iterations, long seed) {
    return TabuSearchOptions.builder().optObjective(Objective.WEIGHTED_TARDINESS).optMaxIterations(iterations)
        .optTimeLimit(Duration.ofMinutes(5)).optSeed(seed).build();
  }

  @Test
  void lowersWeightedTardinessBelowEddAndBelowTheMakespanOptimiser() {
    ShopInstance instance = la16WithDueDates();
    Schedule edd = DispatchScheduler.schedule(instance, DispatchRule.EDD, ScheduleGeneration.ACTIVE);
    SolveResult tardinessRun = TabuSearch.solve(instance, edd, twt(1_500, 3));
    SolveResult makespanRun = TabuSearch.solve(instance, edd, TabuSearchOptions.builder().optMaxIterations(1_500)
        .optTimeLimit(Duration.ofMinutes(5)).optSeed(3).optTargetMakespan(0).build());
    assertThat(ScheduleValidator.problems(instance, tardinessRun.schedule())).isEmpty();
    double value = tardinessRun.schedule().weightedTardiness(instance);
    assertThat(tardinessRun.objectiveValue()).isEqualTo(value);
    assertThat(value).isLessThan(edd.weightedTardiness(instance));
    assertThat(value).isLessThan(makespanRun.schedule().weightedTardiness(instance));
  }

  @Test
  void stopsAtOnceWhenNoJobIsLate() {
    ShopInstance base = TestInstances.jssp("ft06");
    List<Job> jobs = new ArrayList<>();
    for (Job j : base.jobs()) {
      jobs.add(new Job(j.operations(), 0, 1_000, 1));
    }
    ShopInstance loose = new ShopInstance("ft06-loose", base.machineCount(), jobs);
    SolveResult result = TabuSearch.solve(loose, twt(1_000, 0));
    assertThat(result.objectiveValue()).isZero();
    assertThat(result.iterations()).isZero();
  }
}
