package org.plantwin.twin.cli;

import org.plantwin.actors.api.RunResult;

/** Renders a run result as readable tables: plant, lines, stations, machines, sources, sinks. */
public final class KpiReport {

    private KpiReport() {
    }

    public static String render(RunResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append("Scenario ").append(r.scenario()).append("  seed ").append(r.seed())
                .append(r.replication() > 0 ? "  replication " + r.replication() : "")
                .append("  horizon ").append(r.horizon()).append("  warm-up ").append(r.warmup()).append("\n\n");
        RunResult.PlantKpis p = r.plant();
        sb.append(new TextTable("Plant", "parts out", "per hour", "WIP", "cycle time mean (min)", "p50", "p95",
                "scrapped")
                .row(p.partsOut(), p.throughputPerHour(), p.wipMean(), p.cycleTimeMeanMinutes(),
                        p.cycleTimeP50Minutes(), p.cycleTimeP95Minutes(), p.scrapped())
                .render()).append('\n');
        TextTable lines = new TextTable("Lines and machine groups", "id", "kind", "in", "out", "per hour", "WIP",
                "scrapped", "starved of material");
        r.lines().forEach(l -> lines.row(l.id(), l.kind(), l.partsIn(), l.partsOut(), l.throughputPerHour(),
                l.wipMean(), l.scrapped(), TextTable.pct(l.materialStarvedShare())));
        sb.append(lines.render()).append('\n');
        TextTable st = new TextTable("Stations and buffers", "line", "station", "capacity", "buffer mean", "max",
                "wait mean (min)", "wait p95");
        r.stations().forEach(s -> st.row(s.line(), s.id(), s.bufferCapacity() == null ? "inf" : s.bufferCapacity(),
                s.bufferMean(), s.bufferMax(), s.waitMeanMinutes(), s.waitP95Minutes()));
        sb.append(st.render()).append('\n');
        TextTable ms = new TextTable("Machines (share of time by state; OEE = availability x performance x quality)",
                "machine", "station", "processed", "busy", "idle", "starved", "blocked", "setup", "down", "maint", "failures",
                "avail", "perf", "quality", "OEE");
        r.machines().forEach(m -> ms.row(m.id(), m.line() + "/" + m.station(), m.processed(),
                TextTable.pct(m.stateFractions().get("busy")), TextTable.pct(m.stateFractions().get("idle")),
                TextTable.pct(m.stateFractions().get("starved")), TextTable.pct(m.stateFractions().get("blocked")),
                TextTable.pct(m.stateFractions().get("setup")), TextTable.pct(m.stateFractions().get("down")),
                TextTable.pct(m.stateFractions().get("maintenance")), m.failures(), TextTable.pct(m.availability()), TextTable.pct(m.performance()),
                TextTable.pct(m.quality()), TextTable.pct(m.oee())));
        sb.append(ms.render()).append('\n');
        if (r.maintenanceSummary() != null) {
            TextTable mt = new TextTable("Maintenance (wear failures are repaired as good as new)", "machine", "policy",
                    "failures", "preventive", "down (h)", "maintenance (h)", "avail", "OEE", "preventive cost",
                    "repair cost", "cost");
            r.maintenance().forEach(m -> mt.row(m.id(), m.policy(), m.failures(), m.preventive(), m.downMinutes() / 60,
                    m.maintenanceMinutes() / 60, TextTable.pct(m.availability()), TextTable.pct(m.oee()),
                    m.preventiveCost(), m.repairCost(), m.cost()));
            RunResult.MaintenanceSummary ps = r.maintenanceSummary();
            mt.row("plant", "", ps.failures(), ps.preventive(), "", "", TextTable.pct(ps.availability()),
                    TextTable.pct(ps.oee()), "", "", ps.cost());
            sb.append(mt.render()).append('\n');
        }
        if (!r.inspection().isEmpty()) {
            TextTable in = new TextTable("Inspection (first-pass yield = accepted at first inspection; escapes ="
                    + " defective parts accepted)", "line", "station", "inspected", "first-pass yield", "true rejects",
                    "false rejects", "escapes", "escape rate", "reworked", "scrapped", "good output");
            r.inspection().forEach(q -> in.row(q.line(), q.station(), q.inspected(), TextTable.pct(q.firstPassYield()),
                    q.trueRejects(), q.falseRejects(), q.escapes(), TextTable.pct(q.escapeRate()), q.reworked(),
                    q.scrapped(), q.goodOutput()));
            sb.append(in.render()).append('\n');
        }
        TextTable src = new TextTable("Sources", "source", "created", "lost", "loss probability", "blocked");
        r.sources().forEach(s -> src.row(s.id(), s.created(), s.lost(), s.lossProbability(),
                TextTable.pct(s.blockedFraction())));
        if (!r.sources().isEmpty()) {
            sb.append(src.render()).append('\n');
        }
        TextTable sk = new TextTable("Sinks", "sink", "parts", "per hour", "cycle time mean (min)", "sd", "p50",
                "p95", "max", "late");
        r.sinks().forEach(s -> sk.row(s.id(), s.parts(), s.throughputPerHour(), s.cycleTimeMeanMinutes(),
                s.cycleTimeSdMinutes(), s.cycleTimeP50Minutes(), s.cycleTimeP95Minutes(), s.cycleTimeMaxMinutes(),
                s.late()));
        if (!r.sinks().isEmpty()) {
            sb.append(sk.render()).append('\n');
        }
        if (r.supplyChain() != null) {
            RunResult.SupplyChainKpis c = r.supplyChain();
            sb.append(new TextTable("Supply chain", "orders", "order fill", "unit fill", "on time", "lead time mean (h)",
                    "p95", "backorders", "stock-outs", "km", "transport", "holding", "backorder", "total cost")
                    .row(c.orders(), TextTable.pct(c.orderFillRate()), TextTable.pct(c.unitFillRate()),
                            TextTable.pct(c.onTimeDelivery()), c.leadTimeMeanHours(), c.leadTimeP95Hours(),
                            c.backordersMean(), c.stockouts(), c.kmDriven(), c.transportCost(), c.holdingCost(),
                            c.backorderCost(), c.totalCost())
                    .render()).append('\n');
        }
        if (!r.inventory().isEmpty()) {
            TextTable inv = new TextTable("Inventory (time-weighted after warm-up)", "warehouse", "product", "policy",
                    "on hand mean", "min", "max", "backorders", "orders", "fill", "stock-outs", "replenishments");
            r.inventory().forEach(i -> inv.row(i.warehouse(), i.product(), i.policy(), i.onHandMean(), i.onHandMin(),
                    i.onHandMax(), i.backordersMean(), i.orders(), TextTable.pct(i.orderFillRate()), i.stockouts(),
                    i.replenishments()));
            sb.append(inv.render()).append('\n');
        }
        if (!r.materials().isEmpty()) {
            TextTable mt = new TextTable("Raw materials (line-side stores)", "resource", "material", "on hand mean",
                    "min", "max", "parts waited", "replenishments");
            r.materials().forEach(m -> mt.row(m.resource(), m.material(), m.onHandMean(), m.onHandMin(), m.onHandMax(),
                    m.partsWaited(), m.replenishments()));
            sb.append(mt.render()).append('\n');
        }
        if (!r.fleets().isEmpty()) {
            TextTable fl = new TextTable("Fleets (share of truck time)", "fleet", "depot", "trucks", "trips", "km",
                    "driving", "loading", "unloading", "idle", "cost");
            r.fleets().forEach(f -> fl.row(f.id(), f.depot(), f.trucks(), f.trips(), f.km(),
                    TextTable.pct(f.drivingShare()), TextTable.pct(f.loadingShare()), TextTable.pct(f.unloadingShare()),
                    TextTable.pct(f.idleShare()), f.cost()));
            sb.append(fl.render()).append('\n');
        }
        if (!r.customers().isEmpty()) {
            TextTable cu = new TextTable("Customers", "customer", "orders", "units", "completed", "on time",
                    "lead time mean (h)", "p95");
            r.customers().forEach(c -> cu.row(c.id(), c.orders(), c.units(), c.completed(),
                    TextTable.pct(c.onTimeDelivery()), c.leadTimeMeanHours(), c.leadTimeP95Hours()));
            sb.append(cu.render()).append('\n');
        }
        if (!r.suppliers().isEmpty()) {
            TextTable su = new TextTable("Suppliers", "supplier", "purchase orders", "units", "late");
            r.suppliers().forEach(x -> su.row(x.id(), x.purchaseOrders(), x.units(), x.late()));
            sb.append(su.render()).append('\n');
        }
        RunResult.KernelStats k = r.kernel();
        sb.append("Kernel: ").append(k.logicalProcesses()).append(" logical processes, lookahead ")
                .append(k.lookaheadMillis()).append(" ms, ").append(k.windows()).append(" windows (")
                .append(k.deltaWindows()).append(" delta), ").append(k.events()).append(" events, ")
                .append(k.messages()).append(" messages\n");
        return sb.toString();
    }
}
