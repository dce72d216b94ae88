package dev.editloop.cli;

import dev.editloop.core.InvalidInputException;
import dev.editloop.data.DataDir;
import dev.editloop.data.export.Export;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code editloop data export}: files trainers read as they are. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Write the split for a trainer, under DIR/data/export. sft: LLaMA-Factory's multimodal sharegpt"
                    + " (messages + images, dataset_info.json beside it) or, with --layout trl, TRL's vision SFT"
                    + " layout. rl: verl/EasyR1 records (prompt, images, reward_model.ground_truth, data_source,"
                    + " extra_info; problem and answer for EasyR1). reasonedit: thinking pairs and reflection"
                    + " triples. Image paths are relative to DIR/data; --images embed puts the bytes in the"
                    + " Parquet file.",
            ""
        },
        footer = {
            "",
            "Examples (in the EditLoop folder):",
            "  ./editloop data export runs/data --format sft --to jsonl",
            "  ./editloop data export runs/data --format sft --layout trl \\",
            "      --to parquet --images embed",
            "  ./editloop data export runs/data --format rl --to parquet",
            "  ./editloop data export runs/data --format reasonedit --to jsonl"
        })
final class DataExportCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The data set folder.")
    Path dir;

    @Option(names = "--format", paramLabel = "F", required = true, description = "sft, rl or reasonedit.")
    String format;

    @Option(
            names = "--to",
            paramLabel = "T",
            defaultValue = "jsonl",
            description = "jsonl or parquet (default: ${DEFAULT-VALUE}).")
    String to;

    @Option(names = "--layout", paramLabel = "L", description = "sft: llamafactory (default) or trl; rl: verl.")
    String layout;

    @Option(
            names = "--images",
            paramLabel = "I",
            description = "path or embed (Parquet only); default: embed for rl, path otherwise.")
    String images;

    @Mixin
    Verbosity verbosity;

    @Override
    public Integer call() {
        DataDir data = DataDir.open(dir);
        String target = to.strip().toLowerCase(Locale.ROOT);
        if (!target.equals("jsonl") && !target.equals("parquet")) {
            throw new InvalidInputException("--to: unknown file type '" + to + "'; give jsonl or parquet");
        }
        Export.Format f = Export.Format.parse(format);
        boolean parquet = target.equals("parquet");
        boolean embed;
        if (images == null) {
            embed = f == Export.Format.RL && parquet;
        } else if (images.equalsIgnoreCase("embed")) {
            embed = true;
        } else if (images.equalsIgnoreCase("path")) {
            embed = false;
        } else {
            throw new InvalidInputException("--images: unknown value '" + images + "'; give path or embed");
        }
        Export.Result r = Export.run(
                data,
                new Export.Options(f, parquet, layout, embed),
                new StageBar(spec.commandLine().getErr(), "export", verbosity.quiet));
        var out = spec.commandLine().getOut();
        r.files().forEach((file, n) -> {
            long bytes;
            try {
                bytes = Files.size(file);
            } catch (java.io.IOException e) {
                bytes = -1;
            }
            out.println("wrote " + file + " (" + n + (n == 1 ? " record, " : " records, ") + human(bytes) + ")");
        });
        out.flush();
        return Main.OK;
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
