package dev.editloop.cli;

import dev.editloop.core.config.EditLoopConfig;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Options' defaults from the config file's {@code defaults:} block: {@code --strategy} defaults to
 * {@code defaults.strategy}, and so on; an option the file does not set keeps its built-in default. The help shows
 * the default in force. The file is the command's {@code --config} (picocli applies defaults after reading the
 * command line), else {@code ./editloop.yaml}.
 */
final class ConfigDefaults implements IDefaultValueProvider {
    /** Option name → key of the config file's {@code defaults:} block. */
    static final Map<String, String> KEYS = Map.of(
            "--editor", "editor",
            "--thinker", "thinker",
            "--strategy", "strategy",
            "--max-turns", "max_turns",
            "--threshold", "threshold",
            "--seed", "seed",
            "--out", "out");

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option)) {
            return null;
        }
        String key = KEYS.get(option.longestName());
        if (key == null) {
            return null;
        }
        ConfigOption config = configOf(option.command());
        EditLoopConfig cfg = config == null ? EditLoopConfig.locate(null, java.nio.file.Path.of("")) : config.config();
        return cfg.defaultValue(key).orElse(null);
    }

    private static ConfigOption configOf(CommandSpec command) {
        for (CommandSpec c = command; c != null; c = c.parent()) {
            CommandSpec mixin = c.mixins().get(ConfigOption.NAME);
            if (mixin != null && mixin.userObject() instanceof ConfigOption option) {
                return option;
            }
        }
        return null;
    }
}
