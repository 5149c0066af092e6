package org.plantwin.twin.live;

import java.nio.file.Path;
import java.util.function.LongSupplier;
import org.plantwin.actors.api.LiveTwin;

/**
 * What the actor owning a live twin does besides answering: on each pacer tick it keeps pace with the wall clock
 * (speed x elapsed wall time), forces the journal to the disk, and every 5 s saves the time reached; on stop it
 * saves and closes. Shared by the local twins ({@link LiveTwins}) and the sharded ones; one owner, its thread only.
 */
public final class TwinKeeper {

    private static final long SAVE_EVERY_MILLIS = 5_000;

    private final LiveTwins.Definition def;
    private final LiveTwin twin;
    private final Path home;
    private final LongSupplier wall;
    private final TwinJournal journal;
    private long lastSaved;

    /** {@code home} null: in memory only (no journal, nothing saved). */
    public TwinKeeper(LiveTwins.Definition def, LiveTwin twin, Path home, LongSupplier wall) {
        this.def = def;
        this.twin = twin;
        this.home = home;
        this.wall = wall;
        this.journal = TwinJournal.open(home);
        this.lastSaved = wall.getAsLong();
    }

    /** The journal applied telemetry is appended to, or null in memory. */
    public TwinJournal journal() {
        return journal;
    }

    /** The pacer's tick. */
    public void tick() {
        if (def.speed() > 0) {
            twin.advanceTo(LiveTwins.clock(def, wall.getAsLong()));
        }
        if (home == null) {
            return;
        }
        journal.sync();
        if (wall.getAsLong() - lastSaved > SAVE_EVERY_MILLIS) {
            LiveTwins.saveReached(home, twin);
            lastSaved = wall.getAsLong();
        }
    }

    /** Saves the time reached now (after the clock was moved by hand). */
    public void save() {
        if (home != null) {
            LiveTwins.saveReached(home, twin);
            lastSaved = wall.getAsLong();
        }
    }

    /** Saves the time reached and closes the journal. */
    public void stop() {
        if (home != null) {
            save();
            journal.close();
        }
    }
}
