package org.plantwin.twin.live;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.plantwin.actors.api.LiveTwin;

/**
 * A live twin's append-only journal ({@code journal.jsonl}): every applied message is written and flushed to the
 * operating system before its batch is acknowledged (it survives the process dying), and forced to the disk on
 * {@link #sync()} (the pacer's tick, every 200 ms: a power cut may lose the last tick's messages). One owner.
 */
public final class TwinJournal implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final BufferedWriter out;
    private boolean dirty;

    private TwinJournal(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        this.out = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8), 1 << 16);
    }

    /** The journal in {@code home} (created when missing); null when {@code home} is null (in memory only). */
    public static TwinJournal open(Path home) {
        if (home == null) {
            return null;
        }
        try {
            return new TwinJournal(home.resolve("journal.jsonl"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the journal " + home.resolve("journal.jsonl") + ".", e);
        }
    }

    /** Appends entries and flushes them to the operating system. */
    public void append(List<LiveTwin.Applied> entries) {
        if (entries.isEmpty()) {
            return;
        }
        try {
            for (LiveTwin.Applied a : entries) {
                out.write(LiveTwins.journalLine(a));
                out.write('\n');
            }
            out.flush();
            dirty = true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to the journal " + file + ".", e);
        }
    }

    /** Forces what was appended since the last sync to the disk. */
    public void sync() {
        if (!dirty) {
            return;
        }
        try {
            channel.force(false);
            dirty = false;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot sync the journal " + file + ".", e);
        }
    }

    @Override
    public void close() {
        try {
            sync();
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the journal " + file + ".", e);
        }
    }
}
