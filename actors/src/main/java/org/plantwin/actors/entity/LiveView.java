package org.plantwin.actors.entity;

import java.util.Map;
import java.util.function.BiConsumer;

/** An LP whose current state a live twin can read between steps (never change). */
public interface LiveView {

    /** Writes the state of each entity this LP owns: entity id, then its fields in a stable order. */
    void describe(BiConsumer<String, Map<String, Object>> out);
}
