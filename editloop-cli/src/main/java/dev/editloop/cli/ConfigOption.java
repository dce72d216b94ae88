package dev.editloop.cli;

import dev.editloop.core.config.EditLoopConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The shared {@code --config FILE} option (a picocli mixin), and the configuration it names: that file, else
 * {@code ./editloop.yaml} when it exists, else none. Read once per command line.
 */
final class ConfigOption {
    /** The mixin's name, by which {@link ConfigDefaults} finds it on a command. */
    static final String NAME = "config";

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description =
                    "Config file naming backends and defaults (default: editloop.yaml in the working folder, when it"
                            + " exists).")
    Path file;

    private Path loadedFrom;
    private EditLoopConfig loaded;

    /**
     * The configuration to use.
     *
     * @throws dev.editloop.core.InvalidInputException when the file is missing or malformed
     */
    EditLoopConfig config() {
        Path key = file == null ? Path.of(EditLoopConfig.FILE_NAME) : file;
        if (loaded == null || !key.equals(loadedFrom)) {
            loaded = EditLoopConfig.locate(file, Path.of(""));
            loadedFrom = key;
        }
        return loaded;
    }
}
