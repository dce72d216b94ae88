package dev.editloop.data.stage;

import dev.editloop.core.InvalidInputException;
import dev.editloop.data.DataDir;
import dev.editloop.data.Jsonl;
import dev.editloop.data.model.StepSample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code editloop data balance}: evens out task types and score levels. Steps are grouped by the chosen keys ({@code
 * task}: the task type; {@code score}: the scorer's overall of the step's image in buckets of 2 points, 0–2, 2–4, 4–6,
 * 6–8, 8–10, with 10 in the last; steps the scorer could not score form the bucket {@code unscored}). Every group
 * larger than the cap keeps a random {@code cap} of its steps, drawn with a generator seeded by the seed and the
 * group's name (the same seed gives the same set on any machine); smaller groups are kept whole (nothing is
 * duplicated). The cap is {@code perGroup} when given, else the median group size (the lower median for an even count
 * of groups). The kept steps keep their input order.
 */
public final class Balance {
    /** What the steps are grouped by. */
    public enum Key {
        TASK,
        SCORE;

        /** Parses {@code task,score}. */
        public static List<Key> parse(List<String> names) {
            List<Key> keys = new ArrayList<>();
            for (String n : names) {
                try {
                    Key k = valueOf(n.strip().toUpperCase(Locale.ROOT));
                    if (!keys.contains(k)) {
                        keys.add(k);
                    }
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("--by: unknown key '" + n + "'; the keys are task, score");
                }
            }
            if (keys.isEmpty()) {
                throw new InvalidInputException("--by needs at least one of task, score");
            }
            return keys;
        }
    }

    /**
     * The stage's counts.
     *
     * @param steps steps read
     * @param kept steps kept
     * @param cap the cap per group
     * @param before group sizes before, by group name
     * @param after group sizes after
     * @param seed the seed
     */
    public record Report(
            int steps, int kept, int cap, Map<String, Integer> before, Map<String, Integer> after, long seed) {}

    private Balance() {}

    /** The bucket of a score, e.g. {@code 6-8}. */
    public static String bucket(Double overall) {
        if (overall == null || overall.isNaN()) {
            return "unscored";
        }
        int low = Math.min(8, (int) Math.floor(overall / 2) * 2);
        return low + "-" + (low + 2);
    }

    /** The group of a step under the keys, e.g. {@code color/6-8}. */
    public static String group(StepSample s, List<Key> keys) {
        List<String> parts = new ArrayList<>();
        for (Key k : keys) {
            parts.add(k == Key.TASK ? s.task() : bucket(s.scorer().overall()));
        }
        return String.join("/", parts);
    }

    /**
     * Balances steps.
     *
     * @param perGroup the cap, or 0 for the median group size
     * @param kept receives the kept steps, in input order
     */
    public static Report balance(
            List<StepSample> steps, List<Key> keys, int perGroup, long seed, List<StepSample> kept) {
        if (perGroup < 0) {
            throw new InvalidInputException("--per-group must not be negative, got " + perGroup);
        }
        Map<String, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < steps.size(); i++) {
            groups.computeIfAbsent(group(steps.get(i), keys), g -> new ArrayList<>())
                    .add(i);
        }
        int cap = perGroup > 0
                ? perGroup
                : median(groups.values().stream().map(List::size).toList());
        Set<Integer> keep = new HashSet<>();
        Map<String, Integer> before = new LinkedHashMap<>();
        Map<String, Integer> after = new LinkedHashMap<>();
        groups.forEach((name, members) -> {
            before.put(name, members.size());
            List<Integer> chosen = members;
            if (members.size() > cap) {
                List<Integer> shuffled = new ArrayList<>(members);
                Collections.shuffle(shuffled, new Random(seed * 31 + name.hashCode()));
                chosen = shuffled.subList(0, cap);
            }
            keep.addAll(chosen);
            after.put(name, chosen.size());
        });
        for (int i = 0; i < steps.size(); i++) {
            if (keep.contains(i)) {
                kept.add(steps.get(i));
            }
        }
        return new Report(steps.size(), kept.size(), cap, before, after, seed);
    }

    /** Runs the stage: {@code data/steps.jsonl} → {@code data/balanced.jsonl} and {@code data/balance.json}. */
    public static Report run(DataDir dir, List<Key> keys, int perGroup, long seed) {
        List<StepSample> steps = Jsonl.read(dir.require(dir.steps(), "unroll"), StepSample.class);
        List<StepSample> kept = new ArrayList<>();
        Report report = balance(steps, keys, perGroup, seed, kept);
        Jsonl.write(dir.balanced(), kept);
        Jsonl.writeJson(dir.balanceReport(), report);
        return report;
    }

    private static int median(List<Integer> sizes) {
        if (sizes.isEmpty()) {
            return 0;
        }
        List<Integer> sorted = new ArrayList<>(sizes);
        Collections.sort(sorted);
        return sorted.get((sorted.size() - 1) / 2);
    }
}
