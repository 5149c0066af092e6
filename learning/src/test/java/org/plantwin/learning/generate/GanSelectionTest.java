package org.plantwin.learning.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GanSelectionTest {

    private static final GanConfig SMALL = new GanConfig(2, 32, 8, 1, 4, 2, 1e-3, 10, 5, 1);
    private static final List<String> COLUMNS = List.of("a", "b");
    private static final MinMaxScaling UNIT = new MinMaxScaling(new double[] {0, 0}, new double[] {1, 1});
    /** A cheap judge: 60 classifier iterations, 2 repetitions. */
    private static final GanMetrics.Settings JUDGE = new GanMetrics.Settings(60, 1, 32, 2, 11);

    @Test
    void keepsTheCandidateTheRuleChoosesAndRecordsEveryCandidate(@TempDir Path dir) {
        Windows data = Sines.generate(96, 12, 2, 3);
        // One candidate barely trained (1 epoch), one trained longer with the supervised loss: different scores.
        List<GanConfig> candidates = List.of(SMALL.withEpochs(1), SMALL.withEpochs(4).withSupervisedWeight(10));
        float[] kept;
        GanDescriptor d;
        try (TimeSeriesGan g = GanSelection.train(data, COLUMNS, UNIT, candidates, JUDGE, null)) {
            d = g.descriptor();
            kept = g.sampleScaled(10, 9).values();
            g.save(dir);
        }
        assertThat(d.selection()).hasSize(2);
        assertThat(d.selection()).extracting(GanSelection.Candidate::config).containsExactlyElementsOf(candidates);
        GanSelection.Candidate best = d.selection().get(GanSelection.choose(d.selection(), JUDGE.repetitions()));
        assertThat(d.config()).isEqualTo(best.config());
        assertThat(d.trainingSeconds()).isGreaterThanOrEqualTo(
                d.selection().get(0).trainingSeconds() + d.selection().get(1).trainingSeconds());
        // The kept model is the best candidate as trained alone, and the judge's score of it is reproducible.
        try (TimeSeriesGan alone = TimeSeriesGan.train(data, COLUMNS, UNIT, best.config(), null)) {
            assertThat(alone.sampleScaled(10, 9).values()).containsExactly(kept, within(1e-5f));
            GanMetrics.Score again = GanMetrics.discriminative(data, alone.sampleScaled(data.count(), JUDGE.seed()),
                    JUDGE);
            assertThat(again.mean()).isCloseTo(best.discriminative(), within(0.03));
        }
        // Saved and loaded with the selection in the descriptor.
        try (TimeSeriesGan g = TimeSeriesGan.load(dir, 1)) {
            assertThat(g.descriptor().selection()).isEqualTo(d.selection());
            assertThat(g.sampleScaled(10, 9).values()).containsExactly(kept, within(1e-6f));
        }
    }

    @Test
    void withoutNoiseKeepsTheLowestScoreWhereverItIsAndTheEarlierOfATie() {
        Windows data = Sines.generate(64, 12, 2, 3);
        // Scores by epochs: 3 epochs is best, in the middle of the list; the two 1-epoch candidates tie.
        List<GanConfig> candidates = List.of(SMALL.withEpochs(2), SMALL.withEpochs(3), SMALL.withEpochs(1),
                SMALL.withEpochs(1).withSeed(6));
        java.util.Map<Integer, Double> score = java.util.Map.of(2, 0.3, 3, 0.1, 1, 0.2);
        try (TimeSeriesGan g = GanSelection.train(data, COLUMNS, 0, UNIT, candidates,
                gan -> new GanMetrics.Score(score.get(gan.descriptor().config().epochs()), 0), 1, null)) {
            assertThat(g.descriptor().config()).isEqualTo(candidates.get(1));
            assertThat(g.descriptor().selection()).extracting(GanSelection.Candidate::discriminative)
                    .containsExactly(0.3, 0.1, 0.2, 0.2);
        }
        try (TimeSeriesGan g = GanSelection.train(data, COLUMNS, 0, UNIT, candidates.subList(2, 4),
                gan -> new GanMetrics.Score(0.2, 0), 1, null)) {
            assertThat(g.descriptor().config()).isEqualTo(candidates.get(2));
        }
    }

    @Test
    void keepsTheFirstCandidateUnlessTheBestBeatsItByMoreThanTheStandardErrorOfTheDifference() {
        GanConfig a = SMALL;
        GanConfig b = SMALL.withSupervisedWeight(10);
        GanConfig c = SMALL.withSupervisedWeight(3);
        // 0.30 vs 0.25, spreads 0.10 over 10 repetitions: standard error sqrt(0.02 / 10) = 0.0447 < 0.05.
        assertThat(GanSelection.choose(List.of(candidate(a, 0.30, 0.10), candidate(b, 0.25, 0.10)), 10)).isEqualTo(1);
        // The same means with spreads 0.20: standard error 0.089 > 0.05, the first is kept.
        assertThat(GanSelection.choose(List.of(candidate(a, 0.30, 0.20), candidate(b, 0.25, 0.20)), 10)).isEqualTo(0);
        // ... and with 100 repetitions the same spreads give 0.028 < 0.05.
        assertThat(GanSelection.choose(List.of(candidate(a, 0.30, 0.20), candidate(b, 0.25, 0.20)), 100))
                .isEqualTo(1);
        // Only the best is compared with the first: the third (lowest) wins although the second alone would not.
        assertThat(GanSelection.choose(List.of(candidate(a, 0.30, 0.05), candidate(b, 0.29, 0.05),
                candidate(c, 0.10, 0.05)), 10)).isEqualTo(2);
        // A first candidate that is best stays, whatever the spreads.
        assertThat(GanSelection.choose(List.of(candidate(a, 0.10, 0.0), candidate(b, 0.20, 0.0)), 3)).isEqualTo(0);
        assertThatThrownBy(() -> GanSelection.choose(List.of(), 10)).hasMessageContaining("No candidate");
        assertThatThrownBy(() -> GanSelection.choose(List.of(candidate(a, 0.1, 0)), 0))
                .hasMessageContaining("repetitions").hasMessageContaining("0");
    }

    private static GanSelection.Candidate candidate(GanConfig c, double mean, double std) {
        return new GanSelection.Candidate(c, mean, std, 1.0);
    }

    @Test
    void theSupervisedCandidatesAreOffAndTenForRganOnly() {
        assertThat(GanSelection.supervisedCandidates(SMALL)).extracting(GanConfig::supervised)
                .containsExactly(0.0, 10.0);
        assertThat(GanSelection.supervisedCandidates(SMALL)).extracting(GanConfig::epochs).containsOnly(2);
        assertThatThrownBy(() -> GanSelection.supervisedCandidates(GanConfig.defaults("timegan", 2)))
                .hasMessageContaining("rgan only").hasMessageContaining("(timegan)");
        assertThatThrownBy(() -> GanSelection.train(Sines.generate(8, 4, 2, 1), COLUMNS, UNIT, List.of(), JUDGE,
                null)).hasMessageContaining("No candidate");
    }
}
