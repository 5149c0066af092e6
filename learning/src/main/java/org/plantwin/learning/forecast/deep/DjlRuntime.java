package org.plantwin.learning.forecast.deep;

import ai.djl.engine.Engine;

/**
 * Loads the PyTorch engine without touching the network: the CPU natives come from the
 * {@code pytorch-native-cpu} (classifier {@code linux-x86_64}) and {@code pytorch-jni} jars on the class path,
 * and {@code ai.djl.offline=true} makes DJL fail rather than download anything. A CUDA natives jar on the class
 * path instead (see README) makes {@link Engine#defaultDevice()} the GPU.
 */
public final class DjlRuntime {

    /** The engine every deep forecaster uses. */
    public static final String ENGINE = "PyTorch";

    private DjlRuntime() {
    }

    /**
     * The PyTorch engine, configured on first use: offline, and with {@code threads} intra-op threads
     * (0 = keep the engine's default). Settings given as system properties take precedence; thread counts
     * only take effect before the engine's first load.
     */
    public static synchronized Engine engine(int threads) {
        setIfAbsent("ai.djl.offline", "true");
        if (threads > 0) {
            setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(threads));
            setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        }
        return Engine.getEngine(ENGINE);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null && System.getenv(key) == null) {
            System.setProperty(key, value);
        }
    }
}
