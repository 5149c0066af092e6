package org.plantwin.twin.cluster;

import java.util.List;
import java.util.Objects;

/**
 * How a node joins the cluster.
 *
 * @param host         the address other nodes reach this one at (Artery's canonical hostname)
 * @param port         the Artery TCP port; 0 picks a free one
 * @param seedNodes    {@code host:port} or {@code pekko://plantwin@host:port}; empty: the seed nodes of the
 *                     configuration ({@code pekko.cluster.seed-nodes}), else this node starts a new cluster
 * @param roles        cluster roles besides {@code worker}, which a node with lanes always has
 * @param lanes        simulation lanes of this node's worker; 0: a coordinator that runs nothing itself
 * @param extraConfig  HOCON that overrides the rest (for example a shorter
 *                     {@code pekko.cluster.split-brain-resolver.stable-after}); empty for none
 */
public record ClusterSettings(String host, int port, List<String> seedNodes, List<String> roles, int lanes,
                              String extraConfig) {

    /** The actor system name every node of a plantwin cluster uses. */
    public static final String SYSTEM_NAME = "plantwin";

    public ClusterSettings {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("The cluster port (" + port + ") must be in 0..65535.");
        }
        if (lanes < 0) {
            throw new IllegalArgumentException("The lanes (" + lanes + ") must be >= 0.");
        }
        seedNodes = List.copyOf(seedNodes == null ? List.of() : seedNodes);
        roles = List.copyOf(roles == null ? List.of() : roles);
        extraConfig = extraConfig == null ? "" : extraConfig;
    }

    /** 127.0.0.1:2551, no seed nodes (a new cluster), one lane per core. */
    public static ClusterSettings defaults() {
        return new ClusterSettings("127.0.0.1", 2551, List.of(), List.of(),
                Runtime.getRuntime().availableProcessors(), "");
    }

    public ClusterSettings withHost(String h) {
        return new ClusterSettings(h, port, seedNodes, roles, lanes, extraConfig);
    }

    public ClusterSettings withPort(int p) {
        return new ClusterSettings(host, p, seedNodes, roles, lanes, extraConfig);
    }

    public ClusterSettings withSeedNodes(List<String> s) {
        return new ClusterSettings(host, port, s, roles, lanes, extraConfig);
    }

    public ClusterSettings withRoles(List<String> r) {
        return new ClusterSettings(host, port, seedNodes, r, lanes, extraConfig);
    }

    public ClusterSettings withLanes(int n) {
        return new ClusterSettings(host, port, seedNodes, roles, n, extraConfig);
    }

    public ClusterSettings withExtraConfig(String hocon) {
        return new ClusterSettings(host, port, seedNodes, roles, lanes, hocon);
    }

    /** {@code pekko://plantwin@host:port} for {@code host:port}; a full address is kept as it is. */
    public static String seedAddress(String seed) {
        Objects.requireNonNull(seed, "seed");
        String s = seed.strip();
        if (s.contains("://")) {
            return s;
        }
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || colon == s.length() - 1) {
            throw new IllegalArgumentException("The seed node (" + seed + ") must be host:port or"
                    + " pekko://" + SYSTEM_NAME + "@host:port. Maybe write 127.0.0.1:2551.");
        }
        try {
            Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The seed node (" + seed + ") has no numeric port. Maybe write "
                    + s.substring(0, colon) + ":2551.", e);
        }
        return "pekko://" + SYSTEM_NAME + "@" + s;
    }
}
