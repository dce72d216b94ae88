package dev.editloop.bench.suite;

import dev.editloop.core.InvalidInputException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The registry of benchmark suites, by name. Adding a suite means writing its class and adding one line to
 * {@link #ALL}.
 */
public final class Suites {
    private static final List<Suite> ALL =
            List.of(new GEditSuite(), new ImgEditSuite(), new KrisSuite(), new RiseSuite(), new JsonlSuite());

    private Suites() {}

    /** Every suite, in a fixed order: gedit, imgedit, kris, rise, jsonl. */
    public static List<Suite> all() {
        return ALL;
    }

    /** The names of every suite, in the order of {@link #all()}. */
    public static List<String> names() {
        return ALL.stream().map(Suite::name).toList();
    }

    /**
     * The suite with this name (case-insensitive).
     *
     * @throws InvalidInputException for an unknown name, listing the known ones
     */
    public static Suite get(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return ALL.stream()
                .filter(s -> s.name().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("unknown suite \"" + name + "\"; known suites: "
                        + ALL.stream().map(Suite::name).collect(Collectors.joining(", "))));
    }
}
