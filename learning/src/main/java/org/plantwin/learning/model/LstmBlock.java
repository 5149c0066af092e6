package org.plantwin.learning.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Sequence-to-vector LSTM forecaster: an LSTM reads the scaled lookback window one value per step and a
 * linear head maps its last hidden state to every (quantile, step) pair at once.
 *
 * <p>Shapes: input {@code (B, L)}; internally {@code (B, L, 1)} -> LSTM {@code (B, L, S)} -> last step
 * {@code (B, S)} -> head {@code (B, Q*H)}; output {@code (B, Q, H)}.
 */
public final class LstmBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int horizon;
    private final int quantiles;
    private final int skipPeriod;
    private final LSTM lstm;
    private final Linear head;

    /**
     * @param horizon H
     * @param quantiles Q, the number of quantile outputs per step
     * @param stateSize S, the LSTM state size
     * @param layers stacked LSTM layers
     * @param skipPeriod when > 0, the last {@code skipPeriod} inputs repeated over the horizon (seasonal naive)
     *     are added to every quantile's output
     */
    public LstmBlock(int horizon, int quantiles, int stateSize, int layers, int skipPeriod) {
        super(VERSION);
        this.skipPeriod = skipPeriod;
        this.horizon = horizon;
        this.quantiles = quantiles;
        this.lstm = addChildBlock("lstm", LSTM.builder().setStateSize(stateSize).setNumLayers(layers)
                .optBatchFirst(true).optReturnState(false).build());
        this.head = addChildBlock("head", Linear.builder().setUnits((long) quantiles * horizon).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow(); // (B, L)
        NDArray seq = x.expandDims(2); // (B, L, 1)
        NDArray out = lstm.forward(ps, new NDList(seq), training).get(0); // (B, L, S)
        NDArray last = out.get(":, -1, :"); // (B, S)
        NDArray y = head.forward(ps, new NDList(last), training).singletonOrThrow(); // (B, Q*H)
        NDArray out3 = y.reshape(-1, quantiles, horizon); // (B, Q, H)
        if (skipPeriod > 0) {
            out3 = out3.add(SeasonalSkip.repeatLastCycle(x, skipPeriod, horizon).expandDims(1)); // + (B, 1, H)
        }
        return new NDList(out3);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), quantiles, horizon)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0]; // (B, L)
        Shape seq = new Shape(in.get(0), in.get(1), 1); // (B, L, 1)
        lstm.initialize(manager, dataType, seq);
        Shape lstmOut = lstm.getOutputShapes(new Shape[] {seq})[0]; // (B, L, S)
        head.initialize(manager, dataType, new Shape(in.get(0), lstmOut.get(2)));
    }
}
