package dev.cairn.eventstore.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;

/**
 * A disk that fails on demand, for tests of the store and of applications on it: every channel
 * the store opens in one directory from now on fails its writes or its forces with the error the
 * kernel would give ({@code No space left on device}, {@code Input/output error}) while the fault
 * is on. Reads always work. Nothing is wrapped unless a test creates one; close it to stop.
 *
 * <pre>{@code
 * try (FailingDisk disk = new FailingDisk(logDirectory)) {
 *     disk.failForces("Input/output error"); // appends now answer EventStoreUnavailableException
 *     disk.heal();                           // the store resumes by itself within seconds
 * }
 * }</pre>
 */
public final class FailingDisk implements AutoCloseable {
    private final Path dir;
    private volatile String failWrites;
    private volatile String failForces;

    public FailingDisk(Path dir) {
        this.dir = dir;
        Channels.wrapIn(dir, Channel::new);
    }

    public void failWrites(String error) {
        failWrites = error;
    }

    public void failForces(String error) {
        failForces = error;
    }

    public void heal() {
        failWrites = null;
        failForces = null;
    }

    @Override
    public void close() {
        Channels.unwrap(dir);
    }

    private final class Channel extends FileChannel {
        private final FileChannel inner;

        Channel(FileChannel inner) {
            this.inner = inner;
        }

        private void write() throws IOException {
            String error = failWrites;
            if (error != null) {
                throw new IOException(error);
            }
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return inner.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return inner.read(dsts, offset, length);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            write();
            return inner.write(src);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            write();
            return inner.write(srcs, offset, length);
        }

        @Override
        public long position() throws IOException {
            return inner.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            inner.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return inner.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            write();
            inner.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            String error = failForces;
            if (error != null) {
                throw new IOException(error);
            }
            inner.force(metaData);
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return inner.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            write();
            return inner.transferFrom(src, position, count);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return inner.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            write();
            return inner.write(src, position);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return inner.map(mode, position, size);
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return inner.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return inner.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            inner.close();
        }
    }
}
