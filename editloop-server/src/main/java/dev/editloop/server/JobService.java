package dev.editloop.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editloop.core.Critique;
import dev.editloop.core.EditLoopException;
import dev.editloop.core.Editor;
import dev.editloop.core.Thinker;
import dev.editloop.core.loop.LoopEngine;
import dev.editloop.core.loop.LoopEvent;
import dev.editloop.core.loop.LoopRequest;
import dev.editloop.core.loop.LoopResult;
import dev.editloop.core.loop.RunHandle;
import dev.editloop.core.loop.StopReason;
import dev.editloop.core.loop.Turn;
import dev.editloop.core.spi.BackendSession;
import dev.editloop.core.trajectory.RunFolder;
import dev.editloop.core.trajectory.Trajectory;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs: a bounded queue in front of {@code concurrency} workers, each run through {@link LoopEngine#start} with
 * backends from one shared {@link BackendSession}; each job's run folder under {@code jobs/ID/}, its row in the
 * {@link JobStore}, its live events in an {@link EventLog}.
 *
 * <p>Admission is exact: at most {@code concurrency + queue} jobs are admitted and not yet finished; the next one is
 * refused with 429 and a {@code Retry-After} estimated from the average job time.
 */
final class JobService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobService.class);
    static final Pattern ID = Pattern.compile("[a-z0-9]{16}");
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A job that is queued or running. */
    static final class Job {
        final String id;
        final JobRequest request;
        final Path dir;
        final EventLog events;
        final CompletableFuture<JobRecord> done = new CompletableFuture<>();
        volatile JobRecord record;
        volatile RunHandle handle;
        volatile boolean cancelRequested;

        Job(String id, JobRequest request, Path dir, EventLog events, JobRecord record) {
            this.id = id;
            this.request = request;
            this.dir = dir;
            this.events = events;
            this.record = record;
        }
    }

    private final ServerOptions options;
    private final JobStore store;
    private final BackendSession session;
    private final Path jobsDir;
    private final ConcurrentHashMap<String, Job> active = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<Job> pending = new LinkedBlockingQueue<>();
    private final List<Thread> workers = new ArrayList<>();
    private final Object admission = new Object();
    private int admitted;
    private volatile boolean closing;
    // average wall time of a finished job, for Retry-After (ms; an exponential moving average)
    private volatile double averageMs = 5_000;

    private final java.util.function.UnaryOperator<String> scrub;

    JobService(
            ServerOptions options,
            JobStore store,
            BackendSession session,
            java.util.function.UnaryOperator<String> scrub) {
        this.options = options;
        this.scrub = scrub;
        this.store = store;
        this.session = session;
        this.jobsDir = options.dataDir().resolve("jobs");
        for (int i = 0; i < options.concurrency(); i++) {
            Thread t = Thread.ofPlatform()
                    .name("editloop-job-worker-" + (i + 1))
                    .daemon(true)
                    .unstarted(this::work);
            workers.add(t);
            t.start();
        }
    }

    Path jobsDir() {
        return jobsDir;
    }

    /** The folder of a job id already checked against {@link #ID}. */
    Path dir(String id) {
        if (!ID.matcher(id).matches()) {
            throw ApiError.notFound("no job '" + Multipart.clip(id) + "'");
        }
        return jobsDir.resolve(id);
    }

    /**
     * Admits a job, or refuses it with 429 when {@code concurrency + queue} jobs are already admitted and not
     * finished.
     */
    Job submit(JobRequest request, Editor editor, Thinker thinker) {
        synchronized (admission) {
            if (closing) {
                throw new ApiError(503, "the server is shutting down", null);
            }
            int capacity = options.concurrency() + options.queueSize();
            if (admitted >= capacity) {
                throw new ApiError(
                        429,
                        "the job queue is full (" + options.concurrency() + " running, " + options.queueSize()
                                + " waiting); try again later",
                        null,
                        Long.toString(retryAfterSeconds()));
            }
            admitted++;
        }
        try {
            String id = newId();
            Path dir = jobsDir.resolve(id);
            Files.createDirectories(dir);
            long now = System.currentTimeMillis();
            JobRecord record = new JobRecord(
                    id,
                    now,
                    now,
                    request.instruction(),
                    request.strategy().id(),
                    request.profile(),
                    editor.identity().display(),
                    thinker.identity().display(),
                    request.origin(),
                    JobRecord.Status.QUEUED.id(),
                    null,
                    0,
                    0,
                    null,
                    null);
            store.put(record);
            Job job = new Job(id, request, dir, EventLog.create(dir.resolve(EventLog.FILE)), record);
            ObjectNode queued = Json.object();
            queued.put("status", "queued");
            queued.put("instruction", request.instruction());
            queued.put("strategy", request.strategy().id());
            job.events.append("queued", queued);
            active.put(id, job);
            pending.add(job);
            return job;
        } catch (IOException | RuntimeException e) {
            release();
            if (e instanceof ApiError api) {
                throw api;
            }
            throw new IllegalStateException("the job could not be stored: " + e.getMessage(), e);
        }
    }

    /** The job's record: live when it is queued or running, else from the store. */
    Optional<JobRecord> get(String id) {
        Job job = active.get(id);
        if (job != null) {
            return Optional.of(job.record);
        }
        return ID.matcher(id).matches() ? store.get(id) : Optional.empty();
    }

    /** The active job, if queued or running. */
    Optional<Job> active(String id) {
        return Optional.ofNullable(active.get(id));
    }

    /** The job's events: live for an active job, else read from its folder. */
    Optional<EventLog> events(String id) {
        Job job = active.get(id);
        if (job != null) {
            return Optional.of(job.events);
        }
        Optional<JobRecord> record = get(id);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(EventLog.load(dir(id).resolve(EventLog.FILE)));
    }

    List<JobRecord> list(int limit) {
        return store.list(limit);
    }

    /** How many jobs are admitted and not finished. */
    int load() {
        synchronized (admission) {
            return admitted;
        }
    }

    /**
     * Asks a job to stop: a queued job is cancelled at once, a running one stops at its next step (finished turns are
     * kept, its folder gets final.png and report.html).
     *
     * @return the record after the request (still {@code running} until the run has stopped)
     */
    JobRecord cancel(String id) {
        Job job = active.get(id);
        if (job == null) {
            JobRecord r = get(id).orElseThrow(() -> ApiError.notFound("no job '" + Multipart.clip(id) + "'"));
            throw new ApiError(409, "job " + id + " is already " + r.status(), null);
        }
        job.cancelRequested = true;
        RunHandle h = job.handle;
        if (h != null) {
            h.cancel();
        } else if (pending.remove(job)) {
            finish(job, JobRecord.Status.CANCELLED, StopReason.CANCELLED.id(), 0, 0, null, null);
        }
        return job.record;
    }

    /** Deletes a job: cancels it if it runs, waits for it to stop, then removes its row and its folder. */
    void delete(String id) {
        if (get(id).isEmpty()) {
            throw ApiError.notFound("no job '" + Multipart.clip(id) + "'");
        }
        Job job = active.get(id);
        if (job != null) {
            cancel(id);
            try {
                job.done.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new ApiError(409, "job " + id + " did not stop in time; try again", null);
            }
        }
        store.delete(id);
        deleteTree(dir(id));
    }

    /** Waits until a job is no longer queued or running and returns its record. */
    JobRecord await(Job job, Duration timeout) throws InterruptedException {
        try {
            return job.done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            return job.record;
        }
    }

    private void work() {
        while (!closing) {
            Job job;
            try {
                job = pending.take();
            } catch (InterruptedException e) {
                return;
            }
            if (job.cancelRequested) {
                finish(job, JobRecord.Status.CANCELLED, StopReason.CANCELLED.id(), 0, 0, null, null);
                continue;
            }
            try {
                run(job);
            } catch (RuntimeException e) {
                LOG.warn("job {} failed: {}", job.id, e.getMessage());
                finish(job, JobRecord.Status.FAILED, StopReason.ERROR.id(), 0, 0, null, oneLine(e));
            }
        }
    }

    private void run(Job job) {
        long start = System.nanoTime();
        JobRequest r = job.request;
        job.record = job.record.with(JobRecord.Status.RUNNING, null, 0, 0, null, null);
        store.put(job.record);
        Editor editor = session.editor(r.editor());
        Thinker thinker = session.thinker(r.thinker());
        RunFolder folder = RunFolder.create(job.dir, r.image().alpha());
        LoopRequest request = new LoopRequest(
                        r.image().picture(),
                        r.instruction(),
                        r.strategy(),
                        r.maxTurns(),
                        r.threshold(),
                        r.seed(),
                        true,
                        options.jobTimeout(),
                        r.accept())
                .withRegion(r.region());
        String base = "/api/jobs/" + job.id + "/images/";
        RunHandle handle = new LoopEngine(editor, thinker).start(request, event -> {
            folder.on(event);
            publish(job, event, base);
        });
        job.handle = handle;
        if (job.cancelRequested || closing) {
            handle.cancel();
        }
        LoopResult result = handle.join();
        JobRecord.Status status = switch (result.stopReason()) {
            case CANCELLED -> closing ? JobRecord.Status.INTERRUPTED : JobRecord.Status.CANCELLED;
            case ERROR -> JobRecord.Status.FAILED;
            default -> JobRecord.Status.FINISHED;
        };
        double ms = (System.nanoTime() - start) / 1e6;
        averageMs = averageMs * 0.8 + ms * 0.2;
        finish(
                job,
                status,
                result.stopReason().id(),
                result.turns().size(),
                result.bestTurn(),
                result.best() == null ? null : result.accepted(),
                result.error());
    }

    /** Turns a loop event into the job's SSE event. Runs on the loop's thread, after the run folder has it. */
    private void publish(Job job, LoopEvent event, String imageBase) {
        ObjectNode data = Json.object();
        switch (event) {
            case LoopEvent.RunStarted s -> {
                data.put("status", "running");
                data.put("strategy", s.request().strategy().id());
                data.put("turn_limit", s.turnLimit());
                data.put("editor", s.editor().display());
                data.put("thinker", s.thinker().display());
                data.put("source_image", imageBase + Trajectory.SOURCE_IMAGE);
                job.events.append("started", data);
            }
            case LoopEvent.PlanDone p -> {
                data.put("kind", p.kind().name().toLowerCase(java.util.Locale.ROOT));
                data.put("instruction", p.plan().instruction());
                data.put("reasoning", p.plan().reasoning());
                data.put("think_ms", p.thinkMs());
                job.events.append("plan", data);
            }
            case LoopEvent.TurnStarted t -> {
                data.put("turn", t.index());
                data.put("instruction", t.instruction());
                data.put("base", t.base().name().toLowerCase(java.util.Locale.ROOT));
                job.events.append("turn_started", data);
            }
            case LoopEvent.EditDone e -> {
                data.put("turn", e.index());
                data.put("image", imageBase + Trajectory.turnImage(e.index()));
                ArrayNode notes = data.putArray("notes");
                e.notes().forEach(notes::add);
                data.put("edit_ms", e.editMs());
                job.events.append("edit_done", data);
            }
            case LoopEvent.CritiqueDone c -> {
                Turn turn = c.turn();
                Critique k = turn.critique();
                data.put("turn", turn.index());
                data.put("instruction", turn.instruction());
                data.put("image", imageBase + Trajectory.turnImage(turn.index()));
                if (k != null) {
                    putScore(data, "sc", k.semantic());
                    putScore(data, "pq", k.quality());
                    putScore(data, "overall", turn.scored() ? k.overall() : null);
                    data.put("verdict", k.verdict() == null ? null : k.verdict().id());
                    data.put("reasoning", k.reasoning());
                    data.put("refined_instruction", k.refinedInstruction());
                }
                data.put("think_ms", turn.thinkMs());
                data.put("best_turn", c.progress().bestTurn());
                job.events.append("critique", data);
            }
            case LoopEvent.RunFinished f -> {
                // the finished event is sent by the worker once the job's status is known
            }
        }
    }

    private static void putScore(ObjectNode data, String key, Double value) {
        if (value == null) {
            data.putNull(key);
        } else {
            data.put(key, Math.round(value * 100) / 100.0);
        }
    }

    private void finish(
            Job job, JobRecord.Status status, String stopReason, int turns, int best, Boolean accepted, String error) {
        job.record = job.record.with(status, stopReason, turns, best, accepted, scrub.apply(error));
        try {
            store.put(job.record);
        } catch (EditLoopException e) {
            LOG.warn("job {}: {}", job.id, e.getMessage());
        }
        ObjectNode data = Json.object();
        data.put("status", status.id());
        data.put("stop_reason", stopReason);
        data.put("turns", turns);
        data.put("best_turn", best);
        if (accepted == null) {
            data.putNull("accepted");
        } else {
            data.put("accepted", accepted);
        }
        if (Files.exists(job.dir.resolve(Trajectory.FINAL_IMAGE))) {
            data.put("final_image", "/api/jobs/" + job.id + "/images/" + Trajectory.FINAL_IMAGE);
        }
        data.put("error", job.record.error());
        job.events.close("finished", data);
        active.remove(job.id);
        release();
        job.done.complete(job.record);
    }

    private void release() {
        synchronized (admission) {
            admitted--;
        }
    }

    /** Seconds until a slot is likely free: the average job time times the jobs ahead per worker, 1..600. */
    long retryAfterSeconds() {
        double ahead = Math.max(1, (double) admitted - options.queueSize()) / options.concurrency();
        long s = (long) Math.ceil(averageMs * Math.max(ahead, 1.0 / options.concurrency()) / 1000.0);
        return Math.max(1, Math.min(600, s));
    }

    private static String newId() {
        char[] c = new char[16];
        for (int i = 0; i < c.length; i++) {
            c[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(c);
    }

    private static String oneLine(RuntimeException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m).strip();
    }

    /** Stops taking jobs, cancels the running ones (they end {@code interrupted}), waits for them, bounded. */
    @Override
    public void close() {
        synchronized (admission) {
            closing = true;
        }
        List<Job> waiting = new ArrayList<>();
        pending.drainTo(waiting);
        for (Job job : waiting) {
            finish(
                    job,
                    JobRecord.Status.INTERRUPTED,
                    StopReason.CANCELLED.id(),
                    0,
                    0,
                    null,
                    "the server stopped while the job was queued");
        }
        for (Job job : active.values()) {
            RunHandle h = job.handle;
            if (h != null) {
                h.cancel();
            }
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (Job job : List.copyOf(active.values())) {
            try {
                job.done.get(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                LOG.warn("job {} did not stop in time; it is marked interrupted at the next start", job.id);
            }
        }
        workers.forEach(Thread::interrupt);
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("the job's folder could not be deleted: " + e.getMessage(), e);
        }
    }
}
