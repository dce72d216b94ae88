package dev.editloop.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.editloop.core.Editor;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.Thinker;
import dev.editloop.core.image.DecodedImage;
import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import dev.editloop.core.loop.LoopRequest;
import dev.editloop.core.loop.Strategy;
import dev.editloop.core.loop.Threshold;
import dev.editloop.core.region.Region;
import dev.editloop.core.spi.BackendRegistry;
import dev.editloop.core.spi.BackendSession;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.core.trajectory.RunFolder;
import dev.editloop.core.trajectory.Trajectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The EditLoop server: the JDK's HTTP server, one virtual thread per exchange, over a {@link JobService}.
 *
 * <p>Routes: the page ({@code /}, {@code /assets/…}); the job API under {@code /api/jobs}; live events
 * ({@code /api/jobs/ID/events}, Server-Sent Events, resumed after {@code Last-Event-ID}); the OpenAI-compatible
 * {@code POST /v1/images/edits}; the GRPO rewards of a batch of thinker replies ({@code POST /v1/rewards}); benchmark
 * reports under {@code /bench/RUN/}; the OpenAPI document at
 * {@code /openapi.json}. With a token every route but the page's static files needs {@code Authorization: Bearer
 * TOKEN} (or the session cookie the page gets from {@code POST /api/login}).
 */
public final class EditLoopServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EditLoopServer.class);

    /** The response header that names the job (and so the trajectory) behind an OpenAI-compatible answer. */
    public static final String TRAJECTORY_HEADER = "X-EditLoop-Trajectory-Id";

    private static final String COOKIE = "editloop_session";
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
    private static final Pattern TURN_IMAGE = Pattern.compile("turn-[1-9][0-9]{0,2}\\.png");
    private static final Set<String> JOB_FIELDS =
            Set.of("image", "instruction", "strategy", "profile", "max_turns", "threshold", "accept", "seed");
    private static final Map<String, String> ASSETS = Map.of(
            "app.js", "text/javascript; charset=utf-8",
            "style.css", "text/css; charset=utf-8",
            "favicon.svg", "image/svg+xml");
    private static final Map<String, String> BENCH_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "png", "image/png",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "gif", "image/gif",
            "webp", "image/webp",
            "json", "application/json; charset=utf-8",
            "jsonl", "application/json; charset=utf-8",
            "csv", "text/csv; charset=utf-8",
            "txt", "text/plain; charset=utf-8");

    private final ServerOptions options;
    private final HttpServer http;
    private final ExecutorService executor;
    private final JobStore store;
    private final BackendSession session;
    private final JobService jobs;
    private final RewardService rewards;
    private final Profiles profiles;
    /** Sessions last this long from the login; a restart keeps them (their digests are in the store). */
    static final Duration SESSION_LIFETIME = Duration.ofDays(30);

    // digest → created (ms): the sessions seen since the start, in front of the store
    private final Map<String, Long> sessions = new ConcurrentHashMap<>();
    private final boolean loopback;
    private final List<String> interruptedAtStart;
    private final SecureRandom random = new SecureRandom();

    private EditLoopServer(ServerOptions options, BackendRegistry registry) throws IOException {
        this.options = options;
        InetAddress address;
        try {
            address = InetAddress.getByName(options.host());
        } catch (IOException e) {
            throw new InvalidInputException("--host '" + options.host() + "' is not an address of this machine");
        }
        this.loopback = address.isLoopbackAddress();
        if (!loopback && options.token() == null && !options.insecure()) {
            throw new InvalidInputException(
                    "refusing to listen on " + options.host() + " without a token: set one in the"
                            + " environment (EDITLOOP_SERVER_TOKEN, or the variable --token-env names; every request then"
                            + " needs 'Authorization: Bearer TOKEN'), or pass --insecure to serve anyone who can reach this"
                            + " address");
        }
        this.profiles = new Profiles(options);
        Files.createDirectories(options.dataDir().resolve("jobs"));
        this.store = JobStore.open(options.dataDir().resolve("jobs.db"));
        this.interruptedAtStart = store.markInterrupted();
        store.pruneSessions(System.currentTimeMillis() - SESSION_LIFETIME.toMillis());
        for (String id : interruptedAtStart) {
            appendInterrupted(id);
        }
        this.session = new BackendSession(registry, options.config()::resolve);
        try {
            this.rewards = new RewardService(options, session, this::scrub);
        } catch (InvalidInputException | IOException e) {
            store.close();
            session.close();
            throw e;
        }
        this.jobs = new JobService(options, store, session, this::scrub);
        // a request's headers and body must arrive within a minute (slow clients cannot hold a thread forever)
        System.setProperty("sun.net.httpserver.maxReqTime", System.getProperty("sun.net.httpserver.maxReqTime", "60"));
        this.http = HttpServer.create(new InetSocketAddress(address, options.port()), 128);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        http.setExecutor(executor);
        http.createContext("/", this::handle);
    }

    /**
     * Starts a server: binds, marks jobs an earlier server left queued or running as interrupted, starts the workers.
     *
     * @throws InvalidInputException for a non-loopback address without a token (and without {@code insecure}), a
     *     malformed profile, or an address or port that cannot be bound
     */
    public static EditLoopServer start(ServerOptions options, BackendRegistry registry) {
        EditLoopServer server;
        try {
            server = new EditLoopServer(options, registry);
        } catch (java.net.BindException e) {
            throw new InvalidInputException(
                    "cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InvalidInputException("cannot start the server: " + e.getMessage(), e);
        }
        server.http.start();
        LOG.info("listening on {}", server.url());
        return server;
    }

    /** The address the server listens on, e.g. {@code http://127.0.0.1:8080}. */
    public URI url() {
        InetSocketAddress a = http.getAddress();
        String host = a.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + a.getPort());
    }

    /** The port bound (useful with port 0). */
    public int port() {
        return http.getAddress().getPort();
    }

    /** Jobs the store held as queued or running at start, now marked interrupted. */
    public List<String> interruptedAtStart() {
        return interruptedAtStart;
    }

    /** Stops listening, interrupts running jobs (kept as {@code interrupted}), closes the store and the backends. */
    @Override
    public void close() {
        http.stop(0);
        rewards.close();
        jobs.close();
        executor.shutdownNow();
        store.close();
        session.close();
    }

    // ---- dispatch -------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) {
        Http h = new Http(exchange);
        try {
            route(h);
        } catch (ApiError e) {
            safeError(h, e);
        } catch (InvalidInputException e) {
            safeError(h, ApiError.bad(scrub(e.getMessage()), null));
        } catch (IOException e) {
            // the client went away
            exchange.close();
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed", h.method, h.path, e);
            safeError(h, new ApiError(500, "the server failed on this request; the server log has the details", null));
        }
    }

    private static void safeError(Http h, ApiError e) {
        try {
            h.error(e);
        } catch (IOException | RuntimeException ignored) {
            h.exchange.close();
        }
    }

    private void route(Http h) throws IOException {
        checkHost(h);
        if (h.queryError) {
            throw ApiError.bad("the query string is malformed", null);
        }
        String path = h.path;
        if (path.contains("%2f")
                || path.contains("%2F")
                || path.contains("%5c")
                || path.contains("%5C")
                || path.contains("\\")) {
            throw ApiError.notFound("no such route");
        }
        List<String> seg = segments(path);
        String m = h.method.equals("HEAD") ? "GET" : h.method;
        // the page's static files hold no data: served without a token, so the page can ask for one
        if (m.equals("GET") && (seg.isEmpty() || seg.equals(List.of("index.html")))) {
            resource(h, "index.html", "text/html; charset=utf-8", true);
            return;
        }
        if (m.equals("GET") && seg.size() == 2 && seg.get(0).equals("assets") && ASSETS.containsKey(seg.get(1))) {
            resource(h, seg.get(1), ASSETS.get(seg.get(1)), false);
            return;
        }
        if (m.equals("POST") && seg.equals(List.of("api", "login"))) {
            login(h);
            return;
        }
        authorise(h);
        if (seg.equals(List.of("openapi.json")) && m.equals("GET")) {
            resource(h, "openapi.json", "application/json; charset=utf-8", false);
            return;
        }
        if (seg.equals(List.of("v1", "images", "edits"))) {
            allow(m, "POST");
            OpenAiEdits.handle(h, this);
            return;
        }
        if (seg.equals(List.of("v1", "rewards"))) {
            allow(m, "POST");
            rewards.handle(h);
            return;
        }
        if (seg.size() >= 1 && seg.get(0).equals("bench")) {
            allow(m, "GET");
            bench(h, seg);
            return;
        }
        if (seg.size() < 2 || !seg.get(0).equals("api")) {
            throw ApiError.notFound("no such route: " + Multipart.clip(path));
        }
        switch (seg.get(1)) {
            case "options" -> {
                allow(m, "GET");
                h.json(200, optionsJson());
            }
            case "bench" -> {
                allow(m, "GET");
                h.json(200, benchList());
            }
            case "jobs" -> jobsRoute(h, m, seg);
            default -> throw ApiError.notFound("no such route: " + Multipart.clip(path));
        }
    }

    private void jobsRoute(Http h, String m, List<String> seg) throws IOException {
        if (seg.size() == 2) {
            if (m.equals("POST")) {
                createJob(h);
            } else if (m.equals("GET")) {
                int limit = intParam(h.query.get("limit"), 50, 1, 500, "limit");
                ArrayNode list = Json.MAPPER.createArrayNode();
                for (JobRecord r : jobs.list(limit)) {
                    list.add(jobJson(r));
                }
                ObjectNode out = Json.object();
                out.set("jobs", list);
                h.json(200, out);
            } else {
                throw methodNotAllowed(m, "GET, POST");
            }
            return;
        }
        String id = seg.get(2);
        JobRecord record = jobs.get(id).orElseThrow(() -> ApiError.notFound("no job '" + Multipart.clip(id) + "'"));
        if (seg.size() == 3) {
            if (m.equals("GET")) {
                h.json(200, jobJson(record));
            } else if (m.equals("DELETE")) {
                jobs.delete(id);
                h.noContent();
            } else {
                throw methodNotAllowed(m, "GET, DELETE");
            }
            return;
        }
        String what = seg.get(3);
        switch (what) {
            case "cancel" -> {
                allow(m, "POST");
                h.json(202, jobJson(jobs.cancel(id)));
            }
            case "trajectory" -> {
                allow(m, "GET");
                Path file = jobs.dir(id).resolve(RunFolder.TRAJECTORY);
                if (!Files.isRegularFile(file)) {
                    throw ApiError.notFound("job " + id + " has no trajectory yet (it is " + record.status() + ")");
                }
                if ("1".equals(h.query.get("download"))) {
                    h.exchange
                            .getResponseHeaders()
                            .set("Content-Disposition", "attachment; filename=\"trajectory-" + id + ".json\"");
                }
                h.bytes(200, "application/json; charset=utf-8", Files.readAllBytes(file));
            }
            case "report" -> {
                allow(m, "GET");
                Path file = jobs.dir(id).resolve(RunFolder.REPORT);
                if (!Files.isRegularFile(file)) {
                    throw ApiError.notFound("job " + id + " has no report yet (it is " + record.status() + ")");
                }
                h.exchange.getResponseHeaders().set("Content-Security-Policy", Http.REPORT_CSP);
                h.exchange.getResponseHeaders().set("X-Frame-Options", "SAMEORIGIN");
                h.bytes(200, "text/html; charset=utf-8", Files.readAllBytes(file));
            }
            case "events" -> {
                allow(m, "GET");
                Sse.stream(h, jobs.events(id).orElseThrow(() -> ApiError.notFound("no job '" + id + "'")));
            }
            case "images" -> {
                allow(m, "GET");
                if (seg.size() != 5) {
                    throw ApiError.notFound("no such image");
                }
                image(h, id, seg.get(4));
            }
            default -> throw ApiError.notFound("no such route: " + Multipart.clip(h.path));
        }
    }

    // ---- jobs ---------------------------------------------------------------------------------------------

    private void createJob(Http h) throws IOException {
        byte[] body = h.body(options.maxUploadBytes());
        List<Multipart.Part> parts = Multipart.parse(body, Multipart.boundary(h.header("Content-Type")));
        Map<String, Multipart.Part> form = new LinkedHashMap<>();
        for (Multipart.Part p : parts) {
            if (!JOB_FIELDS.contains(p.name())) {
                throw ApiError.bad(
                        "unknown field '" + Multipart.clip(p.name()) + "' (known: image, instruction, strategy,"
                                + " profile, max_turns, threshold, accept, seed)",
                        p.name());
            }
            if (form.putIfAbsent(p.name(), p) != null) {
                throw ApiError.bad("the field '" + p.name() + "' is given twice", p.name());
            }
        }
        Multipart.Part image = form.get("image");
        if (image == null) {
            throw ApiError.bad("the field 'image' is missing: send the source image as a file", "image");
        }
        String instruction = text(form, "instruction");
        Profiles.Profile profile = profiles.get(text(form, "profile"), "profile");
        Strategy strategy = profile.strategy();
        String s = text(form, "strategy");
        if (s != null && !s.isBlank()) {
            try {
                strategy = Strategy.parse(s);
            } catch (InvalidInputException e) {
                throw ApiError.bad(e.getMessage(), "strategy");
            }
        }
        int maxTurns = profile.maxTurns();
        String t = text(form, "max_turns");
        if (t != null && !t.isBlank()) {
            maxTurns = parse(() -> Profiles.turns(t), "max_turns");
        }
        Threshold threshold = profile.threshold();
        String th = text(form, "threshold");
        if (th != null && !th.isBlank()) {
            threshold = parse(() -> Profiles.threshold(th), "threshold");
        }
        Threshold accept = profile.accept();
        String ac = text(form, "accept");
        if (ac != null && !ac.isBlank()) {
            accept = parse(() -> Profiles.accept(ac), "accept");
        }
        long seed = profile.seed();
        String sd = text(form, "seed");
        if (sd != null && !sd.isBlank()) {
            try {
                seed = Long.parseLong(sd.strip());
            } catch (NumberFormatException e) {
                throw ApiError.bad("seed '" + Multipart.clip(sd) + "' is not a whole number", "seed");
            }
        }
        DecodedImage decoded = Uploads.decode(image.body(), options.maxPixels(), "image");
        JobService.Job job =
                submit(decoded, instruction, strategy, maxTurns, threshold, accept, seed, profile, "api", null);
        h.exchange.getResponseHeaders().set("Location", "/api/jobs/" + job.id);
        h.json(201, jobJson(job.record));
    }

    /** Checks the instruction, resolves the backends and admits a job (429 when the queue is full). */
    JobService.Job submit(
            DecodedImage image,
            String instruction,
            Strategy strategy,
            int maxTurns,
            Threshold threshold,
            Threshold accept,
            long seed,
            Profiles.Profile profile,
            String origin,
            Region region) {
        String param = origin.equals("openai") ? "prompt" : "instruction";
        if (instruction == null || instruction.isBlank()) {
            throw ApiError.bad("the field '" + param + "' is missing or empty: say what to change", param);
        }
        if (instruction.codePointCount(0, instruction.length()) > options.maxInstructionChars()) {
            throw ApiError.bad(
                    "the " + param + " is " + instruction.codePointCount(0, instruction.length())
                            + " characters, above this server's limit of " + options.maxInstructionChars(),
                    param);
        }
        if (instruction.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            throw ApiError.bad("the " + param + " holds control characters", param);
        }
        // a request that the loop would refuse is a 400 now, not a failed job later
        try {
            new LoopRequest(image.picture(), instruction, strategy, maxTurns, threshold, seed, true, null, accept)
                    .withRegion(region);
        } catch (InvalidInputException e) {
            throw ApiError.bad(e.getMessage(), param);
        }
        BackendSpec editorSpec = profiles.spec(profile.editor(), "editor");
        BackendSpec thinkerSpec = profiles.spec(profile.thinker(), "thinker");
        Editor editor;
        Thinker thinker;
        try {
            editor = session.editor(editorSpec);
            thinker = session.thinker(thinkerSpec);
        } catch (InvalidInputException e) {
            throw ApiError.bad("profile " + profile.name() + ": " + scrub(e.getMessage()), "profile");
        }
        JobRequest request = new JobRequest(
                image,
                instruction.strip(),
                strategy,
                maxTurns,
                threshold,
                accept,
                seed,
                profile.name(),
                editorSpec,
                thinkerSpec,
                origin,
                region);
        return jobs.submit(request, editor, thinker);
    }

    JobService jobs() {
        return jobs;
    }

    Profiles profiles() {
        return profiles;
    }

    ServerOptions options() {
        return options;
    }

    private ObjectNode jobJson(JobRecord r) {
        ObjectNode o = Json.object();
        o.put("id", r.id());
        o.put("status", r.status());
        o.put("instruction", r.instruction());
        o.put("strategy", r.strategy());
        o.put("profile", r.profile());
        o.put("editor", r.editor());
        o.put("thinker", r.thinker());
        o.put("origin", r.origin());
        o.put("created", java.time.Instant.ofEpochMilli(r.createdMs()).toString());
        o.put("updated", java.time.Instant.ofEpochMilli(r.updatedMs()).toString());
        o.put("stop_reason", r.stopReason());
        o.put("turns", r.turns());
        o.put("best_turn", r.bestTurn());
        if (r.accepted() == null) {
            o.putNull("accepted");
        } else {
            o.put("accepted", r.accepted());
        }
        o.put("error", r.error() == null ? null : scrub(r.error()));
        String base = "/api/jobs/" + r.id();
        ObjectNode links = o.putObject("links");
        links.put("self", base);
        links.put("events", base + "/events");
        links.put("trajectory", base + "/trajectory");
        links.put("report", base + "/report");
        links.put("source", base + "/images/" + Trajectory.SOURCE_IMAGE);
        links.put("final", base + "/images/" + Trajectory.FINAL_IMAGE);
        links.put("cancel", base + "/cancel");
        return o;
    }

    private void image(Http h, String id, String name) throws IOException {
        if (!name.equals(Trajectory.SOURCE_IMAGE)
                && !name.equals(Trajectory.FINAL_IMAGE)
                && !TURN_IMAGE.matcher(name).matches()) {
            throw ApiError.notFound("no image '" + Multipart.clip(name) + "' (source.png, turn-N.png or final.png)");
        }
        Path dir = jobs.dir(id);
        Path file = dir.resolve(name).normalize();
        if (!file.getParent().equals(dir.normalize()) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw ApiError.notFound("job " + id + " has no image " + name + " (yet)");
        }
        if ("1".equals(h.query.get("download"))) {
            h.exchange
                    .getResponseHeaders()
                    .set("Content-Disposition", "attachment; filename=\"" + id + "-" + name + "\"");
        }
        h.exchange.getResponseHeaders().set("Cache-Control", "private, max-age=60");
        h.bytes(200, "image/png", Files.readAllBytes(file));
    }

    private void appendInterrupted(String id) {
        Path dir = options.dataDir().resolve("jobs").resolve(id);
        if (!Files.isDirectory(dir)) {
            return;
        }
        ObjectNode data = Json.object();
        data.put("status", JobRecord.Status.INTERRUPTED.id());
        data.put("stop_reason", (String) null);
        data.put("error", "the server stopped while the job was queued or running");
        if (Files.exists(dir.resolve(Trajectory.FINAL_IMAGE))) {
            data.put("final_image", "/api/jobs/" + id + "/images/" + Trajectory.FINAL_IMAGE);
        }
        EventLog log = EventLog.load(dir.resolve(EventLog.FILE));
        ObjectNode line = Json.object();
        line.put("id", log.size() + 1L);
        line.put("type", "finished");
        line.set("data", data);
        try {
            Files.writeString(
                    dir.resolve(EventLog.FILE),
                    Json.write(line) + "\n",
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.warn("job {}: cannot record the interruption in its event log: {}", id, e.getMessage());
        }
    }

    private ObjectNode optionsJson() {
        ObjectNode o = Json.object();
        ArrayNode strategies = o.putArray("strategies");
        for (String id : Strategy.known().split(",\\s*")) {
            strategies.add(id);
        }
        ArrayNode list = o.putArray("profiles");
        for (Profiles.Profile p : profiles.all()) {
            ObjectNode n = list.addObject();
            n.put("name", p.name());
            n.put("strategy", p.strategy().id());
            n.put("max_turns", p.maxTurns() == 0 ? p.strategy().defaultTurns() : p.maxTurns());
            n.put("threshold", p.threshold().toString());
            n.put("editor", p.editor());
            n.put("thinker", p.thinker());
        }
        ObjectNode limits = o.putObject("limits");
        limits.put("max_upload_bytes", options.maxUploadBytes());
        limits.put("max_pixels", options.maxPixels());
        limits.put("max_instruction_chars", options.maxInstructionChars());
        limits.put("max_turns", LoopRequest.MAX_TURN_LIMIT);
        limits.put("concurrency", options.concurrency());
        limits.put("queue", options.queueSize());
        ObjectNode r = o.putObject("rewards");
        r.put("editor", rewards.editorName());
        r.put("scorer", rewards.scorerName());
        r.put("edit_concurrency", options.rewards().editConcurrency());
        r.put("batches", options.rewards().batches());
        r.put("max_rollouts", options.rewards().maxRollouts());
        r.put("max_bytes", options.rewards().maxBytes());
        o.put("bench", options.benchDir() != null);
        return o;
    }

    // ---- benchmark reports --------------------------------------------------------------------------------

    private ObjectNode benchList() throws IOException {
        ObjectNode o = Json.object();
        ArrayNode runs = o.putArray("runs");
        Path root = options.benchDir();
        o.put("configured", root != null);
        if (root == null || !Files.isDirectory(root)) {
            return o;
        }
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> SAFE_NAME.matcher(p.getFileName().toString()).matches())
                    .filter(p -> Files.isRegularFile(p.resolve("bench-report.html"), LinkOption.NOFOLLOW_LINKS))
                    .forEach(dirs::add);
        }
        dirs.sort((a, b) -> Long.compare(modified(b), modified(a)));
        for (Path d : dirs) {
            ObjectNode r = runs.addObject();
            String name = d.getFileName().toString();
            r.put("name", name);
            r.put("report", "/bench/" + name + "/bench-report.html");
            r.put(
                    "modified",
                    java.time.Instant.ofEpochMilli(modified(d.resolve("bench-report.html")))
                            .toString());
        }
        return o;
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private void bench(Http h, List<String> seg) throws IOException {
        Path root = options.benchDir();
        if (root == null) {
            throw ApiError.notFound("no benchmark folder is configured (start the server with --bench-dir DIR)");
        }
        if (seg.size() == 2) {
            h.redirect("/bench/" + seg.get(1) + "/bench-report.html");
            return;
        }
        if (seg.size() < 3) {
            throw ApiError.notFound("name a benchmark run: /bench/RUN/bench-report.html");
        }
        for (String s : seg.subList(1, seg.size())) {
            if (!SAFE_NAME.matcher(s).matches()) {
                throw ApiError.notFound("no such file in the benchmark runs");
            }
        }
        String name = seg.getLast();
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? null : BENCH_TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (type == null) {
            throw ApiError.notFound("no such file in the benchmark runs (only reports, images and tables are served)");
        }
        Path realRoot = root.toRealPath();
        Path file = realRoot;
        for (String s : seg.subList(1, seg.size())) {
            file = file.resolve(s);
        }
        if (!Files.isRegularFile(file) || !file.toRealPath().startsWith(realRoot)) {
            throw ApiError.notFound("no such file in the benchmark runs");
        }
        if (type.startsWith("text/html")) {
            h.exchange.getResponseHeaders().set("Content-Security-Policy", Http.REPORT_CSP);
            h.exchange.getResponseHeaders().set("X-Frame-Options", "SAMEORIGIN");
        }
        h.bytes(200, type, Files.readAllBytes(file));
    }

    // ---- safety -------------------------------------------------------------------------------------------

    /**
     * Without a token the server trusts whoever reaches it, so it must only be reached by name as itself: a Host
     * header naming another site (DNS rebinding) is refused, and so is a cross-site form post (its Origin).
     */
    private void checkHost(Http h) {
        String host = h.header("Host");
        if (options.token() == null && loopback) {
            String name = host == null ? "" : hostName(host);
            if (!name.equals("localhost")
                    && !name.equals("127.0.0.1")
                    && !name.equals("[::1]")
                    && !name.equals(options.host().toLowerCase(Locale.ROOT))) {
                throw new ApiError(403, "this server answers only to localhost and 127.0.0.1", null);
            }
        }
        String origin = h.header("Origin");
        if (origin != null && !h.method.equals("GET") && !h.method.equals("HEAD")) {
            String expected = "http://" + (host == null ? "" : host.toLowerCase(Locale.ROOT));
            if (!origin.toLowerCase(Locale.ROOT).equals(expected)) {
                throw new ApiError(403, "cross-site requests are refused", null);
            }
        }
    }

    private static String hostName(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    private void authorise(Http h) {
        if (options.token() == null) {
            return;
        }
        if (bearerOk(h)) {
            return;
        }
        String cookies = h.header("Cookie");
        if (cookies != null) {
            for (String c : cookies.split(";")) {
                String kv = c.strip();
                if (kv.startsWith(COOKIE + "=") && sessionOk(kv.substring(COOKIE.length() + 1))) {
                    return;
                }
            }
        }
        throw new ApiError(401, "this server needs a token: send 'Authorization: Bearer TOKEN'", null);
    }

    private boolean bearerOk(Http h) {
        String auth = h.header("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = auth.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, options.token().getBytes(StandardCharsets.UTF_8));
    }

    /** The page trades the token (in the Authorization header) for an HttpOnly, same-site session cookie. */
    private void login(Http h) throws IOException {
        if (options.token() == null) {
            h.json(200, Map.of("authenticated", true, "token_required", false));
            return;
        }
        if (!bearerOk(h)) {
            throw new ApiError(401, "the token is wrong", null);
        }
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        long now = System.currentTimeMillis();
        String key = sessionDigest(value);
        store.addSession(key, now);
        sessions.put(key, now);
        h.exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + value + "; Path=/; HttpOnly; SameSite=Strict");
        h.json(200, Map.of("authenticated", true, "token_required", true));
    }

    /** Whether a cookie value is a live session: one this server, or an earlier one with the same token, handed out. */
    private boolean sessionOk(String value) {
        if (value.isEmpty() || value.length() > 128) {
            return false;
        }
        String key = sessionDigest(value);
        Long created = sessions.get(key);
        if (created == null) {
            created = store.session(key).orElse(null);
            if (created == null) {
                return false;
            }
            sessions.put(key, created);
        }
        if (System.currentTimeMillis() - created > SESSION_LIFETIME.toMillis()) {
            sessions.remove(key);
            return false;
        }
        return true;
    }

    /**
     * The stored form of a session cookie: HMAC-SHA256 keyed with the token. The store never holds a cookie, a digest
     * in it opens nothing without the token, and a new token ends every earlier session.
     */
    private String sessionDigest(String value) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(
                    options.token().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A message without the server's own paths. */
    String scrub(String message) {
        if (message == null) {
            return null;
        }
        String m = message;
        String data = options.dataDir().toAbsolutePath().normalize().toString();
        m = m.replace(data, "<data>");
        m = m.replace(options.dataDir().toString(), "<data>");
        if (options.benchDir() != null) {
            m = m.replace(options.benchDir().toAbsolutePath().normalize().toString(), "<bench>");
        }
        return m;
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private void resource(Http h, String name, String type, boolean page) throws IOException {
        try (InputStream in = EditLoopServer.class.getResourceAsStream("web/" + name)) {
            if (in == null) {
                throw ApiError.notFound("no such file");
            }
            byte[] body = in.readAllBytes();
            if (page) {
                h.exchange.getResponseHeaders().set("Content-Security-Policy", Http.PAGE_CSP);
            }
            h.exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            h.bytes(200, type, body);
        }
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (s.isEmpty()) {
                continue;
            }
            if (s.equals(".") || s.equals("..") || s.startsWith("%2e") || s.startsWith("%2E")) {
                throw ApiError.notFound("no such route");
            }
            out.add(s);
        }
        return out;
    }

    private static void allow(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw methodNotAllowed(method, allowed);
        }
    }

    private static ApiError methodNotAllowed(String method, String allowed) {
        return new ApiError(
                405, "method " + Multipart.clip(method) + " is not allowed here (allowed: " + allowed + ")", null);
    }

    static String text(Map<String, Multipart.Part> form, String name) {
        Multipart.Part p = form.get(name);
        return p == null ? null : p.text();
    }

    static int intParam(String value, int fallback, int min, int max, String param) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw ApiError.bad(param + " must be within " + min + ".." + max + ", got " + n, param);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiError.bad(param + " '" + Multipart.clip(value) + "' is not a whole number", param);
        }
    }

    static <T> T parse(java.util.function.Supplier<T> parser, String param) {
        try {
            return parser.get();
        } catch (InvalidInputException e) {
            throw ApiError.bad(e.getMessage(), param);
        }
    }

    /** A source picture re-encoded as PNG bytes (used by the OpenAI endpoint). */
    static byte[] png(Picture picture) {
        return Images.encodePng(picture, Images.PNG_LEVEL);
    }

    /** Writes bytes and closes, for streaming helpers. */
    static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static Duration openAiWait() {
        return Duration.ofHours(2);
    }
}
