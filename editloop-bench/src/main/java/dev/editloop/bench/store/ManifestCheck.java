package dev.editloop.bench.store;

import dev.editloop.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Whether a resumed run is the run a store holds: compares two manifests field by field. Every store uses it in
 * {@link ResultStore#begin}, so that two runs with different manifests are never merged.
 *
 * <p>Ignored: {@code started} (a resume keeps the first start), {@code version} and {@code commit}. A resume with
 * another EditLoop build is allowed on purpose: the usual reason to resume is a build that fixes what stopped the run,
 * and everything that changes results is compared through the other fields (backend identities with their parameters,
 * prompt hashes, data hash, loop settings). The stores record the version and commit of every session that worked on
 * the run, so a report can say which builds made it.
 */
public final class ManifestCheck {
    private ManifestCheck() {}

    /** The fields that differ, as {@code name (stored X, given Y)}, in the manifest's order; empty when none. */
    public static List<String> differences(Manifest stored, Manifest given) {
        List<String> out = new ArrayList<>();
        compare(out, "suite", stored, given, Manifest::suite);
        compare(out, "data_hash", stored, given, Manifest::dataHash);
        compare(out, "language", stored, given, Manifest::language);
        compare(out, "categories", stored, given, Manifest::categories);
        compare(out, "limit", stored, given, Manifest::limit);
        compare(out, "strategy", stored, given, Manifest::strategy);
        compare(out, "max_turns", stored, given, Manifest::maxTurns);
        compare(out, "threshold", stored, given, Manifest::threshold);
        compare(out, "seed", stored, given, Manifest::seed);
        compare(out, "editor", stored, given, Manifest::editor);
        compare(out, "thinker", stored, given, Manifest::thinker);
        compare(out, "judge", stored, given, Manifest::judge);
        compare(out, "protocol", stored, given, Manifest::protocol);
        compare(out, "judge_samples", stored, given, Manifest::judgeSamples);
        compare(out, "prompt_hashes", stored, given, Manifest::promptHashes);
        return out;
    }

    /**
     * Refuses a manifest that differs from the stored one, with one line naming the differing fields.
     *
     * @param where the store's location (a run folder, a database), for the message
     * @throws InvalidInputException when they differ
     */
    public static void requireSame(Manifest stored, Manifest given, String where) {
        List<String> diff = differences(stored, given);
        if (!diff.isEmpty()) {
            throw new InvalidInputException(where + " holds another run (runs with different manifests are never"
                    + " merged): " + String.join("; ", diff) + ". Resume with the same settings or choose a new --out");
        }
    }

    private static void compare(
            List<String> out, String name, Manifest stored, Manifest given, Function<Manifest, Object> field) {
        Object a = field.apply(stored);
        Object b = field.apply(given);
        if (!Objects.equals(a, b)) {
            out.add(name + " (stored " + show(a) + ", given " + show(b) + ")");
        }
    }

    private static String show(Object value) {
        if (value == null) {
            return "none";
        }
        String text = value instanceof dev.editloop.core.BackendIdentity id
                ? id.display() + (id.params().isEmpty() ? "" : " " + id.params())
                : String.valueOf(value);
        text = text.replaceAll("\\s+", " ");
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}
