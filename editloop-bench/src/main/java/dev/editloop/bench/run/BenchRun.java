package dev.editloop.bench.run;

import dev.editloop.bench.store.CaseOutcome;
import dev.editloop.bench.store.Claim;
import dev.editloop.bench.store.ResultStore;
import dev.editloop.core.loop.RunHandle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A runner session under way ({@link BenchRunner#start}, {@link BenchRunner#rejudge}): K workers on virtual threads,
 * each claiming a case from the store, working on it while a timer renews its lease, and committing it; a ticker that
 * tells the {@link BenchListener}. Cancel it from any thread ({@link #cancel()}: Ctrl-C); wait for it with {@link
 * #await()}.
 *
 * <p>A worker that finds nothing to claim ends when nothing is open and every case still in flight is this session's
 * own; otherwise (another process holds cases, or a dead one's leases have yet to expire) it waits and claims again,
 * so a resume after {@code kill -9} picks up the dead process's cases once their leases run out.
 */
public final class BenchRun {
    private static final Logger LOG = LoggerFactory.getLogger(BenchRun.class);
    private static final Duration TICK = Duration.ofMillis(500);

    /** The work on one claimed case: its outcome, or null when it stopped unfinished (cancelled, claim lost). */
    @FunctionalInterface
    interface CaseWork {
        CaseOutcome run(Claim claim, Job job) throws InterruptedException;
    }

    /**
     * One case in flight: its claim, its worker, the loop run working on it (to cancel), whether it must stop. The
     * worker is interrupted by {@link #stop()} only while it works on the case ({@link #workDone()} ends that): an
     * interrupt that reached it later, in a store call for the next case, would close the store's connection under it
     * (a JDBC socket on a virtual thread is closed by an interrupt).
     */
    static final class Job {
        final Claim claim;
        final Thread worker;
        private volatile RunHandle handle;
        private volatile boolean stopped;
        private boolean working = true; // guarded by this

        Job(Claim claim, Thread worker) {
            this.claim = claim;
            this.worker = worker;
        }

        /** Registers the loop run working on the case; cancels it at once when the case is already stopped. */
        void attach(RunHandle run) {
            handle = run;
            if (stopped) {
                run.cancel();
            }
        }

        boolean stopped() {
            return stopped;
        }

        void stop() {
            stopped = true;
            RunHandle h = handle;
            if (h != null) {
                h.cancel();
            }
            synchronized (this) {
                if (working) {
                    worker.interrupt();
                }
            }
        }

        /** Called by the worker when its work on the case has ended: no interrupt reaches it for this case any more. */
        void workDone() {
            synchronized (this) {
                working = false;
                Thread.interrupted(); // one that came meanwhile was meant for the work, not for the store calls after
                // it
            }
        }
    }

    private final ResultStore store;
    private final int concurrency;
    private final Duration lease;
    private final boolean retryFailed;
    private final CaseWork work;
    private final BenchListener listener;
    private final CallCounts counts;
    private final String workerPrefix;
    private final long startNanos = System.nanoTime();
    private final Map<String, Job> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger localInFlight = new AtomicInteger();
    private final AtomicInteger finishedHere = new AtomicInteger();
    private final AtomicReference<RuntimeException> fatal = new AtomicReference<>();
    private final BlockingQueue<Boolean> wake = new ArrayBlockingQueue<>(1);
    private final CountDownLatch workersDone;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final List<Thread> workers = new ArrayList<>();
    private final ScheduledExecutorService renewer;
    private volatile boolean cancelled;
    private volatile BenchSummary summary;

    BenchRun(
            ResultStore store,
            int concurrency,
            Duration lease,
            boolean retryFailed,
            CaseWork work,
            BenchListener listener,
            CallCounts counts) {
        this.store = store;
        this.concurrency = concurrency;
        this.lease = lease;
        this.retryFailed = retryFailed;
        this.work = work;
        this.listener = listener == null ? BenchListener.NONE : listener;
        this.counts = counts;
        this.workerPrefix = host() + ":" + ProcessHandle.current().pid() + ":";
        this.workersDone = new CountDownLatch(concurrency);
        this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-lease-renewer");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the workers, the lease renewer and the progress ticker. */
    BenchRun start() {
        long every = Math.max(200, lease.toMillis() / 3);
        renewer.scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
        for (int i = 0; i < concurrency; i++) {
            int index = i;
            workers.add(Thread.ofVirtual().name("bench-worker-" + i).start(() -> {
                try {
                    workLoop(workerPrefix + index);
                } finally {
                    workersDone.countDown();
                    wake.offer(Boolean.TRUE);
                }
            }));
        }
        Thread.ofVirtual().name("bench-progress").start(this::tickLoop);
        return this;
    }

    /**
     * Stops the session: no case is claimed any more, the loops in flight are cancelled and their backend calls
     * interrupted, and their cases are given back open, for the next resume. Returns at once; {@link #await()} returns
     * when the workers have stopped.
     */
    public void cancel() {
        cancelled = true;
        inFlight.values().forEach(Job::stop);
        wake.offer(Boolean.TRUE);
    }

    /** Whether {@link #cancel()} was called. */
    public boolean cancelled() {
        return cancelled;
    }

    /** Whether the session has ended. */
    public boolean isDone() {
        return finished.getCount() == 0;
    }

    /**
     * Waits for the session to end.
     *
     * @throws IllegalStateException when the store failed (the message says how); the cases it had committed stay
     */
    public BenchSummary await() throws InterruptedException {
        finished.await();
        return result();
    }

    /**
     * Waits for the session to end; interrupting the waiting thread cancels the session (cases in flight stay open) and
     * still waits for its end, then sets the thread's interrupt flag again.
     */
    public BenchSummary join() {
        boolean interrupted = false;
        BenchSummary out;
        while (true) {
            try {
                out = await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
                cancel();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    /** Waits at most {@code timeout}; empty when the session is still running. */
    public Optional<BenchSummary> await(Duration timeout) throws InterruptedException {
        if (!finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return Optional.empty();
        }
        return Optional.of(result());
    }

    /** The state now (reads the store's counts). */
    public BenchProgress progress() {
        ResultStore.Counts c = store.counts();
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        int here = finishedHere.get();
        int left = Math.max(0, c.total() - c.done() - c.failed());
        Duration eta = here == 0 ? null : Duration.ofMillis((long) (elapsed / here * left * 1000));
        double minutes = elapsed / 60;
        return new BenchProgress(
                c.total(),
                c.done(),
                c.failed(),
                c.inFlight(),
                here,
                counts.snapshot(),
                minutes <= 0 ? 0 : counts.backendCalls() / minutes,
                Duration.ofNanos(System.nanoTime() - startNanos),
                eta);
    }

    private BenchSummary result() {
        RuntimeException failure = fatal.get();
        if (failure != null) {
            throw new IllegalStateException("the benchmark run stopped: " + BenchRunner.oneLine(failure), failure);
        }
        return summary;
    }

    // ---- workers ------------------------------------------------------------------------------------------------

    private void workLoop(String worker) {
        long idleMs = Math.min(1000, Math.max(50, lease.toMillis() / 10));
        while (!cancelled && fatal.get() == null) {
            Optional<Claim> claim;
            try {
                claim = store.claim(worker, lease, retryFailed);
            } catch (RuntimeException e) {
                fail(e);
                return;
            }
            if (claim.isEmpty()) {
                ResultStore.Counts c;
                try {
                    c = store.counts();
                } catch (RuntimeException e) {
                    fail(e);
                    return;
                }
                if (c.open() == 0 && c.inFlight() <= localInFlight.get()) {
                    return; // nothing left that this worker could ever claim
                }
                if (!sleep(idleMs)) {
                    return;
                }
                continue;
            }
            localInFlight.incrementAndGet();
            Job job = new Job(claim.get(), Thread.currentThread());
            inFlight.put(claim.get().benchCase().id(), job);
            if (cancelled) {
                job.stop();
            }
            try {
                process(job);
            } finally {
                inFlight.remove(claim.get().benchCase().id());
                localInFlight.decrementAndGet();
                Thread.interrupted(); // an interrupt meant for this case must not hit the next claim
                wake.offer(Boolean.TRUE);
            }
        }
    }

    private void process(Job job) {
        Claim claim = job.claim;
        CaseOutcome outcome;
        try {
            outcome = work.run(claim, job);
        } catch (InterruptedException | CaseJudging.Cancelled e) {
            outcome = null;
        } catch (RuntimeException e) {
            if (job.stopped()) {
                outcome = null;
            } else {
                LOG.debug("case {} failed", claim.benchCase().id(), e);
                outcome = BenchRunner.failed(claim.benchCase(), BenchRunner.oneLine(e));
            }
        } finally {
            job.workDone();
        }
        try {
            if (outcome == null || job.stopped()) {
                store.release(claim);
                return;
            }
            if (store.complete(claim, outcome)) {
                finishedHere.incrementAndGet();
                try {
                    listener.caseFinished(claim.benchCase().id(), outcome.failed(), outcome.error());
                } catch (RuntimeException e) {
                    LOG.warn("the progress listener failed: {}", e.toString());
                }
            } else {
                LOG.warn(
                        "case {}: the claim was lost (its lease expired and another worker took it); this result is"
                                + " dropped",
                        claim.benchCase().id());
            }
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private void renewAll() {
        for (Job job : inFlight.values()) {
            try {
                if (!job.stopped() && !store.renew(job.claim, lease)) {
                    LOG.warn(
                            "case {}: the lease was lost; its work stops",
                            job.claim.benchCase().id());
                    job.stop();
                }
            } catch (RuntimeException e) {
                LOG.warn(
                        "case {}: the lease could not be renewed: {}",
                        job.claim.benchCase().id(),
                        e.toString());
            }
        }
    }

    private void fail(RuntimeException e) {
        if (fatal.compareAndSet(null, e)) {
            LOG.error("the result store failed; the run stops: {}", BenchRunner.oneLine(e));
            cancel();
        }
    }

    private static boolean sleep(long ms) {
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    // ---- progress -----------------------------------------------------------------------------------------------

    private void tickLoop() {
        try {
            while (workersDone.getCount() > 0) {
                try {
                    wake.poll(TICK.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    break;
                }
                tell();
            }
            awaitWorkers();
            renewer.shutdownNow();
            boolean complete = false;
            BenchProgress last = null;
            try {
                last = progress();
                complete = !cancelled && fatal.get() == null && last.open() == 0 && last.inFlight() == 0;
                if (complete) {
                    store.finish(Instant.now());
                }
            } catch (RuntimeException e) {
                fatal.compareAndSet(null, e);
            }
            if (last != null) {
                try {
                    listener.progress(last);
                } catch (RuntimeException e) {
                    LOG.warn("the progress listener failed: {}", e.toString());
                }
            }
            summary = new BenchSummary(last, cancelled, complete, Duration.ofNanos(System.nanoTime() - startNanos));
        } finally {
            finished.countDown();
        }
    }

    private void awaitWorkers() {
        boolean interrupted = false;
        while (true) {
            try {
                workersDone.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void tell() {
        try {
            listener.progress(progress());
        } catch (RuntimeException e) {
            LOG.warn("the progress listener failed: {}", e.toString());
        }
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
