package org.plantwin.planners.dispatch.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.plantwin.actors.api.DispatchPolicy.Decision;
import org.plantwin.actors.api.DispatchPolicy.Shipment;
import org.plantwin.actors.api.DispatchPolicy.View;

/** Decisions of the rolling-horizon dispatcher on hand-made views (the supply-chain fleet: 40 units, 50 km/h). */
class RoutingDispatcherTest {

    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    private static final long NOW = 10 * DAY + 9 * HOUR;
    /** Customers of the supply-chain scenario, depot at (5, 2). */
    private static final double[][] SITES = {{62.8, -4.1}, {60.5, 30.3}, {16.2, 23.9}, {20.2, 79.1}, {-10.1, 35.1},
        {-45.1, 18.9}, {-47.9, -5.2}, {-20.6, -14.7}, {-31.6, -70.0}, {5.7, -69.9}, {18.7, -18.3}, {61.0, -23.0}};

    private static Shipment shipment(long id, int customer, int units, long ready, long due) {
        return new Shipment(id, "C" + customer, SITES[customer][0], SITES[customer][1], units, ready, due);
    }

    private static View view(List<Shipment> waiting) {
        return new View(NOW, "trucks", 5, 2, 40, 4, 4, 50, 30 * 60_000L, 15 * 60_000L, waiting);
    }

    /** Shipments as the twin makes them: 1-40 units, due two days after they became ready. */
    private static List<Shipment> randomShipments(long seed, int count) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Shipment> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long ready = NOW - rng.nextLong(30 * HOUR);
            out.add(shipment(100 + i, rng.nextInt(SITES.length), 1 + rng.nextInt(rng.nextBoolean() ? 8 : 40), ready,
                    ready + 2 * DAY));
        }
        return out;
    }

    private static final RoutingDispatcher DISPATCHER = RoutingDispatcher.create(RoutingDispatcher.Options.defaults());

    @Test
    void neverPlansOrLoadsMoreThanTheCapacity() {
        for (long seed = 1; seed <= 20; seed++) {
            View v = view(randomShipments(seed, 30));
            Map<Long, Shipment> byId = v.waiting().stream().collect(Collectors.toMap(Shipment::id, Function.identity()));

            RoutingDispatcher.Plan plan = DISPATCHER.plan(v);

            for (RoutingDispatcher.PlannedRoute r : plan.routes()) {
                assertThat(r.units()).as("seed %d route %s", seed, r.shipmentIds()).isLessThanOrEqualTo(40)
                        .isEqualTo(r.shipmentIds().stream().mapToInt(id -> byId.get(id).units()).sum());
            }
            int loaded = plan.decision().shipmentIds().stream().mapToInt(id -> byId.get(id).units()).sum();
            assertThat(loaded).as("seed %d", seed).isLessThanOrEqualTo(40);
        }
    }

    @Test
    void plansEveryWaitingShipmentOnceAndLoadsOnlyWaitingIds() {
        for (long seed = 1; seed <= 20; seed++) {
            View v = view(randomShipments(seed, 25));
            Set<Long> waiting = v.waiting().stream().map(Shipment::id).collect(Collectors.toSet());

            RoutingDispatcher.Plan plan = DISPATCHER.plan(v);

            List<Long> planned = plan.routes().stream().flatMap(r -> r.shipmentIds().stream()).toList();
            assertThat(planned).as("seed %d", seed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(waiting);
            assertThat(new HashSet<>(plan.decision().shipmentIds())).as("seed %d", seed).isSubsetOf(waiting);
            assertThat(plan.decision().shipmentIds()).doesNotHaveDuplicates();
        }
    }

    @Test
    void decidesTheSameForTheSameViewWhicheverInstanceIsAsked() {
        View v = view(randomShipments(7, 30));

        Decision first = DISPATCHER.decide(v);
        Decision second = RoutingDispatcher.create(RoutingDispatcher.Options.defaults()).decide(v);

        assertThat(second).isEqualTo(first);
        assertThat(DISPATCHER.plan(v)).isEqualTo(DISPATCHER.plan(v));
    }

    @Test
    void sendsTheUrgentShipmentFirstEvenWhenTheTruckIsNearlyEmpty() {
        // Ten small shipments due in two days and one for far-away C09 (quarry) due in three hours.
        List<Shipment> waiting = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            waiting.add(shipment(i, i % 5, 2, NOW, NOW + 2 * DAY));
        }
        waiting.add(shipment(99, 8, 3, NOW - HOUR, NOW + 3 * HOUR));

        RoutingDispatcher.Plan plan = DISPATCHER.plan(view(waiting));

        assertThat(plan.reason()).isEqualTo(RoutingDispatcher.Reason.URGENT);
        assertThat(plan.decision().shipmentIds()).contains(99L);
    }

    @Test
    void waitsForMoreOrdersWhenTheLoadIsSmallAndNothingIsUrgent() {
        View v = view(List.of(shipment(1, 2, 5, NOW - HOUR, NOW - HOUR + 2 * DAY),
                shipment(2, 4, 6, NOW, NOW + 2 * DAY)));

        Decision d = DISPATCHER.decide(v);

        // Nothing goes; look again when the oldest shipment has waited the 4 h hold.
        assertThat(d.shipmentIds()).isEmpty();
        assertThat(d.recheckAtMillis()).isEqualTo(NOW - HOUR + 4 * HOUR);
    }

    @Test
    void sendsANearlyFullRouteAtOnce() {
        View v = view(List.of(shipment(1, 2, 20, NOW, NOW + 2 * DAY), shipment(2, 4, 12, NOW, NOW + 2 * DAY)));

        RoutingDispatcher.Plan plan = DISPATCHER.plan(v);

        assertThat(plan.reason()).isEqualTo(RoutingDispatcher.Reason.FULL);
        assertThat(plan.decision().shipmentIds()).containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void leavesBeforeTheShiftEndsWhenTheLastSafeDepartureFallsInTheNight() {
        long day = 10 * DAY;
        RoutingDispatcher shifted = RoutingDispatcher.create(RoutingDispatcher.Options.defaults()
                .withShift(6 * HOUR, 22 * HOUR));
        // At 20:00 a shipment for C03 due at 08:00 tomorrow: 6 h reserve makes the last safe departure ~01:00,
        // outside the 06:00-22:00 shift, so it must leave by 22:00 today.
        View v = new View(day + 20 * HOUR, "trucks", 5, 2, 40, 4, 4, 50, 30 * 60_000L, 15 * 60_000L,
                List.of(shipment(1, 2, 5, day + 20 * HOUR, day + DAY + 8 * HOUR)));

        Decision d = shifted.decide(v);

        assertThat(d.shipmentIds()).isEmpty();
        assertThat(d.recheckAtMillis()).isEqualTo(day + 22 * HOUR - 1);
        assertThat(shifted.lastDepartureAtOrBefore(day + 3 * HOUR)).isEqualTo(day - DAY + 22 * HOUR - 1);
        assertThat(shifted.lastDepartureAtOrBefore(day + 7 * HOUR)).isEqualTo(day + 7 * HOUR);
    }

    @Test
    void rejectsAShiftThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> RoutingDispatcher.Options.defaults().withShift(22 * HOUR, 6 * HOUR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("79200000, 21600000");
    }
}
