package dev.cairn.eventstore.file;

import java.nio.file.Path;

/**
 * What {@link FileStoreVerifier} found: counts, and either OK or the first problem.
 *
 * @param segments segment files checked
 * @param events   valid events found before the first problem (all of them when ok)
 * @param streams  distinct streams among those events
 * @param ok       whether every record and every index checked out
 * @param problem  the first problem, null when ok
 * @param file     the file holding the first problem, null when ok
 * @param offset   the byte offset of the first problem in {@code file}, -1 when ok
 */
public record VerificationReport(
        int segments, long events, long streams, boolean ok, String problem, Path file, long offset) {

    static VerificationReport ok(int segments, long events, long streams) {
        return new VerificationReport(segments, events, streams, true, null, null, -1);
    }

    /** One line of JSON, for the CLI. */
    public String toJson() {
        String base =
                "{\"ok\":" + ok + ",\"segments\":" + segments + ",\"events\":" + events + ",\"streams\":" + streams;
        if (ok) {
            return base + "}";
        }
        return base + ",\"problem\":\"" + escape(problem) + "\",\"file\":\"" + escape(String.valueOf(file))
                + "\",\"offset\":" + offset + "}";
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
