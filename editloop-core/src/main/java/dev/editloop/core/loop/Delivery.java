package dev.editloop.core.loop;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listener's bounded queue and the virtual thread that empties it (the policy is documented on {@link
 * LoopListener}).
 */
final class Delivery {
    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

    private final LoopListener listener;
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<LoopEvent> queue = new ArrayDeque<>();
    private long dropped;
    private boolean detached;
    private boolean done;

    Delivery(LoopListener listener, int capacity, String runName) {
        this.listener = listener;
        this.capacity = capacity;
        Thread.ofVirtual().name(runName + "-listener").start(this::deliver);
    }

    /** Queues an event, dropping the oldest progress event when the queue is full; never blocks. */
    void offer(LoopEvent event) {
        lock.lock();
        try {
            if (detached || done) {
                return;
            }
            if (queue.size() >= capacity) {
                for (Iterator<LoopEvent> it = queue.iterator(); it.hasNext(); ) {
                    if (droppable(it.next())) {
                        it.remove();
                        dropped++;
                        break;
                    }
                }
            }
            queue.addLast(event);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static boolean droppable(LoopEvent event) {
        return !(event instanceof LoopEvent.RunStarted || event instanceof LoopEvent.RunFinished);
    }

    private void deliver() {
        while (true) {
            LoopEvent event;
            lock.lock();
            try {
                while (queue.isEmpty()) {
                    changed.awaitUninterruptibly();
                }
                event = queue.pollFirst();
            } finally {
                lock.unlock();
            }
            try {
                listener.on(event);
            } catch (Throwable e) {
                LOG.warn(
                        "a run listener ({}) failed on {} and was detached; the run goes on: {}",
                        listener.getClass().getName(),
                        event.getClass().getSimpleName(),
                        e.toString());
                finish(true);
                return;
            }
            if (event instanceof LoopEvent.RunFinished) {
                finish(false);
                return;
            }
        }
    }

    private void finish(boolean failed) {
        lock.lock();
        try {
            detached = failed;
            done = true;
            queue.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the listener has received {@link LoopEvent.RunFinished} or was detached. */
    boolean await(long nanos) throws InterruptedException {
        lock.lock();
        try {
            long left = nanos;
            while (!done) {
                if (left <= 0) {
                    return false;
                }
                left = changed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    boolean detached() {
        lock.lock();
        try {
            return detached;
        } finally {
            lock.unlock();
        }
    }

    static long forever() {
        return TimeUnit.DAYS.toNanos(365);
    }
}
