package org.plantwin.actors.entity;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.plantwin.actors.api.RunResult;
import org.plantwin.actors.kernel.LogicalProcess;
import org.plantwin.actors.kernel.RandomStreams;
import org.plantwin.scenarios.model.Supplier;

/**
 * The logical process of a supplier: each purchase order is delivered after a sampled lead time, late by a further
 * delay with probability 1 - reliability. The smallest possible lead time is the lookahead of its link to the
 * warehouse.
 */
public final class SupplierProcess extends LogicalProcess {

    private final Supplier spec;
    private final PlantModel model;
    private final ContinuousSampler leadTime;
    private final ContinuousSampler lateBy;
    private final UniformRandomProvider reliabilityRng;
    private final long minLead;
    private final long warmup;
    private long orders;
    private long units;
    private long late;

    public SupplierProcess(PlantModel model, int supplierIndex, RandomStreams rs) {
        super(model.supplierLp(supplierIndex), model.suppliers.get(supplierIndex).id());
        this.model = model;
        this.spec = model.suppliers.get(supplierIndex);
        this.leadTime = spec.leadTime().sampler(rs.stream(spec.id() + "/lead"));
        this.lateBy = spec.lateBy() == null ? null : spec.lateBy().sampler(rs.stream(spec.id() + "/late"));
        this.reliabilityRng = rs.stream(spec.id() + "/reliability");
        this.minLead = (long) Math.floor(spec.leadTime().minMillis());
        this.warmup = model.warmupMillis;
    }

    @Override
    public void init() {
        // A supplier only reacts to purchase orders.
    }

    @Override
    protected void onEvent(int code, long datum, Object ref) {
        throw new IllegalStateException("The supplier (" + name() + ") has no local events, got (" + code + ").");
    }

    @Override
    protected void onMessage(Object payload) {
        SupplyMessages.PurchaseOrder po = (SupplyMessages.PurchaseOrder) payload;
        double lead = leadTime.sample();
        boolean isLate = spec.reliability() < 1 && reliabilityRng.nextDouble() >= spec.reliability();
        if (isLate) {
            lead += lateBy.sample();
        }
        if (now() >= warmup) {
            orders++;
            units += po.quantity();
            if (isLate) {
                late++;
            }
        }
        send(po.destinationLp(), Math.max(minLead, Math.round(lead)),
                new SupplyMessages.Receipt(po.orderId(), po.item(), po.quantity()));
    }

    @Override
    protected Object report(long end) {
        return new RunResult.SupplierKpis(spec.id(), orders, units, late);
    }
}
