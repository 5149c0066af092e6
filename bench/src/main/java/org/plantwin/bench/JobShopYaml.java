package org.plantwin.bench;

import org.plantwin.planners.scheduling.api.Operation;
import org.plantwin.planners.scheduling.api.ShopInstance;

/** A job-shop instance as scenario YAML, laid out as the twin's job-shop env builds it (minutes, one group each). */
final class JobShopYaml {

    private JobShopYaml() {
    }

    static String of(ShopInstance inst) {
        StringBuilder y = new StringBuilder("name: js\n");
        long total = 0;
        StringBuilder products = new StringBuilder("products:\n");
        StringBuilder sources = new StringBuilder("sources:\n");
        StringBuilder[] times = new StringBuilder[inst.machineCount()];
        for (int m = 0; m < times.length; m++) {
            times[m] = new StringBuilder();
        }
        for (int j = 0; j < inst.jobCount(); j++) {
            StringBuilder route = new StringBuilder();
            for (Operation op : inst.job(j).operations()) {
                int m = op.options().get(0).machine();
                long d = op.options().get(0).duration();
                total += d;
                route.append(route.length() > 0 ? ", " : "").append('G').append(m);
                times[m].append(times[m].length() > 0 ? ", " : "").append('J').append(j).append(": ").append(d)
                        .append('m');
            }
            products.append("  - {id: J").append(j).append(", routing: [").append(route).append("]}\n");
            sources.append("  - {id: r").append(j).append(", orders: [{release: 0s, product: J").append(j)
                    .append(", quantity: 1}]}\n");
        }
        y.append("horizon: ").append(total + 1).append("m\n").append(products);
        y.append("machines:\n");
        for (int m = 0; m < times.length; m++) {
            y.append("  - {id: M").append(m).append(", processTime: 1m, processTimes: {").append(times[m])
                    .append("}}\n");
        }
        y.append("machineGroups:\n");
        for (int m = 0; m < times.length; m++) {
            y.append("  - {id: G").append(m).append(", machines: [M").append(m).append("]}\n");
        }
        return y.append(sources).append("sinks: [{id: done}]\n").toString();
    }
}
