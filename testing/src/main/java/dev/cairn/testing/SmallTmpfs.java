package dev.cairn.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A tmpfs of a few MiB mounted for one test: a real disk that fills up (ENOSPC on writes, SIGBUS
 * on mapped pages), for testing what an application does when its disk is full — beside
 * {@code FailingDisk}, which fakes the failures, this one is the real thing. Mounting needs root
 * (Linux). Under CI ({@code CI=true}) a failed mount fails the test; elsewhere (a developer without
 * root) the test is reported as aborted, never passed.
 *
 * <pre>{@code
 * try (SmallTmpfs disk = SmallTmpfs.mount(tempDir.resolve("disk"), 16)) {
 *     Path data = disk.dir().resolve("data");
 *     // open the store in data, fill the disk, watch appends be refused, free space, …
 * }
 * }</pre>
 */
public final class SmallTmpfs implements AutoCloseable {
    private final Path dir;

    private SmallTmpfs(Path dir) {
        this.dir = dir;
    }

    /**
     * Mounts a tmpfs of {@code mebibytes} MiB on {@code mountPoint} (created if missing); when that
     * fails, fails the test under CI and aborts it elsewhere.
     */
    public static SmallTmpfs mount(Path mountPoint, int mebibytes) throws IOException, InterruptedException {
        Files.createDirectories(mountPoint);
        String problem = run("mount", "-t", "tmpfs", "-o", "size=" + mebibytes + "m", "tmpfs", mountPoint.toString());
        if (problem != null) {
            String message = "cannot mount a " + mebibytes + " MiB tmpfs on " + mountPoint + " (" + problem
                    + "); this test needs root";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            abort(message);
        }
        return new SmallTmpfs(mountPoint);
    }

    /** The mount point: the root of the small disk. */
    public Path dir() {
        return dir;
    }

    /** Null when the command succeeded, else what it said. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return e.getMessage();
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return String.join(" ", command) + " did not finish";
        }
        String output = new String(process.getInputStream().readAllBytes()).trim();
        return process.exitValue() == 0 ? null : "exit " + process.exitValue() + ": " + output;
    }

    /** Unmounts it (lazily: files still open are released when closed). */
    @Override
    public void close() throws IOException, InterruptedException {
        String problem = run("umount", "-l", dir.toString());
        if (problem != null) {
            throw new IOException("cannot unmount " + dir + ": " + problem);
        }
    }
}
