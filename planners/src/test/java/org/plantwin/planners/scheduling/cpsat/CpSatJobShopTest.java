package org.plantwin.planners.scheduling.cpsat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.plantwin.planners.scheduling.api.BrandimarteFormat;
import org.plantwin.planners.scheduling.api.DispatchScheduler;
import org.plantwin.planners.scheduling.api.JsspFormat;
import org.plantwin.planners.scheduling.api.Schedule;
import org.plantwin.planners.scheduling.api.ScheduleValidator;
import org.plantwin.planners.scheduling.api.ShopInstance;

class CpSatJobShopTest {
  // Deterministic time (interleaved search): the same schedule on any machine; ft06 is proven optimal in well under it.
  private static final CpSatOptions DETERMINISTIC = CpSatOptions.of(Duration.ofSeconds(20)).withDeterministic(true);

  @Test
  void provesTheFt06OptimumAndTheScheduleValidates() {
    ShopInstance ft06 = jssp("ft06");
    CpSatResult result = CpSatJobShop.solve(ft06, DETERMINISTIC);
    assertThat(result.status()).isEqualTo("OPTIMAL");
    assertThat(result.makespan()).isEqualTo(55);
    assertThat(result.lowerBound()).isEqualTo(55);
    assertThat(ScheduleValidator.requireValid(ft06, result.schedule().orElseThrow())).isEqualTo(55);
  }

  @Test
  void givesTheSameScheduleTwiceInDeterministicMode() {
    ShopInstance la01 = jssp("la01");
    CpSatResult a = CpSatJobShop.solve(la01, DETERMINISTIC.withSeed(7));
    CpSatResult b = CpSatJobShop.solve(la01, DETERMINISTIC.withSeed(7));
    assertThat(a.makespan()).isEqualTo(666);
    assertThat(a.schedule().orElseThrow().operations()).isEqualTo(b.schedule().orElseThrow().operations());
  }

  @Test
  void solvesAFlexibleInstanceWithAHintAndTheScheduleValidates() {
    ShopInstance mk01 = BrandimarteFormat.parse("mk01", resource("/fjsp/mk01.fjs"));
    Schedule hint = DispatchScheduler.best(mk01);
    CpSatResult result = CpSatJobShop.solve(mk01,
        CpSatOptions.of(Duration.ofSeconds(2)).withDeterministic(true).withHint(hint));
    long makespan = ScheduleValidator.requireValid(mk01, result.schedule().orElseThrow());
    assertThat(makespan).isEqualTo(result.makespan()).isBetween(40L, hint.makespan());
    assertThat(result.lowerBound()).isLessThanOrEqualTo(40);
  }

  private static ShopInstance jssp(String name) {
    return JsspFormat.parse(name, resource("/jssp/" + name + ".txt"));
  }

  private static String resource(String path) {
    try (InputStream in = CpSatJobShopTest.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
