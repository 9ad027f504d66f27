package dev.cairn.eventstore.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.EventStoreUnavailableException;
import dev.cairn.core.store.ExpectedVersion;
import dev.cairn.core.store.NewEvent;
import dev.cairn.testing.SmallTmpfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real full disk: a 16 MiB tmpfs, partly taken by a ballast file, filled by 16 concurrent
 * writers until appends are refused; deleting the ballast must bring appends back without a
 * restart, and every acknowledged append must be in the log, before and after reopening.
 */
class DiskFullTest {
    @TempDir
    Path tmp;

    @Test
    void appends_stop_when_the_disk_is_full_and_resume_without_a_restart_when_space_returns() throws Exception {
        try (SmallTmpfs disk = SmallTmpfs.mount(tmp.resolve("disk"), 16)) {
            Path data = disk.dir().resolve("data");
            Path ballast = disk.dir().resolve("ballast");
            Files.write(ballast, new byte[6 << 20]);
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicBoolean stop = new AtomicBoolean();
            FileStoreOptions options =
                    FileStoreOptions.defaults(data).withSegmentSize(2 << 20).withCheckpointInterval(1 << 20);
            try (FileEventStore store = FileEventStore.open(options)) {
                ExecutorService writers = Executors.newFixedThreadPool(16);
                for (int w = 0; w < 16; w++) {
                    int writer = w;
                    writers.submit(() -> {
                        byte[] padding = new byte[2000];
                        for (int i = 0; !stop.get(); i++) {
                            String key = writer + "/" + i;
                            try {
                                store.append(
                                        "order-" + writer + "-" + (i % 50),
                                        ExpectedVersion.any(),
                                        List.of(NewEvent.of(UUID.randomUUID(), "t.Placed", concat(key, padding))));
                                acknowledged.add(key);
                            } catch (EventStoreUnavailableException refused) {
                                Thread.sleep(20);
                            }
                        }
                        return null;
                    });
                }
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> !store.health().writable());
                assertThat(store.health().reason()).isEqualTo("disk full in " + data);
                int before = acknowledged.size();
                assertThat(store.readAll(0, 10, EventFilter.all())).isNotEmpty();

                Files.delete(ballast);
                await().atMost(Duration.ofSeconds(10)).until(() -> acknowledged.size() > before + 50);
                stop.set(true);
                writers.shutdown();
                assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
                assertThat(WriteFaultTest.logData(store))
                        .extracting(DiskFullTest::key)
                        .containsExactlyInAnyOrderElementsOf(acknowledged);
            }
            try (FileEventStore reopened = FileEventStore.open(data)) {
                assertThat(WriteFaultTest.logData(reopened))
                        .extracting(DiskFullTest::key)
                        .containsExactlyInAnyOrderElementsOf(acknowledged);
            }
            assertThat(FileStoreVerifier.verify(data).problem()).isNull();
        }
    }

    private static byte[] concat(String key, byte[] padding) {
        byte[] k = (key + "|").getBytes();
        byte[] all = new byte[k.length + padding.length];
        System.arraycopy(k, 0, all, 0, k.length);
        return all;
    }

    private static String key(String data) {
        return data.substring(0, data.indexOf('|'));
    }
}
