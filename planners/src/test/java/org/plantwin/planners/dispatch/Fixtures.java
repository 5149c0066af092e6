package org.plantwin.planners.dispatch;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;

import org.plantwin.planners.dispatch.api.DistanceConvention;
import org.plantwin.planners.dispatch.api.RoutingInstance;
import org.plantwin.planners.dispatch.api.SolomonReader;
import org.plantwin.planners.dispatch.api.VrplibReader;

/** Test resources under {@code src/test/resources/vrptw} and {@code .../cvrp}. */
final class Fixtures {

    private Fixtures() {
    }

    static Path resource(String relative) {
        try {
            return Path.of(Objects.requireNonNull(Fixtures.class.getResource("/" + relative), relative).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static RoutingInstance solomon(String name, DistanceConvention convention) {
        return SolomonReader.read(resource("vrptw/" + name + ".txt"), convention);
    }

    static RoutingInstance augerat(String name) {
        return VrplibReader.read(resource("cvrp/" + name + ".vrp"));
    }
}
