package dev.editloop.cli;

import dev.editloop.core.InvalidInputException;
import dev.editloop.core.config.EditLoopConfig;
import dev.editloop.core.spi.BackendRegistry;
import dev.editloop.server.EditLoopServer;
import dev.editloop.server.RewardOptions;
import dev.editloop.server.ServerOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code editloop serve}: the HTTP API, the OpenAI-compatible edits endpoint and the web page. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Serve EditLoop over HTTP: a web page to drop a photo and watch each turn, a job API with live events"
                    + " (Server-Sent Events), an OpenAI-compatible POST /v1/images/edits, the GRPO rewards of a batch"
                    + " of thinker replies (POST /v1/rewards), and the HTML reports of"
                    + " benchmark runs. Jobs run on a bounded queue over shared backends; they and their run folders"
                    + " are kept under --data and survive a restart.",
            "",
            "Listens on 127.0.0.1 only unless told otherwise; another address needs a token in the environment"
                    + " variable named by --token-env (every request then sends 'Authorization: Bearer TOKEN'), or"
                    + " --insecure.",
            ""
        },
        footer = {
            "",
            "Examples (in the EditLoop folder):",
            "  ./editloop serve",
            "  ./editloop serve --port 9000 --bench-dir runs --concurrency 4",
            "  ./editloop serve --host 0.0.0.0",
            "",
            "The last one needs a token in EDITLOOP_SERVER_TOKEN. Then open http://127.0.0.1:8080/ (the API is described at /openapi.json). Ctrl-C stops the server;"
                    + " running jobs are cancelled and kept as interrupted."
        })
final class ServeCommand implements Callable<Integer> {
    /** The environment variable holding the token, unless --token-env names another. */
    static final String TOKEN_ENV = "EDITLOOP_SERVER_TOKEN";

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            defaultValue = ServerOptions.DEFAULT_HOST,
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(
            names = "--port",
            paramLabel = "N",
            defaultValue = "8080",
            description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(
            names = "--editor",
            paramLabel = "SPEC",
            defaultValue = BackendOptions.EMBEDDED,
            description = "Editor of the default profile: a spec or a name from the config file (default:"
                    + " ${DEFAULT-VALUE}).")
    String editor;

    @Option(
            names = "--thinker",
            paramLabel = "SPEC",
            defaultValue = BackendOptions.EMBEDDED,
            description = "Thinker of the default profile (default: ${DEFAULT-VALUE}).")
    String thinker;

    @Mixin(name = ConfigOption.NAME)
    ConfigOption config;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = "runs/server",
            description = "Where jobs.db and the job folders live (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(
            names = "--bench-dir",
            paramLabel = "DIR",
            description = "A folder of benchmark run folders ('editloop bench run --out'); their HTML reports"
                    + " (bench-report.html) are listed on the page.")
    Path benchDir;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            defaultValue = "2",
            description = "Jobs run at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(
            names = "--queue",
            paramLabel = "N",
            defaultValue = "16",
            description = "Jobs waiting beyond the running ones; past it a submission gets 429 with Retry-After"
                    + " (default: ${DEFAULT-VALUE}).")
    int queue;

    @Option(
            names = "--max-upload-mb",
            paramLabel = "MB",
            defaultValue = "20",
            description = "Largest request body, in MB (default: ${DEFAULT-VALUE}).")
    int maxUploadMb;

    @Option(
            names = "--max-pixels",
            paramLabel = "N",
            defaultValue = "16000000",
            description = "Largest image, in pixels, read from the image header before decoding (default:"
                    + " ${DEFAULT-VALUE}).")
    long maxPixels;

    @Option(
            names = "--max-instruction",
            paramLabel = "N",
            defaultValue = "2000",
            description = "Longest instruction, in characters (default: ${DEFAULT-VALUE}).")
    int maxInstruction;

    @Option(
            names = "--job-timeout",
            paramLabel = "DURATION",
            defaultValue = "30m",
            converter = Converters.DurationConverter.class,
            description = "Longest time one job may run; it then stops with its best turn so far (default:"
                    + " ${DEFAULT-VALUE}).")
    Duration jobTimeout;

    @Option(
            names = "--reward-editor",
            paramLabel = "SPEC",
            description = "Editor that POST /v1/rewards runs refined instructions with (default: --editor).")
    String rewardEditor;

    @Option(
            names = "--reward-scorer",
            paramLabel = "SPEC",
            description = "Judge that scores those edits, VIEScore protocol (default: --thinker).")
    String rewardScorer;

    @Option(
            names = "--reward-concurrency",
            paramLabel = "N",
            defaultValue = "2",
            description = "Reward edits at once, over all batches (default: ${DEFAULT-VALUE}).")
    int rewardConcurrency;

    @Option(
            names = "--reward-batches",
            paramLabel = "N",
            defaultValue = "4",
            description = "Reward batches at once; past it a batch gets 429 with Retry-After (default:"
                    + " ${DEFAULT-VALUE}).")
    int rewardBatches;

    @Option(
            names = "--max-reward-batch",
            paramLabel = "N",
            defaultValue = "256",
            description = "Most rollouts in one reward batch (default: ${DEFAULT-VALUE}).")
    int maxRewardBatch;

    @Option(
            names = "--max-reward-mb",
            paramLabel = "MB",
            defaultValue = "64",
            description = "Largest reward batch body, in MB (default: ${DEFAULT-VALUE}).")
    int maxRewardMb;

    @Option(
            names = "--token-env",
            paramLabel = "NAME",
            defaultValue = TOKEN_ENV,
            description = "Environment variable holding the bearer token (default: ${DEFAULT-VALUE}). When it is"
                    + " set, every request needs it, on any address.")
    String tokenEnv;

    @Option(names = "--insecure", description = "Allow listening on an address other than loopback without a token.")
    boolean insecure;

    @Mixin
    Verbosity verbosity;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        EditLoopConfig cfg = config.config();
        if (maxUploadMb < 1 || maxUploadMb > 1024) {
            throw new InvalidInputException("--max-upload-mb must be within 1..1024, got " + maxUploadMb);
        }
        if (benchDir != null && !Files.isDirectory(benchDir)) {
            throw new InvalidInputException("--bench-dir " + benchDir + " is not a folder");
        }
        if (maxRewardMb < 1 || maxRewardMb > 1024) {
            throw new InvalidInputException("--max-reward-mb must be within 1..1024, got " + maxRewardMb);
        }
        String token = System.getenv(tokenEnv);
        ServerOptions options = ServerOptions.defaults(data)
                .withHost(host)
                .withPort(port)
                .withBenchDir(benchDir)
                .withToken(token, insecure)
                .withQueue(concurrency, queue)
                .withLimits(maxUploadMb * 1024L * 1024L, maxPixels, maxInstruction)
                .withBackends(editor, thinker, cfg)
                .withJobTimeout(jobTimeout)
                .withRewards(RewardOptions.defaults()
                        .withBackends(rewardEditor, rewardScorer)
                        .withLimits(rewardConcurrency, rewardBatches, maxRewardBatch, maxRewardMb * 1024L * 1024L));
        EditLoopServer server = EditLoopServer.start(options, BackendRegistry.load());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        String url = server.url() + "/";
        out.println("editloop: serving on " + url + " (jobs in " + data + "; API at " + url + "openapi.json;"
                + " Ctrl-C stops)");
        if (token != null) {
            out.println("editloop: every request needs the token from " + tokenEnv);
        } else if (insecure && !host.equals(ServerOptions.DEFAULT_HOST)) {
            out.println("editloop: warning: no token: anyone who reaches " + host + " can use this server");
        }
        if (!server.interruptedAtStart().isEmpty()) {
            out.println("editloop: " + server.interruptedAtStart().size()
                    + " job(s) were queued or running when the server last stopped; they are marked interrupted");
        }
        out.flush();
        stopped.await();
        return Main.OK;
    }
}
