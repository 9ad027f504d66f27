package dev.cairn.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One connected {@code /api/stream} client: a bounded queue of ready-made frames, drained by the
 * client's own request thread. The broadcaster never writes to a socket, so a slow client delays
 * nobody; one that falls {@link #CAPACITY} frames behind is disconnected (it reconnects and
 * re-reads the view) rather than allowed to grow the server's memory.
 */
final class SseClient {

    static final int CAPACITY = 8192;
    private static final int MAX_FRAMES_PER_FLUSH = 256;
    private static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.UTF_8);
    /** Marks the end of the stream; compared by identity. */
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> frames = new ArrayBlockingQueue<>(CAPACITY);

    /** @return false when the client is too far behind to take the frame */
    boolean offer(byte[] frame) {
        return frames.offer(frame);
    }

    /** Ends the stream after frames already queued, or at once for a client that fell behind. */
    void end(boolean dropQueued) {
        if (dropQueued) {
            frames.clear();
        }
        while (!frames.offer(END)) {
            frames.poll(); // full of frames the client will not read anyway: make room for the end
        }
    }

    /**
     * Writes frames until the stream ends; writes a heartbeat comment whenever {@code heartbeat}
     * passes without a frame, which is also how a vanished client is noticed.
     *
     * @throws IOException when the client has gone away
     */
    void run(OutputStream out, Duration heartbeat) throws IOException, InterruptedException {
        long heartbeatNanos = heartbeat.toNanos();
        while (true) {
            byte[] frame = frames.poll(heartbeatNanos, TimeUnit.NANOSECONDS);
            if (frame == null) {
                out.write(HEARTBEAT);
            } else if (frame == END || !writeBatch(out, frame)) {
                out.flush();
                return;
            }
            out.flush();
        }
    }

    /** Writes this frame and those already waiting, so a burst costs one flush; false when the end was reached. */
    private boolean writeBatch(OutputStream out, byte[] first) throws IOException {
        out.write(first);
        for (int i = 1; i < MAX_FRAMES_PER_FLUSH; i++) {
            byte[] next = frames.poll();
            if (next == null) {
                return true;
            }
            if (next == END) {
                return false;
            }
            out.write(next);
        }
        return true;
    }
}
