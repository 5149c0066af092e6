package org.plantwin.planners.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.plantwin.planners.scheduling.api.DispatchRule;
import org.plantwin.planners.scheduling.api.DispatchScheduler;
import org.plantwin.planners.scheduling.api.Schedule;
import org.plantwin.planners.scheduling.api.ScheduleGeneration;
import org.plantwin.planners.scheduling.api.ScheduleValidator;
import org.plantwin.planners.scheduling.api.ShopInstance;

class DispatchRuleOracleTest {
  /** Every cell of dispatch_rule_oracles.csv: instance, column, generation, rule, expected makespan. */
  static Stream<Arguments> oracle() {
    String[] lines = TestInstances.resource("/jssp/dispatch_rule_oracles.csv").strip().split("\\R");
    String[] header = lines[0].split(",");
    List<Arguments> cases = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String[] cells = lines[i].split(",");
      for (int c = 2; c < header.length; c++) {
        String column = header[c];
        ScheduleGeneration g = column.startsWith("nd_") ? ScheduleGeneration.NON_DELAY : ScheduleGeneration.ACTIVE;
        DispatchRule rule = DispatchRule.valueOf(column.substring(column.lastIndexOf('_') + 1).toUpperCase());
        cases.add(Arguments.of(cells[0], column, g, rule, Long.parseLong(cells[c])));
      }
    }
    return cases.stream();
  }

  @Test
  void oracleFileCoversAllInstancesAndSixColumns() {
    assertThat(oracle().count()).isEqualTo(33 * 6);
  }

  @ParameterizedTest(name = "{0} {1} = {4}")
  @MethodSource("oracle")
  void reproducesOracleMakespan(String name, String column, ScheduleGeneration generation, DispatchRule rule,
      long expected) {
    ShopInstance instance = TestInstances.jssp(name);
    Schedule schedule = DispatchScheduler.schedule(instance, rule, generation);
    assertThat(ScheduleValidator.requireValid(instance, schedule)).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(DispatchRule.class)
  void everyRuleGivesValidSchedulesForFlexibleInstances(DispatchRule rule) {
    for (String name : List.of("mk01", "mk02", "mk05")) {
      ShopInstance instance = TestInstances.fjsp(name);
      for (ScheduleGeneration g : ScheduleGeneration.values()) {
        Schedule s = DispatchScheduler.schedule(instance, rule, g);
        assertThat(ScheduleValidator.problems(instance, s)).as("%s %s %s", name, rule, g).isEmpty();
        assertThat(s.makespan()).isGreaterThanOrEqualTo(instance.trivialLowerBound());
      }
    }
  }

  @Test
  void nonDelayScheduleLeavesNoMachineIdleWhileAnOperationWaits() {
    ShopInstance ft06 = TestInstances.jssp("ft06");
    Schedule s = DispatchScheduler.schedule(ft06, DispatchRule.SPT, ScheduleGeneration.NON_DELAY);
    // The first decision happens at time 0: every job's first machine that is free starts something.
    assertThat(s.operations().get(0).start()).isZero();
    assertThat(ScheduleValidator.problems(ft06, s)).isEmpty();
  }

  @Test
  void eddPrefersTheJobDueFirst() {
    ShopInstance base = TestInstances.jssp("ft06");
    List<org.plantwin.planners.scheduling.api.Job> jobs = new ArrayList<>();
    for (int j = 0; j < base.jobCount(); j++) {
      // Due dates in reverse job order: job 5 is due first.
      jobs.add(new org.plantwin.planners.scheduling.api.Job(base.job(j).operations(), 0, 100 - j, 1));
    }
    ShopInstance withDue = new ShopInstance("ft06-due", base.machineCount(), jobs);
    Schedule s = DispatchScheduler.schedule(withDue, DispatchRule.EDD, ScheduleGeneration.NON_DELAY);
    assertThat(ScheduleValidator.problems(withDue, s)).isEmpty();
    // Jobs 1, 3 and 5 all start on m1; job 5 is due earliest and goes first (FIFO/lowest index would pick 1).
    assertThat(s.operations().stream().filter(o -> o.machine() == 1 && o.start() == 0).findFirst().orElseThrow().job())
        .isEqualTo(5);
  }
}
