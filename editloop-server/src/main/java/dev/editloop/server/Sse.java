package dev.editloop.server;

import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Server-Sent Events of one job: the events after {@code Last-Event-ID} (header, or the {@code last_event_id} query
 * parameter), then each new one as it happens, a comment every 15 s to keep proxies from closing an idle stream, and
 * the end of the stream after {@code finished}.
 */
final class Sse {
    static final long KEEPALIVE_MS = 15_000;

    private Sse() {}

    static void stream(Http h, EventLog log) throws IOException {
        long last = lastEventId(h);
        Headers headers = h.exchange.getResponseHeaders();
        headers.set("Content-Type", "text/event-stream; charset=utf-8");
        headers.set("Cache-Control", "no-store");
        headers.set("X-Accel-Buffering", "no");
        Http.secure(headers);
        h.exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = h.exchange.getResponseBody()) {
            out.write("retry: 2000\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (true) {
                List<EventLog.Event> events;
                try {
                    events = log.after(last, KEEPALIVE_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (events.isEmpty()) {
                    if (log.closed()) {
                        return;
                    }
                    out.write(": keepalive\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    continue;
                }
                StringBuilder sb = new StringBuilder();
                for (EventLog.Event e : events) {
                    sb.append("id: ").append(e.id()).append('\n');
                    sb.append("event: ").append(e.type()).append('\n');
                    sb.append("data: ").append(e.json()).append("\n\n");
                    last = e.id();
                }
                out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } finally {
            h.exchange.close();
        }
    }

    private static long lastEventId(Http h) {
        String v = h.header("Last-Event-ID");
        if (v == null) {
            v = h.query.get("last_event_id");
        }
        if (v == null || v.isBlank()) {
            return 0;
        }
        try {
            long n = Long.parseLong(v.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiError.bad("Last-Event-ID '" + Multipart.clip(v) + "' is not an event number", "Last-Event-ID");
        }
    }
}
