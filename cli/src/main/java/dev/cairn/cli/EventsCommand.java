package dev.cairn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.store.EventFilter;
import dev.cairn.core.store.RecordedEvent;
import dev.cairn.eventstore.file.ReadOnlyLog;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Base64;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Prints events of a data directory as JSON lines. Read-only: it opens the segments for reading,
 * takes no lock and runs no recovery, so it changes no byte and works while the server runs.
 */
@Command(
        name = "events",
        mixinStandardHelpOptions = true,
        description = "Print events as JSON lines (read-only; works while the server runs).")
final class EventsCommand implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    ExistingData data;

    @Option(names = "--after", description = "print events after this position (default ${DEFAULT-VALUE})")
    long after = 0;

    @Option(names = "--limit", description = "at most this many events (default ${DEFAULT-VALUE})")
    int limit = 100;

    @Option(names = "--stream", description = "only events of this stream")
    String stream;

    @Override
    public void run() {
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be positive, was " + limit);
        }
        try (var log = ReadOnlyLog.open(data.log())) {
            PrintStream out = System.out;
            long from = after;
            int printed = 0;
            while (printed < limit) {
                List<RecordedEvent> page =
                        log.readAll(from, stream == null ? limit - printed : 1000, EventFilter.all());
                if (page.isEmpty()) {
                    break;
                }
                for (RecordedEvent event : page) {
                    if (printed < limit && (stream == null || stream.equals(event.streamId()))) {
                        out.println(toJson(event));
                        printed++;
                    }
                }
                from = page.getLast().position();
            }
        }
    }

    static String toJson(RecordedEvent event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("position", event.position());
        node.put("streamId", event.streamId());
        node.put("version", event.version());
        node.put("type", event.type());
        node.put("recordedAt", event.recordedAt().toString());
        node.put("eventId", event.eventId().toString());
        node.put("correlationId", event.correlationId().toString());
        node.put("causationId", event.causationId().toString());
        node.put("actor", event.actor());
        node.set("data", dataNode(event.data()));
        return node.toString();
    }

    /** JSON payloads are embedded as JSON; anything else as base64, so no byte is lost. */
    private static JsonNode dataNode(byte[] data) {
        try {
            JsonNode parsed = JSON.readTree(data);
            if (parsed != null && !parsed.isMissingNode()) {
                return parsed;
            }
        } catch (IOException notJson) {
            // falls through to base64
        }
        return JSON.getNodeFactory().textNode(Base64.getEncoder().encodeToString(data));
    }
}
