package org.plantwin.twin.generate;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one column of a generator drives in a scenario, written as the column is named by {@link Histories}:
 * {@code customers[C01].demand[A]} (units of product A that customer C01 orders per period) or
 * {@code machines[M1].failures[0].timeBetweenMinutes} / {@code machines[M1].failures[0].repairMinutes} (the
 * durations failure mode 0 of machine M1 replays, in minutes) or {@code fleets[F1].travelFactor} (the travel-time
 * factors fleet F1 replays on its legs, in driving order).
 */
public sealed interface GeneratorTarget {

    /** The column name that denotes this target. */
    String text();

    /** Units of {@code product} that {@code customer} orders per period. */
    record Demand(String customer, String product) implements GeneratorTarget {
        public Demand {
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(product, "product");
        }

        @Override
        public String text() {
            return "customers[" + customer + "].demand[" + product + "]";
        }
    }

    /** Times between failures ({@code repair} false) or repair times of failure mode {@code mode}, in minutes. */
    record Failure(String machine, int mode, boolean repair) implements GeneratorTarget {
        public Failure {
            Objects.requireNonNull(machine, "machine");
            if (mode < 0) {
                throw new IllegalArgumentException("The failure mode (" + mode + ") must be >= 0.");
            }
        }

        @Override
        public String text() {
            return "machines[" + machine + "].failures[" + mode + "]." + (repair ? "repairMinutes" : "timeBetweenMinutes");
        }
    }

    /** The travel-time factor of each leg {@code fleet} drives (leg time = distance / speed x factor). */
    record Travel(String fleet) implements GeneratorTarget {
        public Travel {
            Objects.requireNonNull(fleet, "fleet");
        }

        @Override
        public String text() {
            return "fleets[" + fleet + "].travelFactor";
        }
    }

    Pattern DEMAND = Pattern.compile("customers\\[([^\\]]+)]\\.demand\\[([^\\]]+)]");
    Pattern FAILURE = Pattern.compile("machines\\[([^\\]]+)]\\.failures\\[([0-9]+)]\\.(timeBetweenMinutes|repairMinutes)");
    Pattern TRAVEL = Pattern.compile("fleets\\[([^\\]]+)]\\.travelFactor");

    /**
     * Parses a target.
     *
     * @throws IllegalArgumentException naming the text and the three forms
     */
    static GeneratorTarget parse(String text) {
        String t = text.strip();
        Matcher d = DEMAND.matcher(t);
        if (d.matches()) {
            return new Demand(d.group(1), d.group(2));
        }
        Matcher f = FAILURE.matcher(t);
        if (f.matches()) {
            return new Failure(f.group(1), Integer.parseInt(f.group(2)), f.group(3).equals("repairMinutes"));
        }
        Matcher v = TRAVEL.matcher(t);
        if (v.matches()) {
            return new Travel(v.group(1));
        }
        throw new IllegalArgumentException("The target (" + text + ") is neither customers[CUSTOMER].demand[PRODUCT]"
                + " nor machines[MACHINE].failures[N].timeBetweenMinutes|repairMinutes nor fleets[FLEET].travelFactor."
                + " Maybe map the column in targets: {\"" + text + "\": \"customers[C01].demand[A]\"}.");
    }
}
