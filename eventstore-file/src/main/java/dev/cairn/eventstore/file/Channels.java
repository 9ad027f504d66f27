package dev.cairn.eventstore.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Opens the channels the store writes through (segments, checkpoints, the probe). Tests of this
 * package wrap the channels of one directory to inject write and fsync errors the kernel would
 * give on a failing disk; nothing else registers a wrapper, and an empty map costs one check.
 */
final class Channels {
    private static final Map<Path, UnaryOperator<FileChannel>> WRAPPERS = new ConcurrentHashMap<>();

    private Channels() {}

    static FileChannel open(Path file, OpenOption... options) throws IOException {
        FileChannel channel = FileChannel.open(file, options);
        if (WRAPPERS.isEmpty()) {
            return channel;
        }
        UnaryOperator<FileChannel> wrapper = WRAPPERS.get(file.toAbsolutePath().getParent());
        return wrapper == null ? channel : wrapper.apply(channel);
    }

    /** Writes the rest of {@code buf} at the channel's position: one write may take only part of it. */
    static void writeFully(FileChannel channel, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
    }

    /** Tests only: every channel opened in {@code dir} from now on goes through {@code wrapper}. */
    static void wrapIn(Path dir, UnaryOperator<FileChannel> wrapper) {
        WRAPPERS.put(dir.toAbsolutePath(), wrapper);
    }

    static void unwrap(Path dir) {
        WRAPPERS.remove(dir.toAbsolutePath());
    }
}
