package dev.editloop.cli;

import dev.editloop.core.InvalidInputException;
import dev.editloop.core.config.EditLoopConfig;
import dev.editloop.core.prompt.Prompts;
import dev.editloop.core.spi.BackendSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The shared backend options (a picocli mixin): {@code --editor}, {@code --thinker}, {@code --timeout} and
 * {@code --prompt}, resolved against the config file into backend specs.
 */
final class BackendOptions {
    /** The thinker kind that reads no prompts: the heuristic thinker measures pixels. */
    static final String EMBEDDED = "embedded";

    @Option(
            names = "--editor",
            paramLabel = "SPEC",
            defaultValue = EMBEDDED,
            description = "Editor backend: a spec (KIND:URL?key=value&…) or a name from the config file"
                    + " (default: ${DEFAULT-VALUE}; embedded is the classic editor). See 'editloop backends'.")
    String editor;

    @Option(
            names = "--thinker",
            paramLabel = "SPEC",
            defaultValue = EMBEDDED,
            description = "Thinker backend: a spec or a name from the config file (default: ${DEFAULT-VALUE};"
                    + " embedded is the heuristic thinker).")
    String thinker;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            converter = Converters.DurationConverter.class,
            description = "Time allowed per request to a remote backend, e.g. 90s, 5m, 1h30m (default: each"
                    + " backend's own, see docs/backends.md); a spec's own timeout= wins.")
    Duration timeout;

    @Option(
            names = "--prompt",
            paramLabel = "NAME=FILE",
            description = "Replace one of a chat thinker's prompts with your own file (repeatable), e.g."
                    + " think-while-edit=my-prompt.txt. Names: think-while-edit, think-before-edit, reflect-target,"
                    + " reflect-judge, repair. The embedded thinker uses no prompts.")
    List<String> prompts = new ArrayList<>();

    /** The editor's spec. */
    BackendSpec editorSpec(EditLoopConfig cfg) {
        return withTimeout(cfg.resolve(editor));
    }

    /**
     * The thinker's spec, with each {@code --prompt NAME=FILE} as the parameter {@code prompt.NAME=FILE}.
     *
     * @throws InvalidInputException for a malformed entry, an unknown name, a missing file, or a thinker that reads
     *     no prompts
     */
    BackendSpec thinkerSpec(EditLoopConfig cfg) {
        BackendSpec spec = withTimeout(cfg.resolve(thinker));
        if (prompts.isEmpty()) {
            return spec;
        }
        if (spec.kind().equals(EMBEDDED)) {
            throw new InvalidInputException("--prompt does not apply to the embedded thinker: it measures the pixels"
                    + " and reads no prompts (use it with a chat thinker such as openai-chat, ollama, gemini or"
                    + " anthropic)");
        }
        Map<String, String> params = new LinkedHashMap<>(spec.params());
        for (String entry : prompts) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new InvalidInputException("--prompt expects NAME=FILE, got '" + entry + "'");
            }
            String name = entry.substring(0, eq).strip();
            Path file = Path.of(entry.substring(eq + 1).strip());
            // an unknown name, a missing file or an unknown placeholder is bad input now, before any backend is called
            Prompts.defaults().withOverride(name, file);
            params.put("prompt." + name, file.toString());
        }
        return new BackendSpec(spec.kind(), spec.endpoints(), params);
    }

    /**
     * Any spec string or configured name, with {@code --timeout} applied; the thinker's own string also gets its
     * {@code --prompt} files (for commands that resolve specs lazily, through a backends session).
     */
    BackendSpec resolve(EditLoopConfig cfg, String text) {
        if (text.equals(thinker) && !prompts.isEmpty()) {
            return thinkerSpec(cfg);
        }
        return withTimeout(cfg.resolve(text));
    }

    private BackendSpec withTimeout(BackendSpec spec) {
        if (timeout == null || spec.kind().equals(EMBEDDED) || spec.params().containsKey("timeout")) {
            return spec;
        }
        Map<String, String> params = new LinkedHashMap<>(spec.params());
        params.put("timeout", timeout.toMillis() + "ms");
        return new BackendSpec(spec.kind(), spec.endpoints(), params);
    }
}
