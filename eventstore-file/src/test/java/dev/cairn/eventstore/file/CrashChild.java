package dev.cairn.eventstore.file;

import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The process {@link CrashTest} kills: appends from many writers until it is killed, printing
 * {@code A <event id>} for every event only after its append was acknowledged.
 * Arguments: data directory, writer count.
 */
public final class CrashChild {
    static final String TYPE = "crash.Appended";

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int writers = Integer.parseInt(args[1]);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false);
        FileStoreOptions options =
                FileStoreOptions.defaults(dir).withSegmentSize(256 << 10).withCheckpointInterval(96 << 10);
        FileEventStore store = FileEventStore.open(options);
        synchronized (out) {
            out.println("READY " + store.headPosition());
            out.flush();
        }
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String stream = "crash-" + w + "-" + UUID.randomUUID();
            threads.add(Thread.ofVirtual().start(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (true) {
                    int n = 1 + random.nextInt(random.nextInt(10) == 0 ? 40 : 3);
                    List<NewEvent> events = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        UUID id = UUID.randomUUID();
                        events.add(new NewEvent(id, TYPE, payload(id), id, UUID.nameUUIDFromBytes(stream.getBytes())));
                    }
                    store.append(stream, ExpectedVersion.any(), events);
                    StringBuilder line = new StringBuilder(n * 40);
                    for (NewEvent e : events) {
                        line.append("A ").append(e.eventId()).append('\n');
                    }
                    synchronized (out) {
                        out.print(line);
                        out.flush();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    /** The bytes an event carries, derived from its id so the parent can check them. */
    static byte[] payload(UUID id) {
        Random random = new Random(id.getMostSignificantBits() ^ id.getLeastSignificantBits());
        byte[] data = new byte[1 + random.nextInt(400)];
        random.nextBytes(data);
        return data;
    }
}
