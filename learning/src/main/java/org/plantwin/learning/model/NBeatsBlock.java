package org.plantwin.learning.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * N-BEATS, generic architecture (Oreshkin et al., ICLR 2020): a chain of fully connected blocks; each block
 * reads the residual of the lookback window, subtracts its backcast from it and adds its forecast to the sum.
 *
 * <p>Shapes: input {@code (B, L)} lookback window, output {@code (B, H)} forecast.
 */
public final class NBeatsBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int inputLength;
    private final int horizon;
    private final int skipPeriod;
    private final List<SequentialBlock> stacks = new ArrayList<>();
    private final List<Linear> backcasts = new ArrayList<>();
    private final List<Linear> forecasts = new ArrayList<>();

    /**
     * @param inputLength L, the lookback window
     * @param horizon H, the forecast horizon
     * @param blocks the number of blocks in the chain
     * @param layers fully connected ReLU layers per block
     * @param width units per layer
     * @param skipPeriod when > 0, the last {@code skipPeriod} inputs repeated over the horizon (seasonal naive)
     *     are added to the output
     */
    public NBeatsBlock(int inputLength, int horizon, int blocks, int layers, int width, int skipPeriod) {
        super(VERSION);
        if (skipPeriod > inputLength) {
            throw new IllegalArgumentException(
                    "The skip period (" + skipPeriod + ") must be <= the input length (" + inputLength + ").");
        }
        this.inputLength = inputLength;
        this.horizon = horizon;
        this.skipPeriod = skipPeriod;
        for (int b = 0; b < blocks; b++) {
            SequentialBlock fc = new SequentialBlock();
            for (int k = 0; k < layers; k++) {
                fc.add(Linear.builder().setUnits(width).build()).add(Activation.reluBlock());
            }
            stacks.add(addChildBlock("fc" + b, fc));
            backcasts.add(addChildBlock("backcast" + b, Linear.builder().setUnits(inputLength).build()));
            forecasts.add(addChildBlock("forecast" + b, Linear.builder().setUnits(horizon).build()));
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray residual = inputs.singletonOrThrow(); // (B, L)
        NDArray forecast = null; // (B, H)
        for (int b = 0; b < stacks.size(); b++) {
            NDArray hidden = stacks.get(b).forward(ps, new NDList(residual), training).singletonOrThrow(); // (B, W)
            NDArray back = backcasts.get(b).forward(ps, new NDList(hidden), training).singletonOrThrow(); // (B, L)
            NDArray fore = forecasts.get(b).forward(ps, new NDList(hidden), training).singletonOrThrow(); // (B, H)
            residual = residual.sub(back);
            forecast = forecast == null ? fore : forecast.add(fore);
        }
        if (skipPeriod > 0) {
            forecast = forecast.add(SeasonalSkip.repeatLastCycle(inputs.singletonOrThrow(), skipPeriod, horizon));
        }
        return new NDList(forecast);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), horizon)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0]; // (B, L)
        for (int b = 0; b < stacks.size(); b++) {
            stacks.get(b).initialize(manager, dataType, in);
            Shape hidden = stacks.get(b).getOutputShapes(new Shape[] {in})[0]; // (B, W)
            backcasts.get(b).initialize(manager, dataType, hidden);
            forecasts.get(b).initialize(manager, dataType, hidden);
        }
    }

    public int inputLength() {
        return inputLength;
    }
}
