package dev.cairn.eventstore.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.store.RecordedEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requirement 8 under SIGKILL: a child JVM appends with many writers and reports each
 * acknowledged event id; the parent kills it at random moments, reopens the store, and checks
 * that every acknowledged event is there with its exact bytes and that the verifier passes.
 * {@code -Dcairn.crash.kills=N} (the {@code stress} profile sets 500).
 */
class CrashTest {
    private static final int KILLS_PER_DIRECTORY = 25;

    @TempDir
    Path root;

    Path dir;

    @Test
    void every_acknowledged_append_survives_sigkill() throws Exception {
        int kills = Integer.getInteger("cairn.crash.kills", 20);
        Random random = new Random();
        Set<UUID> acknowledged = new HashSet<>();
        long lastHead = 0;
        int recoveredPastCheckpoint = 0;
        for (int kill = 0; kill < kills; kill++) {
            if (kill % KILLS_PER_DIRECTORY == 0) {
                // a fresh log now and then keeps each reopen and verify short however many kills are asked for
                dir = root.resolve("log-" + kill);
                acknowledged.clear();
                lastHead = 0;
            }
            Process child = start(16 + random.nextInt(48));
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            List<UUID> acked = new ArrayList<>();
            String ready = out.readLine();
            assertThat(ready).as("child start (stderr in the surefire report)").startsWith("READY");
            assertThat(Long.parseLong(ready.substring(6))).isGreaterThanOrEqualTo(lastHead);
            CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> readAcks(out, acked));
            Thread.sleep(20 + random.nextInt(400));
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.get(30, TimeUnit.SECONDS);
            synchronized (acked) {
                acknowledged.addAll(acked);
            }
            Checkpoint beforeRecovery = Checkpoint.read(dir);
            lastHead = checkEverythingAcknowledgedIsThere(acknowledged);
            if (beforeRecovery != null && beforeRecovery.position() < lastHead) {
                recoveredPastCheckpoint++;
            }
        }
        assertThat(acknowledged).isNotEmpty();
        assertThat(recoveredPastCheckpoint)
                .as("kills that left acknowledged events after the checkpoint")
                .isGreaterThan(kills / 4);
    }

    private long checkEverythingAcknowledgedIsThere(Set<UUID> acknowledged) {
        Map<UUID, RecordedEvent> stored = new HashMap<>();
        long head;
        try (FileEventStore store = FileEventStore.open(dir)) {
            head = store.headPosition();
            long after = 0;
            while (true) {
                List<RecordedEvent> page = store.readAll(after, 10_000);
                if (page.isEmpty()) {
                    break;
                }
                for (RecordedEvent e : page) {
                    stored.put(e.eventId(), e);
                }
                after = page.getLast().position();
            }
        }
        for (UUID id : acknowledged) {
            RecordedEvent event = stored.get(id);
            assertThat(event).as("acknowledged event %s", id).isNotNull();
            assertThat(event.data()).isEqualTo(CrashChild.payload(id));
            assertThat(event.type()).isEqualTo(CrashChild.TYPE);
        }
        VerificationReport report = FileStoreVerifier.verify(dir);
        assertThat(report.ok()).as(report.toJson()).isTrue();
        assertThat(report.events()).isEqualTo(head);
        return head;
    }

    private static void readAcks(BufferedReader out, List<UUID> acked) {
        try {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("A ") && line.length() == 38) {
                    synchronized (acked) {
                        acked.add(UUID.fromString(line.substring(2)));
                    }
                }
            }
        } catch (IOException ignored) {
            // the pipe closes when the child dies
        }
    }

    private Process start(int writers) throws Exception {
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-XX:+UseSerialGC",
                        "-Xshare:auto",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashChild.class.getName(),
                        dir.toString(),
                        String.valueOf(writers))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }
}
