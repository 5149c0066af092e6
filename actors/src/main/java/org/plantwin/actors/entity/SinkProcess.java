package org.plantwin.actors.entity;

import org.plantwin.actors.kernel.LogicalProcess;
import org.plantwin.actors.stats.Tally;

/** The logical process of a sink: receives finished parts and measures their cycle time and lateness. */
public final class SinkProcess extends LogicalProcess {

    private static final double MS_PER_MIN = 60_000.0;

    private final int sinkIndex;
    private final long warmup;
    private final Tally cycleMinutes = new Tally();
    private final Tally tardinessMinutes = new Tally();
    private long late;
    private final org.plantwin.actors.stats.BatchSeries batches;

    public SinkProcess(PlantModel model, int sinkIndex) {
        super(model.sinkLp(sinkIndex), model.sinks.get(sinkIndex).id());
        this.sinkIndex = sinkIndex;
        this.warmup = model.warmupMillis;
        this.batches = model.batchMillis > 0 ? new org.plantwin.actors.stats.BatchSeries(model.batchMillis) : null;
    }

    @Override
    public void init() {
        // A sink only reacts to parts.
    }

    @Override
    protected void onEvent(int code, long datum, Object ref) {
        throw new IllegalStateException("The sink (" + name() + ") has no local events, got (" + code + ").");
    }

    @Override
    protected void onMessage(Object payload) {
        PartTransfer p = (PartTransfer) payload;
        if (batches != null) {
            batches.observe(now(), (now() - p.createdMillis()) / MS_PER_MIN);
        }
        if (now() < warmup) {
            return;
        }
        cycleMinutes.add((now() - p.createdMillis()) / MS_PER_MIN);
        if (p.dueMillis() >= 0) {
            double tardiness = Math.max(0, now() - p.dueMillis()) / MS_PER_MIN;
            tardinessMinutes.add(tardiness);
            if (tardiness > 0) {
                late++;
            }
        }
    }

    /**
     * Statistics of a sink. The cycle times travel (a fresh copy, owned by the receiver; the sink is finished) so
     * that plant-wide quantiles pool every sink.
     */
    public record Report(int sinkIndex, String id, double[] cycleMinutes, long late, double tardinessMeanMinutes,
                         double[] partsPerBatch, double[] cycleMinutesSumPerBatch) {
    }

    @Override
    protected Object report(long end) {
        return new Report(sinkIndex, name(), cycleMinutes.values(), late, tardinessMinutes.mean(),
                Batches.counts(batches, end), Batches.sums(batches, end));
    }
}
