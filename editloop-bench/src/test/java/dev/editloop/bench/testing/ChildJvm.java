package dev.editloop.bench.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Starts a test main class in a child JVM with the test classpath, to kill it with {@code kill -9} mid-work. */
public final class ChildJvm {
    private ChildJvm() {}

    /** Starts {@code main} with arguments; its output goes to {@code log}. */
    public static Process start(Class<?> main, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("-Xmx256m");
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /**
     * Waits until {@code condition} holds (polling), or fails when the process ends first or {@code limit} passes. The
     * limit is generous: it only stops a broken test from hanging.
     */
    public static void awaitWhileAlive(Process process, BooleanSupplier condition, Duration limit, Path log)
            throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new AssertionError("the child JVM ended (exit " + process.exitValue() + ") before the condition"
                        + " held; its output:\n" + java.nio.file.Files.readString(log));
            }
            if (System.nanoTime() > end) {
                process.destroyForcibly();
                throw new AssertionError("the condition did not hold within " + limit);
            }
            Thread.sleep(50);
        }
    }

    /** Kills the process the way {@code kill -9} does and waits for it to be gone. */
    public static void kill9(Process process) throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }
}
