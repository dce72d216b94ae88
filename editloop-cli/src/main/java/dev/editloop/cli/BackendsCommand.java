package dev.editloop.cli;

import dev.editloop.core.config.EditLoopConfig;
import dev.editloop.core.spi.BackendProvider;
import dev.editloop.core.spi.BackendRegistry;
import dev.editloop.core.spi.BackendRole;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/** {@code editloop backends}: lists the backend kinds on the classpath and the roles they fill. */
@Command(
        name = "backends",
        mixinStandardHelpOptions = true,
        description = {
            "List the backend kinds this build knows, for --editor and --thinker SPEC strings, and the backends"
                    + " named in the config file. 'editloop backends check SPEC…' probes backends."
        },
        footer = {
            "",
            "Examples (in the EditLoop folder):",
            "  ./editloop backends",
            "  ./editloop backends --config editloop.yaml",
            "  ./editloop backends check embedded"
        },
        subcommands = {BackendsCheckCommand.class})
final class BackendsCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Mixin(name = ConfigOption.NAME)
    ConfigOption config;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        BackendRegistry registry = BackendRegistry.load();
        out.println(String.format(Locale.ROOT, "%-18s %-24s %s", "kind", "roles", "description"));
        for (BackendProvider provider : registry.providers().values()) {
            String roles =
                    provider.roles().stream().sorted().map(BackendRole::label).collect(Collectors.joining(", "));
            out.println(String.format(Locale.ROOT, "%-18s %-24s %s", provider.kind(), roles, provider.description()));
        }
        out.println();
        out.println("A SPEC is a kind, optionally with endpoints and parameters: KIND:URL[,URL…]?key=value&…");
        EditLoopConfig cfg = config.config();
        if (!cfg.backends().isEmpty()) {
            out.println();
            out.println("Named in " + cfg.source() + ":");
            cfg.backends()
                    .forEach((name, backend) ->
                            out.println(String.format(Locale.ROOT, "  %-16s %s", name, backend.display())));
        }
        out.flush();
        return Main.OK;
    }
}
