package org.plantwin.twin.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.plantwin.twin.cli.Cli.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plantwin.learning.generate.GanCsv;
import org.plantwin.scenarios.api.Problem;
import org.plantwin.scenarios.api.ScenarioException;
import org.plantwin.scenarios.model.Demand;
import org.plantwin.twin.cli.Cli.Outcome;
import org.plantwin.twin.experiment.Experiment;
import org.plantwin.twin.experiment.ExperimentFile;
import org.plantwin.twin.experiment.Variant;

/**
 * A generator conditioned on a season column drives an experiment's demand through a calendar of conditions: the
 * generated demand follows the calendar period by period, and a missing, short or misplaced calendar is refused
 * with its path.
 */
class ConditionedGeneratorTest {

    private static final String DEMAND = "customers[C01].demand[A]";

    @TempDir
    static Path dir;

    /** A history whose demand is about 5 units a day in season 0 and about 40 in season 1 (blocks of 7 days). */
    @BeforeAll
    static void trainOnSeasons() {
        SplittableRandom r = new SplittableRandom(4);
        double[][] rows = new double[420][2];
        for (int t = 0; t < rows.length; t++) {
            int season = (t / 7) % 2;
            rows[t][0] = (season == 0 ? 5 : 40) + r.nextInt(4);
            rows[t][1] = season;
        }
        GanCsv.writeSeries(dir.resolve("history.csv"), new GanCsv.Table(List.of(DEMAND, "season"), rows));
        GanCsv.writeSeries(dir.resolve("plain.csv"), new GanCsv.Table(List.of(DEMAND), new double[40][1]));
        // Calendar: 10 days of season 0, 10 of season 1, 2 of season 0 (22 days: not a multiple of the window of 5,
        // so the last window, days 17-21, overlaps the one before and only its last two steps are used).
        double[][] calendar = new double[22][1];
        for (int t = 10; t < 20; t++) {
            calendar[t][0] = 1;
        }
        GanCsv.writeSeries(dir.resolve("calendar.csv"), new GanCsv.Table(List.of("season"), calendar));
        GanCsv.writeSeries(dir.resolve("short.csv"), new GanCsv.Table(List.of("season"), new double[12][1]));
        GanCsv.writeSeries(dir.resolve("other.csv"), new GanCsv.Table(List.of("weekday"), new double[30][1]));
        Outcome t = cli("gan", "train", "--data", dir.resolve("history.csv").toString(), "--seq-len", "5",
                "--epochs", "600", "--seed", "3", "--condition", "season", "--supervised", "0", "--out",
                dir.resolve("gan-season").toString());
        assertThat(t.code()).as(t.err()).isZero();
        Outcome u = cli("gan", "train", "--data", dir.resolve("plain.csv").toString(), "--seq-len", "5",
                "--epochs", "1", "--seed", "3", "--supervised", "0", "--out", dir.resolve("gan-plain").toString());
        assertThat(u.code()).as(u.err()).isZero();
    }

    private static Path experiment(String name, String model) throws Exception {
        Path p = dir.resolve(name + ".yaml");
        Files.writeString(p, """
                name: %s
                base: supply-chain
                horizon: 22d
                replications: 2
                kpis: [supplyChain.onTimeDelivery]
                generated: {count: 3, seed: 5, parametric: false, models: [%s]}
                """.formatted(name, model), StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void generatedDemandFollowsTheCalendarOfConditionsPeriodByPeriod() throws Exception {
        Experiment e = ExperimentFile.load(experiment("seasons", "{model: gan-season, conditions: calendar.csv}"));

        assertThat(e.variants()).extracting(Variant::group).containsOnly("generated").hasSize(3);
        for (Variant v : e.variants()) {
            Demand a = v.scenario().customers().get(0).demand().stream().filter(d -> d.product().equals("A"))
                    .findFirst().orElseThrow();
            List<Double> units = a.series().values();
            assertThat(units).hasSize(22);
            double low = units.subList(0, 10).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double high = units.subList(10, 20).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            assertThat(high - low).as("%s: season 1 minus season 0 in %s", v.name(), units).isGreaterThan(15);
            // Days 20-21 are the last window's steps 3-4 (season 0 again), not its steps 0-1 (season 1).
            assertThat(units.subList(20, 22)).as(v.name() + " " + units)
                    .allSatisfy(u -> assertThat(u).isLessThan(20.0));
        }
        assertThat(e.variants().get(0).scenario()).isNotEqualTo(e.variants().get(1).scenario());
        assertThat(ExperimentFile.load(experiment("seasons", "{model: gan-season, conditions: calendar.csv}"))
                .variants()).isEqualTo(e.variants());
    }

    @Test
    void aMissingShortOrForeignCalendarIsRefusedWithItsPath() throws Exception {
        Problem none = problem(experiment("none", "{model: gan-season}"));
        assertThat(none.path()).isEqualTo("$.generated.models[0].conditions");
        assertThat(none.value()).contains("(none)");
        assertThat(none.rule()).contains("conditioned on [season]");
        assertThat(none.hint()).contains("conditions: FILE.csv");

        Problem few = problem(experiment("few", "{model: gan-season, conditions: short.csv}"));
        assertThat(few.path()).isEqualTo("$.generated.models[0].conditions");
        assertThat(few.value()).contains("short.csv").contains("12 rows");
        assertThat(few.rule()).contains("22 periods").contains("22 rows");

        Problem other = problem(experiment("other", "{model: gan-season, conditions: other.csv}"));
        assertThat(other.path()).isEqualTo("$.generated.models[0].conditions");
        assertThat(other.rule()).contains("season");

        Problem plain = problem(experiment("plain", "{model: gan-plain, conditions: calendar.csv}"));
        assertThat(plain.path()).isEqualTo("$.generated.models[0].conditions");
        assertThat(plain.rule()).contains("no condition columns");
    }

    @Test
    void historyWritesCalendarColumnsThatAConditionedGeneratorTrainsOnAndAnExperimentReads() throws Exception {
        Path daily = dir.resolve("daily.csv");
        Outcome h = cli("history", "supply-chain", "--horizon", "30d", "--demand", daily.toString(), "--calendar");
        assertThat(h.code()).as(h.err()).isZero();
        GanCsv.Table d = GanCsv.readSeries(daily);
        assertThat(d.columns()).endsWith("customers[C12].demand[B]", "calendar.dayOfWeek");
        int dow = d.columns().indexOf("calendar.dayOfWeek");
        assertThat(java.util.Arrays.stream(d.rows()).mapToDouble(r -> r[dow]).limit(9).boxed().toList())
                .containsExactly(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 0.0, 1.0);

        Path hourly = dir.resolve("hourly.csv");
        assertThat(cli("history", "supply-chain", "--horizon", "3d", "--period", "8h", "--demand", hourly.toString(),
                "--calendar").code()).isZero();
        GanCsv.Table t = GanCsv.readSeries(hourly);
        assertThat(t.columns()).endsWith("calendar.dayOfWeek", "calendar.hourOfDay");
        assertThat(t.rows()).hasNumberOfRows(9);
        assertThat(t.rows()[4]).endsWith(1.0, 8.0); // 32 h: day 1, 08:00

        Outcome noDemand = cli("history", "supply-chain", "--horizon", "2d", "--calendar", "--failures",
                dir.resolve("never.csv").toString());
        assertThat(noDemand.code()).isEqualTo(2);
        assertThat(noDemand.err()).contains("--calendar adds columns to the demand series");
        assertThat(dir.resolve("never.csv")).doesNotExist();

        // Conditioned on the weekday; the history itself is the experiment's calendar (its demand columns ignored).
        Outcome g = cli("gan", "train", "--data", daily.toString(), "--seq-len", "7", "--epochs", "1", "--seed", "3",
                "--condition", "calendar.dayOfWeek", "--supervised", "0", "--out",
                dir.resolve("gan-weekday").toString());
        assertThat(g.code()).as(g.err()).isZero();
        Experiment e = ExperimentFile.load(experiment("weekday", "{model: gan-weekday, conditions: daily.csv}"));
        assertThat(e.variants()).hasSize(3).allSatisfy(v -> assertThat(
                v.scenario().customers().get(0).demand().get(0).series().values()).hasSize(22));
    }

    private static Problem problem(Path file) {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ExperimentFile.load(file));
        assertThat(e).as(file.toString()).isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }
}
