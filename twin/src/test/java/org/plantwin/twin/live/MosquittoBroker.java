package org.plantwin.twin.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Mosquitto broker for tests and harnesses: the Debian binary on a free 127.0.0.1 port, configured from a
 * generated file in a temporary directory, stopped (and its directory removed) on close.
 *
 * <pre>{@code
 * assumeTrue(MosquittoBroker.isInstalled(), "mosquitto is not installed (apt-get install mosquitto)");
 * try (MosquittoBroker broker = MosquittoBroker.start()) {
 *     MqttBridge.start(broker.uri(), "test", ingest);   // tcp://127.0.0.1:PORT
 * }
 * }</pre>
 *
 * <p>No JUnit here: {@code bench}'s {@code MqttIngestHarness} uses it too (through twin's test jar).
 */
public final class MosquittoBroker implements AutoCloseable {

    /** Where Debian's {@code mosquitto} package installs the broker. */
    public static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    private static final long START_TIMEOUT_MILLIS = 10_000;
    private static final int ATTEMPTS = 3;

    private final Process process;
    private final Path dir;
    private final int port;
    /** Stops the broker if the JVM ends without close() (a harness stopped with Ctrl-C, a killed test run). */
    private final Thread stopOnExit;

    private MosquittoBroker(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
        this.stopOnExit = new Thread(this::stop, "mosquitto-" + port + "-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** Whether the broker binary is there (tests skip through an assumption when it is not). */
    public static boolean isInstalled() {
        return Files.isExecutable(BINARY);
    }

    /**
     * Starts a broker and returns once its port accepts connections. Unlimited queues: a test that publishes
     * thousands of QoS 1 messages must not lose any to Mosquitto's default limit of 1,000 queued per client. Nagle's
     * algorithm off, as in {@link MqttBridge#tcpNoDelaySocketFactory()}.
     *
     * @throws IllegalStateException when it does not come up (the message carries its log)
     */
    public static MosquittoBroker start() {
        if (!isInstalled()) {
            throw new IllegalStateException("The broker (" + BINARY + ") is not installed. Maybe apt-get install"
                    + " mosquitto.");
        }
        IllegalStateException last = null;
        // The free port is found by binding and releasing it, so another process may take it first: retry.
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return startOnce(freePort());
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw last;
    }

    /** Starts a broker on {@code port} (to restart one where its clients expect it), once its port accepts. */
    public static MosquittoBroker start(int port) {
        return startOnce(port);
    }

    private static MosquittoBroker startOnce(int port) {
        Path dir;
        Process process;
        try {
            dir = Files.createTempDirectory("plantwin-mosquitto-");
            Path conf = dir.resolve("mosquitto.conf");
            Files.writeString(conf, String.join("\n",
                    "listener " + port + " 127.0.0.1",
                    "allow_anonymous true",
                    "persistence false",
                    "max_queued_messages 0",
                    "max_inflight_messages 0",
                    "set_tcp_nodelay true",
                    "log_dest stderr",
                    "log_type error",
                    "log_type warning",
                    ""), StandardCharsets.UTF_8);
            process = new ProcessBuilder(BINARY.toString(), "-c", conf.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + BINARY + ": " + e.getMessage(), e);
        }
        MosquittoBroker broker = new MosquittoBroker(process, dir, port);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String log = broker.log();
                broker.close();
                throw new IllegalStateException("mosquitto exited with " + process.exitValue() + " on port " + port
                        + ": " + log);
            }
            if (accepts(port)) {
                return broker;
            }
            pause();
        }
        String log = broker.log();
        broker.close();
        throw new IllegalStateException("mosquitto did not accept connections on port " + port + " within "
                + START_TIMEOUT_MILLIS + " ms: " + log);
    }

    /** {@code tcp://127.0.0.1:PORT}. */
    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** What the broker has logged so far (errors and warnings). */
    public String log() {
        try {
            return Files.readString(dir.resolve("mosquitto.log"), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the broker (SIGTERM, then SIGKILL after 5 s) and removes its directory. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            return; // the JVM is already shutting down: the hook stops the broker
        }
        stop();
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the broker's directory " + dir, e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port", e);
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20); // polling a child process's port: real I/O, nothing to wait on but time
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for mosquitto", e);
        }
    }
}
