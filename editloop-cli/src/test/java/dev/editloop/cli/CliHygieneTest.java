package dev.editloop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.editloop.core.trajectory.Trajectory;
import dev.editloop.core.trajectory.TrajectoryJson;
import dev.editloop.testkit.TestImages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line's own behaviour: converters, config defaults, versions, help, and the messages users see. */
class CliHygieneTest {
    @TempDir
    Path tmp;

    private final String cat = TestImages.examplePath("chelsea.png").toString();

    private CliRun edit(String... extra) {
        List<String> args = new ArrayList<>(List.of("edit", "-i", cat, "-p", "make it black and white"));
        args.addAll(List.of(extra));
        if (!args.contains("--out") && !args.contains("-o")) {
            args.addAll(List.of("--out", tmp.resolve("run-" + System.nanoTime()).toString()));
        }
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void eachConverterRefusesABadValueInOneLineNamingTheOptionAndExitsTwo() {
        Map<List<String>, List<String>> cases = Map.of(
                List.of("--strategy", "greedy"),
                List.of("'--strategy'", "unknown strategy 'greedy'", "think-while-edit, think-before-edit"),
                List.of("--threshold", "eleven"),
                List.of("'--threshold'", "threshold 'eleven' is not a number"),
                List.of("--threshold", "median:8"),
                List.of("'--threshold'", "unknown threshold rule 'median'"),
                List.of("--max-turns", "0"),
                List.of("'--max-turns'", "must be within 1..50, got 0"),
                List.of("--max-turns", "many"),
                List.of("'--max-turns'", "'many' is not a whole number"),
                List.of("--timeout", "soon"),
                List.of("'--timeout'", "'soon' is not a duration (e.g. 90s, 5m, 1h30m, 500ms)"),
                List.of("--timeout", "0s"),
                List.of("'--timeout'", "must be more than 0 and at most a week"));
        cases.forEach((args, expected) -> {
            CliRun run = edit(args.toArray(String[]::new));
            assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(Main.BAD_INPUT);
            assertThat(run.errorLines())
                    .as(run.err())
                    .singleElement()
                    .asString()
                    .contains(expected);
            assertThat(run.err()).doesNotContain("Exception");
        });
    }

    @Test
    void durationsReadUnitsAndPlainSeconds() {
        var converter = new Converters.DurationConverter();
        assertThat(converter.convert("90s")).hasSeconds(90);
        assertThat(converter.convert("1h30m")).hasMinutes(90);
        assertThat(converter.convert("1.5m")).hasSeconds(90);
        assertThat(converter.convert("500ms")).hasMillis(500);
        assertThat(converter.convert("45")).hasSeconds(45);
        assertThat(converter.convert("PT2M")).hasSeconds(120);
    }

    @Test
    void theConfigDefaultsAreUsedAndShownInTheHelp() throws Exception {
        Path config = Files.writeString(tmp.resolve("editloop.yaml"), """
                defaults:
                  strategy: reflect
                  threshold: overall:7
                  max_turns: 2
                  seed: 11
                """);
        CliRun help = CliRun.of("edit", "--config", config.toString(), "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out().replaceAll("\\s+", " "))
                .contains("(default: reflect)")
                .contains("(default: overall:7)")
                .contains("1..50, or auto: 5 for think-while-edit, 3 for reflect (default: 2);")
                .contains("(default: 11)");

        Path out = tmp.resolve("run");
        CliRun run = edit("--config", config.toString(), "--out", out.toString(), "--quiet");
        assertThat(run.exit()).as(run.err()).isZero();
        Trajectory t = TrajectoryJson.read(out.resolve("trajectory.json"));
        assertThat(t.strategy()).isEqualTo("reflect");
        assertThat(t.seed()).isEqualTo(11);
        assertThat(t.maxTurns()).isEqualTo(2);
        assertThat(t.threshold().rule()).isEqualTo("overall");
        assertThat(t.threshold().value()).isEqualTo(7.0);
    }

    @Test
    void withoutAConfigFileTheHelpShowsTheBuiltInDefaults() {
        CliRun help = CliRun.of("edit", "--help");
        assertThat(help.out().replaceAll("\\s+", " "))
                .contains("(default: think-while-edit)")
                .contains("Turn limit, 1..50, or auto: 5 for think-while-edit, 3 for reflect (default: auto);")
                .contains("(default: 8)")
                .contains("(default: embedded;");
    }

    @Test
    void aBadValueInTheConfigDefaultsIsBadInput() throws Exception {
        Path config = Files.writeString(tmp.resolve("c.yaml"), "defaults:\n  strategy: greedy\n");
        CliRun run = edit("--config", config.toString());
        assertThat(run.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.errorLines()).singleElement().asString().contains("unknown strategy 'greedy'");
    }

    @Test
    void anUnknownCommandListsTheCommands() {
        CliRun top = CliRun.of("frobnicate", "--now");
        assertThat(top.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(top.errorLines())
                .singleElement()
                .asString()
                .isEqualTo(
                        "editloop: unknown command 'frobnicate'; the commands are: edit, bench, data, serve, backends, vocabulary, help");
        CliRun sub = CliRun.of("backends", "chek");
        assertThat(sub.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(sub.errorLines())
                .singleElement()
                .asString()
                .contains("unknown command 'chek' for 'editloop backends'")
                .contains("check");
    }

    @Test
    void versionPrintsTheVersionAndTheCommit() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exit()).isZero();
        List<String> lines = run.out().lines().toList();
        // a build from git embeds the short commit; one from a source tree without git says "unknown"
        assertThat(lines.getFirst())
                .matches("editloop \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit ([0-9a-f]{7,40}|unknown)\\)");
        assertThat(lines.get(1)).startsWith("Java ");
    }

    @Test
    void aPromptForTheEmbeddedThinkerSaysWhyItDoesNotApply() throws Exception {
        Path prompt = Files.writeString(tmp.resolve("p.txt"), "Judge {instruction}");
        CliRun run = edit("--prompt", "think-while-edit=" + prompt);
        assertThat(run.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.errorLines())
                .singleElement()
                .asString()
                .contains("--prompt does not apply to the embedded thinker")
                .contains("reads no prompts");
    }

    @Test
    void anOutputFolderHoldingOtherFilesIsRefusedAndLeftAlone() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("photos"));
        Path mine = Files.writeString(out.resolve("final.png"), "my own file");
        CliRun run = edit("--out", out.toString());
        assertThat(run.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.errorLines())
                .singleElement()
                .asString()
                .contains("output folder " + out + " is not empty (it holds final.png)");
        assertThat(Files.readString(mine)).isEqualTo("my own file");
        try (var files = Files.list(out)) {
            assertThat(files).containsExactly(mine);
        }
        // an empty folder is fine
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThat(edit("--out", empty.toString(), "--quiet").exit()).isZero();
        assertThat(empty.resolve("final.png")).exists();
    }

    @Test
    void anUnwritableOutputFolderSaysPermissionDenied() throws Exception {
        Path locked = Files.createDirectories(tmp.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(locked), "running as root: permissions do not stop this user");
            CliRun run = edit("--out", locked.resolve("run").toString());
            assertThat(run.exit()).isEqualTo(Main.BAD_INPUT);
            assertThat(run.errorLines()).singleElement().asString().contains("cannot be written: permission denied");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void anOutputFolderBelowAFileSaysWhichFileIsInTheWay() throws Exception {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "x");
        CliRun run = edit("--out", file.resolve("run").toString());
        assertThat(run.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.errorLines())
                .singleElement()
                .asString()
                .contains("cannot be written: " + file + " is a file, not a folder");
    }

    @Test
    void aPixelLimitBelowOneMegapixelIsGivenInPixels() {
        CliRun run = edit("--max-pixels", "100000");
        assertThat(run.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.errorLines())
                .singleElement()
                .asString()
                .contains("is 451x300 (135,300 pixels), above the limit of 100,000 pixels");
    }

    @Test
    void everyExampleInEveryHelpParses() {
        List<String> examples = new ArrayList<>();
        collect(Main.commandLine(), examples);
        assertThat(examples).hasSizeGreaterThanOrEqualTo(8);
        for (String example : examples) {
            List<String> words = Shell.words(example);
            assertThat(words.getFirst()).as(example).isEqualTo("./editloop");
            CommandLine fresh = Main.commandLine();
            CommandLine.ParseResult parsed =
                    fresh.parseArgs(words.subList(1, words.size()).toArray(String[]::new));
            assertThat(parsed.errors()).as(example).isEmpty();
        }
    }

    @Test
    void theFirstHelpExampleRunsAsPrinted() {
        String first = Shell.words(
                        examplesOf(Main.commandLine().getSubcommands().get("edit"))
                                .getFirst())
                .stream()
                .skip(1)
                .reduce((a, b) -> a + "\u0000" + b)
                .orElseThrow();
        List<String> args = new ArrayList<>(List.of(first.split("\u0000")));
        // examples are written for the EditLoop folder; here the images are found through the test kit
        args.replaceAll(a -> a.startsWith("examples/")
                ? TestImages.examplePath(a.substring(9)).toString()
                : a);
        args.addAll(List.of("--out", tmp.resolve("example").toString(), "--quiet"));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exit()).as(run.err()).isZero();
    }

    private static void collect(CommandLine cl, List<String> into) {
        into.addAll(examplesOf(cl));
        cl.getSubcommands().values().stream().distinct().forEach(sub -> {
            if (sub != cl && !(sub.getCommand() instanceof CommandLine.HelpCommand)) {
                collect(sub, into);
            }
        });
    }

    /** The example commands of one command's help as printed at 80 columns, continuation lines joined. */
    private static List<String> examplesOf(CommandLine cl) {
        StringWriter text = new StringWriter();
        cl.setUsageHelpWidth(80);
        cl.usage(new PrintWriter(text));
        List<String> commands = new ArrayList<>();
        boolean inExamples = false;
        StringBuilder current = null;
        for (String line : text.toString().lines().toList()) {
            if (line.startsWith("Examples")) {
                inExamples = true;
                continue;
            }
            if (!inExamples) {
                continue;
            }
            if (line.isBlank()) {
                break;
            }
            String body = line.strip();
            if (body.startsWith("#")) {
                continue;
            }
            if (current == null) {
                assertThat(body).as("an example line starts a command: " + line).startsWith("./editloop ");
                current = new StringBuilder();
            }
            boolean continued = body.endsWith("\\");
            current.append(continued ? body.substring(0, body.length() - 1) : body)
                    .append(' ');
            if (!continued) {
                commands.add(current.toString().strip());
                current = null;
            }
        }
        assertThat(current).as("an example ends with a dangling backslash").isNull();
        return commands;
    }

    /** Splits a command line the way a POSIX shell does for the quoting the examples use. */
    static final class Shell {
        static List<String> words(String line) {
            List<String> words = new ArrayList<>();
            StringBuilder word = null;
            char quote = 0;
            for (char c : line.toCharArray()) {
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    } else {
                        word.append(c);
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                    word = word == null ? new StringBuilder() : word;
                } else if (Character.isWhitespace(c)) {
                    if (word != null) {
                        words.add(word.toString());
                        word = null;
                    }
                } else {
                    word = word == null ? new StringBuilder() : word;
                    word.append(c);
                }
            }
            assertThat((int) quote).as("unbalanced quotes in: " + line).isZero();
            if (word != null) {
                words.add(word.toString());
            }
            return words;
        }
    }
}
