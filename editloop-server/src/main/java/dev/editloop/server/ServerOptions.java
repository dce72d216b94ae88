package dev.editloop.server;

import dev.editloop.core.InvalidInputException;
import dev.editloop.core.config.EditLoopConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a server runs.
 *
 * @param host the address to bind (127.0.0.1 by default); another address needs a token or {@code insecure}
 * @param port the port; 0 picks a free one
 * @param dataDir where {@code jobs.db} and the job folders live
 * @param benchDir a folder of benchmark run folders whose HTML reports are served, or null
 * @param token the bearer token every API route requires, or null for none (from an environment variable; never
 *     logged or echoed)
 * @param insecure allow binding to a non-loopback address without a token
 * @param concurrency jobs run at once
 * @param queueSize jobs waiting beyond those running; past it a submission gets 429
 * @param maxUploadBytes the largest request body accepted
 * @param maxPixels the largest image accepted, checked from the image header before decoding
 * @param maxInstructionChars the longest instruction accepted
 * @param editor the default editor spec or configured name
 * @param thinker the default thinker spec or configured name
 * @param config the config file's backends, defaults and profiles
 * @param jobTimeout how long one job may run; null for no limit
 * @param rewards the reward endpoint's backends and limits
 */
public record ServerOptions(
        String host,
        int port,
        Path dataDir,
        Path benchDir,
        String token,
        boolean insecure,
        int concurrency,
        int queueSize,
        long maxUploadBytes,
        long maxPixels,
        int maxInstructionChars,
        String editor,
        String thinker,
        EditLoopConfig config,
        Duration jobTimeout,
        RewardOptions rewards) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_CONCURRENCY = 2;
    public static final int DEFAULT_QUEUE = 16;
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 20L * 1024 * 1024;
    public static final long DEFAULT_MAX_PIXELS = 16_000_000L;
    public static final int DEFAULT_MAX_INSTRUCTION = 2000;
    public static final Duration DEFAULT_JOB_TIMEOUT = Duration.ofMinutes(30);

    public ServerOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(editor, "editor");
        Objects.requireNonNull(thinker, "thinker");
        if (port < 0 || port > 65535) {
            throw new InvalidInputException("--port must be within 0..65535, got " + port);
        }
        if (concurrency < 1 || concurrency > 256) {
            throw new InvalidInputException("--concurrency must be within 1..256, got " + concurrency);
        }
        if (queueSize < 0 || queueSize > 10_000) {
            throw new InvalidInputException("--queue must be within 0..10000, got " + queueSize);
        }
        if (maxUploadBytes < 1024) {
            throw new InvalidInputException("--max-upload must be at least 1 KB, got " + maxUploadBytes + " bytes");
        }
        if (maxPixels < 1) {
            throw new InvalidInputException("--max-pixels must be positive, got " + maxPixels);
        }
        if (maxInstructionChars < 1) {
            throw new InvalidInputException("--max-instruction must be positive, got " + maxInstructionChars);
        }
        if (token != null && token.isBlank()) {
            token = null;
        }
        rewards = rewards == null ? RewardOptions.defaults() : rewards;
    }

    /** Loopback, port 8080, the embedded backends, the default limits, data under {@code dataDir}. */
    public static ServerOptions defaults(Path dataDir) {
        return new ServerOptions(
                DEFAULT_HOST,
                DEFAULT_PORT,
                dataDir,
                null,
                null,
                false,
                DEFAULT_CONCURRENCY,
                DEFAULT_QUEUE,
                DEFAULT_MAX_UPLOAD_BYTES,
                DEFAULT_MAX_PIXELS,
                DEFAULT_MAX_INSTRUCTION,
                "embedded",
                "embedded",
                EditLoopConfig.empty(),
                DEFAULT_JOB_TIMEOUT,
                RewardOptions.defaults());
    }

    public ServerOptions withHost(String value) {
        return new ServerOptions(
                value,
                port,
                dataDir,
                benchDir,
                token,
                insecure,
                concurrency,
                queueSize,
                maxUploadBytes,
                maxPixels,
                maxInstructionChars,
                editor,
                thinker,
                config,
                jobTimeout,
                rewards);
    }

    public ServerOptions withPort(int value) {
        return new ServerOptions(
                host,
                value,
                dataDir,
                benchDir,
                token,
                insecure,
                concurrency,
                queueSize,
                maxUploadBytes,
                maxPixels,
                maxInstructionChars,
                editor,
                thinker,
                config,
                jobTimeout,
                rewards);
    }

    public ServerOptions withBenchDir(Path value) {
        return new ServerOptions(
                host,
                port,
                dataDir,
                value,
                token,
                insecure,
                concurrency,
                queueSize,
                maxUploadBytes,
                maxPixels,
                maxInstructionChars,
                editor,
                thinker,
                config,
                jobTimeout,
                rewards);
    }

    public ServerOptions withToken(String value, boolean insecureValue) {
        return new ServerOptions(
                host,
                port,
                dataDir,
                benchDir,
                value,
                insecureValue,
                concurrency,
                queueSize,
                maxUploadBytes,
                maxPixels,
                maxInstructionChars,
                editor,
                thinker,
                config,
                jobTimeout,
                rewards);
    }

    public ServerOptions withQueue(int concurrencyValue, int queueValue) {
        return new ServerOptions(
                host,
                port,
                dataDir,
                benchDir,
                token,
                insecure,
                concurrencyValue,
                queueValue,
                maxUploadBytes,
                maxPixels,
                maxInstructionChars,
                editor,
                thinker,
                config,
                jobTimeout,
                rewards);
    }

    public ServerOptions withLimits(long uploadBytes, long pixels, int instructionChars) {
        return new ServerOptions(
                host,
                port,
                dataDir,
                benchDir,
                token,
                insecure,
                concurrency,
                queueSize,
                uploadBytes,
                pixels,
                instructionChars,
                editor,
                thinker,
                config,
                jobTimeout,
                rewards);
    }

    public ServerOptions withBackends(String editorValue, String thinkerValue, EditLoopConfig configValue) {
        return new ServerOptions(
                host,
                port,
                dataDir,
                benchDir,
                token,
                insecure,
                concurrency,
                queueSize,
                maxUploadBytes,
                maxPixels,
                maxInstructionChars,
                editorValue,
                thinkerValue,
                configValue,
                jobTimeout,
                rewards);
    }

    public ServerOptions withJobTimeout(Duration value) {
        return new ServerOptions(
                host,
                port,
                dataDir,
                benchDir,
                token,
                insecure,
                concurrency,
                queueSize,
                maxUploadBytes,
                maxPixels,
                maxInstructionChars,
                editor,
                thinker,
                config,
                value,
                rewards);
    }

    public ServerOptions withRewards(RewardOptions value) {
        return new ServerOptions(
                host,
                port,
                dataDir,
                benchDir,
                token,
                insecure,
                concurrency,
                queueSize,
                maxUploadBytes,
                maxPixels,
                maxInstructionChars,
                editor,
                thinker,
                config,
                jobTimeout,
                value);
    }

    @Override
    public String toString() {
        // the token never appears in a log line or a message
        return "ServerOptions[host=" + host + ", port=" + port + ", token=" + (token == null ? "none" : "set")
                + ", concurrency=" + concurrency + ", queue=" + queueSize + "]";
    }
}
