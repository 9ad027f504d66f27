package dev.cairn.eventstore.file;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** The segments of the log, numbered from 1; the writer adds, readers look up by number. */
final class SegmentList implements AutoCloseable {
    private volatile Segment[] segments;

    SegmentList(List<Segment> initial) {
        this.segments = initial.toArray(new Segment[0]);
    }

    Segment get(int number) {
        return segments[number - 1];
    }

    Segment last() {
        Segment[] s = segments;
        return s[s.length - 1];
    }

    int count() {
        return segments.length;
    }

    void add(Segment segment) {
        Segment[] s = Arrays.copyOf(segments, segments.length + 1);
        s[s.length - 1] = segment;
        segments = s;
    }

    /** Removes (and returns, for the caller to close and delete) the segments numbered above {@code number}. */
    List<Segment> removeAfter(int number) {
        Segment[] s = segments;
        if (s.length <= number) {
            return List.of();
        }
        segments = Arrays.copyOf(s, number);
        return List.of(s).subList(number, s.length);
    }

    @Override
    public void close() throws IOException {
        for (Segment s : segments) {
            s.close();
        }
    }
}
