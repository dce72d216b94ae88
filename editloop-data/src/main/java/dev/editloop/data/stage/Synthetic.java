package dev.editloop.data.stage;

import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import dev.editloop.data.DataDir;
import dev.editloop.data.ImageStore;
import dev.editloop.data.Jsonl;
import dev.editloop.data.model.Critic;
import dev.editloop.data.model.DataTrajectory;
import dev.editloop.data.model.DataTurn;
import dev.editloop.data.model.Scores;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic trajectories for measuring the stages at scale ({@code editloop data bench}): deterministic for a seed,
 * 1–5 turns each over six task types, scores that drift up or down from turn to turn, expert scores near the scorer's,
 * and a handful of small images (stored once) that every trajectory refers to.
 */
public final class Synthetic {
    static final List<String> TASKS = List.of("color", "style", "tone", "object", "text", "background");

    private Synthetic() {}

    /** Trajectories with about {@code steps} turns in all. */
    public static List<DataTrajectory> trajectories(DataDir dir, int steps, long seed) {
        ImageStore store = new ImageStore(dir.images());
        List<String> images = new ArrayList<>();
        try {
            Path tmp = Files.createTempDirectory("editloop-synthetic");
            for (int i = 0; i < 8; i++) {
                Path f = tmp.resolve(i + ".png");
                Images.writePng(Picture.solid(64, 48, new Color(30 * i, 255 - 30 * i, 120)), f);
                images.add(store.put(f));
                Files.delete(f);
            }
            Files.delete(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<DataTrajectory> out = new ArrayList<>();
        int made = 0;
        int n = 0;
        while (made < steps) {
            String task = TASKS.get(random.nextInt(TASKS.size()));
            int length = Math.min(steps - made, 1 + random.nextInt(5));
            double score = random.nextDouble(0, 8);
            List<DataTurn> turns = new ArrayList<>();
            for (int t = 1; t <= length; t++) {
                double sc = clamp(score + random.nextDouble(-1, 1));
                double pq = clamp(score + random.nextDouble(-1, 1));
                Critic expert = new Critic(
                        clamp(Math.rint(sc + random.nextDouble(-2, 2))),
                        clamp(Math.rint(pq + random.nextDouble(-2, 2))),
                        "the edit covers part of the request; the rest needs a clearer instruction",
                        "instruction " + (t + 1),
                        "refine",
                        "");
                turns.add(new DataTurn(
                        t,
                        t == 1 ? "request " + n : "instruction " + t,
                        images.get(random.nextInt(images.size())),
                        expert,
                        Scores.of(sc, pq)));
                score = clamp(score + random.nextDouble(-2, 3));
            }
            out.add(new DataTrajectory(
                    "s" + n, task, "request " + n, images.get(n % images.size()), "max_turns", turns, turns.size()));
            made += length;
            n++;
        }
        return out;
    }

    /** Writes the synthetic set as the generate run's filter input would be, unfiltered: {@code data/synthetic.jsonl}. */
    public static Path write(DataDir dir, int steps, long seed) {
        Path file = dir.data().resolve("synthetic.jsonl");
        Jsonl.write(file, trajectories(dir, steps, seed));
        return file;
    }

    /** Filters the synthetic set into {@code data/trajectories.jsonl} and {@code filter.json}. */
    public static Filter.Report filter(DataDir dir, Path synthetic) {
        List<DataTrajectory> kept = new ArrayList<>();
        Filter.Report report = Filter.apply(Jsonl.read(synthetic, DataTrajectory.class), kept);
        Jsonl.write(dir.trajectories(), kept);
        Jsonl.writeJson(dir.filterReport(), report);
        return report;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(10, v));
    }
}
