package dev.cairn.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/stream}: server-sent events fed by the publishers contexts registered. Each item
 * is serialized once into a complete {@code data:} frame and the same bytes are queued for every
 * client, so the cost of an item does not grow with the JSON work per client. Each client sees
 * only the items its principal is in the audience of.
 */
final class EventStream implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END_OF_EVENT = "\n\n".getBytes(StandardCharsets.US_ASCII);
    /** Sent on connect so the client sees the stream open at once, and tells browsers how soon to reconnect. */
    private static final byte[] OPENING = "retry: 2000\n: connected\n\n".getBytes(StandardCharsets.US_ASCII);

    private final ObjectMapper mapper;
    private final Duration heartbeat;
    private final List<RouteTable.StreamSource> publishers;
    private final Map<SseClient, Principal> clients = new ConcurrentHashMap<>();
    private final List<Flow.Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    EventStream(ObjectMapper mapper, Duration heartbeat, List<RouteTable.StreamSource> publishers) {
        this.mapper = mapper;
        this.heartbeat = heartbeat;
        this.publishers = List.copyOf(publishers);
    }

    void start() {
        publishers.forEach(source -> source.publisher().subscribe(new Broadcaster(source.audience())));
    }

    /** Serves one client until it goes away or the server stops; blocks the request's (virtual) thread. */
    void serve(Context ctx) throws IOException, InterruptedException {
        HttpServletResponse response = ctx.res();
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no"); // proxies such as nginx must not hold events back
        OutputStream out = response.getOutputStream();
        SseClient client = new SseClient();
        clients.put(client, ctx.attribute(Guard.PRINCIPAL));
        try {
            if (closed) {
                return;
            }
            out.write(OPENING);
            out.flush();
            client.run(out, heartbeat);
        } catch (IOException gone) {
            LOG.debug("stream client went away: {}", gone.toString());
        } finally {
            clients.remove(client);
        }
    }

    int clientCount() {
        return clients.size();
    }

    /** Queues the item for every client its audience admits; serialized once, and only if someone sees it. */
    void broadcast(Object item, Routes.Audience<Object> audience) {
        byte[] frame = null;
        for (Map.Entry<SseClient, Principal> entry : clients.entrySet()) {
            if (!audience.sees(entry.getValue(), item)) {
                continue;
            }
            if (frame == null) {
                try {
                    frame = frame(item);
                } catch (IOException e) {
                    LOG.error(
                            "a stream item of {} cannot be written as JSON; it is not sent",
                            item.getClass().getName(),
                            e);
                    return;
                }
            }
            SseClient client = entry.getKey();
            if (!client.offer(frame)) {
                LOG.warn("a stream client fell {} events behind and is disconnected", SseClient.CAPACITY);
                clients.remove(client);
                client.end(true);
            }
        }
    }

    private byte[] frame(Object item) throws IOException {
        // Jackson writes no raw line breaks outside pretty-printing, so the JSON is one data line.
        byte[] json = mapper.writeValueAsBytes(item);
        byte[] frame = new byte[DATA.length + json.length + END_OF_EVENT.length];
        System.arraycopy(DATA, 0, frame, 0, DATA.length);
        System.arraycopy(json, 0, frame, DATA.length, json.length);
        System.arraycopy(END_OF_EVENT, 0, frame, DATA.length + json.length, END_OF_EVENT.length);
        return frame;
    }

    @Override
    public void close() {
        closed = true;
        subscriptions.forEach(Flow.Subscription::cancel);
        clients.keySet().forEach(client -> client.end(false));
    }

    /** The one subscriber per publisher; it takes items as fast as they come, since queuing per client is bounded. */
    private final class Broadcaster implements Flow.Subscriber<Object> {
        private final Routes.Audience<Object> audience;

        Broadcaster(Routes.Audience<Object> audience) {
            this.audience = audience;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            if (closed) {
                subscription.cancel();
                return;
            }
            subscriptions.add(subscription);
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(Object item) {
            broadcast(item, audience);
        }

        @Override
        public void onError(Throwable failure) {
            LOG.error("a stream publisher failed; its items no longer reach /api/stream", failure);
        }

        @Override
        public void onComplete() {
            LOG.info("a stream publisher completed");
        }
    }
}
