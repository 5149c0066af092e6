package org.plantwin.learning.inspection;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The defect CNN: four blocks of 3x3 conv + batch norm + ReLU (filters w, 2w, 4w, 4w), 2x2 max pooling after
 * the first three, global average pooling and one dense layer to the class logits.
 */
public final class InspectionNetwork {

    /** Bump when the layout changes: saved parameters of another version do not fit. */
    public static final int VERSION = 1;

    private InspectionNetwork() {
    }

    /** The network for {@code classes} classes; input {@code (B, 1, S, S)}, output logits {@code (B, classes)}. */
    public static Block build(int width, int classes) {
        SequentialBlock net = new SequentialBlock();
        int[] filters = {width, 2 * width, 4 * width, 4 * width};
        for (int i = 0; i < filters.length; i++) {
            net.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                    .setFilters(filters[i]).build()); // (B, F_i, S_i, S_i)
            net.add(BatchNorm.builder().build());
            net.add(Activation.reluBlock());
            if (i < filters.length - 1) {
                net.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2))); // S_i -> S_i / 2
            }
        }
        net.add(Pool.globalAvgPool2dBlock()); // (B, 4w)
        net.add(Blocks.batchFlattenBlock());
        net.add(Linear.builder().setUnits(classes).build()); // (B, classes)
        return net;
    }

    /** The hyper-parameters that fix the parameter shapes, as saved in the descriptor. */
    public static Map<String, Integer> architecture(int width, int classes) {
        Map<String, Integer> a = new LinkedHashMap<>();
        a.put("version", VERSION);
        a.put("convBlocks", 4);
        a.put("width", width);
        a.put("classes", classes);
        return a;
    }
}
