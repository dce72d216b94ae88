package dev.editloop.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A job's events for Server-Sent Events: numbered from 1, kept in memory and appended to {@code events.jsonl} in the
 * job's folder, so that a dropped stream resumes after its {@code Last-Event-ID} and a job's events survive a restart.
 * Closed after the last event ({@code finished}); readers then stop waiting.
 */
final class EventLog {
    /** File name of the event log in a job's folder. */
    static final String FILE = "events.jsonl";

    /** One event: its number, its SSE event name and its JSON data. */
    record Event(long id, String type, String json) {}

    private final Path file;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Event> events = new ArrayList<>();
    private boolean closed;

    private EventLog(Path file) {
        this.file = file;
    }

    /** A new, empty log writing to {@code file}. */
    static EventLog create(Path file) {
        return new EventLog(file);
    }

    /** The log of a job from an earlier server: read from its file, closed. A missing file gives an empty log. */
    static EventLog load(Path file) {
        EventLog log = new EventLog(file);
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode node = Json.MAPPER.readTree(line);
                    log.events.add(new Event(
                            node.path("id").asLong(),
                            node.path("type").asText(),
                            node.path("data").toString()));
                } catch (IOException e) {
                    break; // a line cut short by a crash ends the log
                }
            }
        } catch (NoSuchFileException e) {
            // no events were written
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.closed = true;
        return log;
    }

    /** Appends an event and wakes the readers; ignored once closed. */
    void append(String type, ObjectNode data) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            long id = events.size() + 1L;
            Event event = new Event(id, type, Json.write(data));
            events.add(event);
            ObjectNode line = Json.MAPPER.createObjectNode();
            line.put("id", id);
            line.put("type", type);
            line.set("data", data);
            try {
                Files.writeString(
                        file,
                        Json.write(line) + "\n",
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                // the live stream still has the event; only a resume after a restart loses it
                org.slf4j.LoggerFactory.getLogger(EventLog.class)
                        .warn("cannot append an event to a job's log: {}", e.getMessage());
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Appends a last event and closes the log. */
    void close(String type, ObjectNode data) {
        lock.lock();
        try {
            append(type, data);
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Closes the log without an event (the job was deleted). */
    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The events after {@code afterId}, waiting up to {@code waitMs} for one when there are none yet and the log is
     * open.
     */
    List<Event> after(long afterId, long waitMs) throws InterruptedException {
        lock.lock();
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
            while (events.size() <= afterId && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                changed.awaitNanos(left);
            }
            int from = (int) Math.min(Math.max(afterId, 0), events.size());
            return List.copyOf(events.subList(from, events.size()));
        } finally {
            lock.unlock();
        }
    }

    /** Whether no event will follow the ones already there. */
    boolean closed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** How many events there are. */
    int size() {
        lock.lock();
        try {
            return events.size();
        } finally {
            lock.unlock();
        }
    }
}
