package org.plantwin.learning.maintenance;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.recurrent.LSTM;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The RUL networks. Input {@code (B, W, F)}: W cycles of F scaled sensors; output {@code (B, 1)}: RUL / cap. */
public final class RulNetworks {

    /** The architectures {@link RulConfig#architecture()} may name. */
    public static final List<String> ARCHITECTURES = List.of("dcnn", "lstm", "cnnlstm");

    /** DCNN: feature maps per convolution, convolution layers, kernel length in cycles, dense width. */
    static final int DCNN_FILTERS = 10;
    static final int DCNN_LAYERS = 4;
    static final int DCNN_KERNEL = 9;
    static final int DCNN_DENSE = 100;
    /** LSTM: state size and layers. */
    static final int LSTM_STATE = 64;
    static final int LSTM_LAYERS = 2;
    /** CNN+LSTM: convolution maps and kernel length in cycles before the LSTM. */
    static final int HYBRID_FILTERS = 32;
    static final int HYBRID_KERNEL = 5;

    private RulNetworks() {
    }

    /** The network named {@code architecture}. */
    public static Block build(String architecture) {
        return switch (architecture) {
            case "dcnn" -> dcnn();
            case "lstm" -> lstm();
            case "cnnlstm" -> cnnLstm();
            default -> throw new IllegalArgumentException("The architecture (" + architecture + ") is unknown.");
        };
    }

    /** The shape-fixing hyper-parameters of {@code architecture}, stored in the descriptor. */
    public static Map<String, Integer> architecture(String architecture) {
        Map<String, Integer> m = new TreeMap<>();
        if (architecture.equals("dcnn")) {
            m.put("filters", DCNN_FILTERS);
            m.put("convLayers", DCNN_LAYERS);
            m.put("kernel", DCNN_KERNEL);
            m.put("dense", DCNN_DENSE);
        } else {
            if (architecture.equals("cnnlstm")) {
                m.put("filters", HYBRID_FILTERS);
                m.put("kernel", HYBRID_KERNEL);
            }
            m.put("state", LSTM_STATE);
            m.put("layers", LSTM_LAYERS);
        }
        return Map.copyOf(m);
    }

    /**
     * Li, Ding & Sun (RESS 2018) DCNN: the window as a one-channel image {@code (B, 1, W, F)}; four convolutions of
     * 10 maps with {@code (K, 1)} kernels run along time for each sensor ("same" padding, tanh), a fifth with one
     * map and a {@code (3, 1)} kernel, flatten {@code (B, W*F)}, dropout 0.5, dense 100 tanh, dense 1. Li used
     * K = 10; K = 9 here because "same" padding of an even kernel is asymmetric, which DJL's padding cannot express.
     */
    static Block dcnn() {
        SequentialBlock net = new SequentialBlock();
        net.add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().expandDims(1)), "toImage")); // (B, 1, W, F)
        for (int i = 0; i < DCNN_LAYERS; i++) {
            net.add(Conv2d.builder().setKernelShape(new Shape(DCNN_KERNEL, 1)).optPadding(new Shape(DCNN_KERNEL / 2, 0))
                    .setFilters(DCNN_FILTERS).build()); // (B, 10, W, F)
            net.add(Activation::tanh);
        }
        net.add(Conv2d.builder().setKernelShape(new Shape(3, 1)).optPadding(new Shape(1, 0)).setFilters(1)
                .build()); // (B, 1, W, F)
        net.add(Activation::tanh);
        net.add(Blocks.batchFlattenBlock()); // (B, W*F)
        net.add(Dropout.builder().optRate(0.5f).build());
        net.add(Linear.builder().setUnits(DCNN_DENSE).build()); // (B, 100)
        net.add(Activation::tanh);
        net.add(Linear.builder().setUnits(1).build()); // (B, 1)
        return net;
    }

    /** Two stacked LSTM layers over the cycles {@code (B, W, F) -> (B, W, S)}, the last step {@code (B, S)}, dense 1. */
    static Block lstm() {
        return lstmHead(new SequentialBlock());
    }

    /**
     * CNN+LSTM: a 1-D convolution along time over all sensors ({@code (B, F, W) -> (B, 32, W)}, kernel 5, same
     * padding, ReLU) extracts local trends, then the LSTM of {@link #lstm()} reads them.
     */
    static Block cnnLstm() {
        SequentialBlock net = new SequentialBlock();
        net.add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().transpose(0, 2, 1)), "toChannels")); // (B, F, W)
        net.add(Conv1d.builder().setKernelShape(new Shape(HYBRID_KERNEL)).optPadding(new Shape(HYBRID_KERNEL / 2))
                .setFilters(HYBRID_FILTERS).build()); // (B, 32, W)
        net.add(Activation::relu);
        net.add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().transpose(0, 2, 1)), "toSteps")); // (B, W, 32)
        return lstmHead(net);
    }

    /** Appends two LSTM layers {@code (B, W, C) -> (B, W, S)}, the last step {@code (B, S)} and dense 1. */
    private static Block lstmHead(SequentialBlock net) {
        net.add(LSTM.builder().setStateSize(LSTM_STATE).setNumLayers(LSTM_LAYERS).optBatchFirst(true)
                .optReturnState(false).build()); // (B, W, S)
        net.add(new LambdaBlock(x -> {
            NDArray seq = x.get(0);
            return new NDList(seq.get(":, -1, :")); // (B, S)
        }, "lastStep"));
        net.add(Linear.builder().setUnits(1).build()); // (B, 1)
        return net;
    }
}
