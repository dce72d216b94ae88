package dev.editloop.cli;

import dev.editloop.core.config.EditLoopConfig;
import dev.editloop.core.spi.BackendCheck;
import dev.editloop.core.spi.BackendProvider;
import dev.editloop.core.spi.BackendRegistry;
import dev.editloop.core.spi.BackendRole;
import dev.editloop.core.spi.BackendSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code editloop backends check SPEC…}: probes each backend and prints a table. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Probe backends before a long run: for each endpoint, whether it is reachable, whether the key is"
                    + " accepted, whether the model (or the ComfyUI workflow's nodes and files) is present, and the"
                    + " time of one small round trip.",
            ""
        },
        footer = {
            "",
            "Examples (in the EditLoop folder):",
            "  ./editloop backends check embedded --role thinker",
            "  ./editloop backends check \\",
            "      \"openai-chat:http://127.0.0.1:8000/v1?model=Qwen/Qwen3-VL-8B-Instruct\"",
            "  # names from editloop.yaml:",
            "  ./editloop backends check qwen-edit thinker-8b",
            "",
            "Exit status: 0 every check passed; 1 something failed; 2 bad input."
        })
final class BackendsCheckCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SPEC", arity = "1..*", description = "Backend specs or names from the config file.")
    List<String> specs = new ArrayList<>();

    @Option(
            names = "--role",
            paramLabel = "ROLE",
            description = "Check as editor, thinker or judge (default: the first role the backend fills).")
    String role;

    @picocli.CommandLine.Mixin(name = ConfigOption.NAME)
    ConfigOption config;

    @picocli.CommandLine.Mixin
    Verbosity verbosity;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        EditLoopConfig cfg = config.config();
        BackendRegistry registry = BackendRegistry.load();
        BackendRole wanted = role == null ? null : BackendRole.parse(role);
        List<BackendCheck> rows = new ArrayList<>();
        for (String text : specs) {
            BackendSpec parsed = cfg.resolve(text);
            BackendProvider provider = registry.providers().get(parsed.kind());
            BackendRole use = wanted;
            if (use == null && provider != null) {
                use = provider.roles().stream().sorted().findFirst().orElse(BackendRole.EDITOR);
            }
            rows.addAll(registry.check(parsed, use == null ? BackendRole.EDITOR : use));
        }
        List<BackendCheck> shown =
                verbosity.quiet ? rows.stream().filter(r -> !r.ok()).toList() : rows;
        if (!shown.isEmpty()) {
            print(out, shown);
        }
        boolean ok = rows.stream().allMatch(BackendCheck::ok);
        return ok ? Main.OK : Main.RUN_ERROR;
    }

    static void print(java.io.PrintWriter out, List<BackendCheck> rows) {
        int backendWidth = Math.max(
                7, rows.stream().mapToInt(r -> r.backend().length()).max().orElse(7));
        backendWidth = Math.min(backendWidth, 60);
        int endpointWidth = Math.max(
                8, rows.stream().mapToInt(r -> r.endpoint().length()).max().orElse(8));
        endpointWidth = Math.min(endpointWidth, 40);
        String format = "%-" + backendWidth + "s  %-" + endpointWidth + "s  %-9s  %-6s  %-6s  %10s  %s%n";
        out.printf(Locale.ROOT, format, "backend", "endpoint", "reachable", "auth", "model", "round trip", "detail");
        for (BackendCheck r : rows) {
            out.printf(
                    Locale.ROOT,
                    format,
                    cut(r.backend(), backendWidth),
                    cut(r.endpoint(), endpointWidth),
                    r.reachable().label(),
                    r.authenticated().label(),
                    r.model().label(),
                    r.roundTripMillis() == null ? "-" : r.roundTripMillis() + " ms",
                    r.detail());
        }
        out.flush();
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
