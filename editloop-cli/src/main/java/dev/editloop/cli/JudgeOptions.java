package dev.editloop.cli;

import dev.editloop.bench.protocol.Protocol;
import dev.editloop.bench.protocol.Protocols;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How a benchmark's edits are judged (a picocli mixin) for {@code bench run} and {@code bench judge}: the protocol, its
 * prompts and the samples per question.
 */
final class JudgeOptions {
    @Option(
            names = "--protocol",
            paramLabel = "NAME",
            description = "Judge protocol: vie, imgedit, kris or rise (default: the suite's own, or the judged run's).")
    String protocol;

    @Option(
            names = "--judge-prompt",
            paramLabel = "NAME=FILE",
            description = "Replace one of the protocol's judge prompts with your file (repeatable).")
    List<String> prompts = new ArrayList<>();

    @Option(
            names = "--judge-samples",
            paramLabel = "N",
            defaultValue = "1",
            description = "Ask the judge every question N times; the report gives mean and spread"
                    + " (default: ${DEFAULT-VALUE}).")
    int samples;

    /**
     * The protocol to judge with, its prompts replaced as asked.
     *
     * @param otherwise the protocol when {@code --protocol} is not given
     */
    Protocol protocol(String otherwise) {
        return Protocols.get(protocol == null ? otherwise : protocol, BenchCli.promptFiles(prompts));
    }
}
