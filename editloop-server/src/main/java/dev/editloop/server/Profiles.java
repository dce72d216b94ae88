package dev.editloop.server;

import dev.editloop.core.InvalidInputException;
import dev.editloop.core.config.EditLoopConfig;
import dev.editloop.core.loop.LoopRequest;
import dev.editloop.core.loop.Strategy;
import dev.editloop.core.loop.Threshold;
import dev.editloop.core.spi.BackendSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The loop settings a client picks by name: {@code default} (the server's editor and thinker, the config file's
 * defaults), one per strategy ({@code think-while-edit}, {@code reflect}, …: that strategy with the defaults), and
 * the config file's {@code profiles:} entries, which win over the built-in ones of the same name.
 */
final class Profiles {
    static final String DEFAULT = "default";

    /** One profile, resolved. */
    record Profile(
            String name,
            Strategy strategy,
            int maxTurns,
            Threshold threshold,
            Threshold accept,
            long seed,
            String editor,
            String thinker) {}

    private final Map<String, Profile> byName = new LinkedHashMap<>();
    private final EditLoopConfig config;

    Profiles(ServerOptions options) {
        this.config = options.config();
        Map<String, String> d = config.defaults();
        String where = "config defaults";
        Profile base = profile(
                DEFAULT,
                Map.of(),
                new Profile(
                        DEFAULT,
                        Strategy.THINK_WHILE_EDIT,
                        0,
                        Threshold.DEFAULT,
                        Threshold.ACCEPT_DEFAULT,
                        0,
                        options.editor(),
                        options.thinker()),
                where);
        base = profile(DEFAULT, pick(d, "strategy", "max_turns", "threshold", "seed"), base, where);
        byName.put(DEFAULT, base);
        for (String id : Strategy.known().split(",\\s*")) {
            byName.put(id, profile(id, Map.of("strategy", id), base, "strategy " + id));
        }
        for (Map.Entry<String, Map<String, String>> e : config.profiles().entrySet()) {
            byName.put(e.getKey(), profile(e.getKey(), e.getValue(), base, "profiles." + e.getKey()));
        }
    }

    /** The profile of a name (null or blank: {@code default}), or a 400 naming the known ones. */
    Profile get(String name, String param) {
        String key = name == null || name.isBlank() ? DEFAULT : name.strip();
        Profile p = byName.get(key);
        if (p == null) {
            p = byName.get(key.toLowerCase(Locale.ROOT));
        }
        if (p == null) {
            throw ApiError.bad(
                    "unknown " + param + " '" + Multipart.clip(key) + "' (known: " + String.join(", ", names()) + ")",
                    param);
        }
        return p;
    }

    List<String> names() {
        return new ArrayList<>(byName.keySet());
    }

    List<Profile> all() {
        return new ArrayList<>(byName.values());
    }

    /** A spec string or configured name as a spec; a 400 when it is neither. */
    BackendSpec spec(String text, String param) {
        try {
            return config.resolve(text);
        } catch (InvalidInputException e) {
            throw ApiError.bad(param + ": " + e.getMessage(), param);
        }
    }

    private static Map<String, String> pick(Map<String, String> from, String... keys) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : keys) {
            if (from.containsKey(k)) {
                out.put(k, from.get(k));
            }
        }
        return out;
    }

    private static Profile profile(String name, Map<String, String> values, Profile base, String where) {
        Strategy strategy = base.strategy();
        int maxTurns = base.maxTurns();
        Threshold threshold = base.threshold();
        Threshold accept = base.accept();
        long seed = base.seed();
        String editor = base.editor();
        String thinker = base.thinker();
        try {
            for (Map.Entry<String, String> v : values.entrySet()) {
                String value = v.getValue().strip();
                switch (v.getKey()) {
                    case "strategy" -> strategy = Strategy.parse(value);
                    case "max_turns" -> maxTurns = turns(value);
                    case "threshold" -> threshold = threshold(value);
                    case "accept" -> accept = accept(value);
                    case "seed" -> seed = Long.parseLong(value);
                    case "editor" -> editor = value;
                    case "thinker" -> thinker = value;
                    default -> {
                        // the config reader admits only the keys above
                    }
                }
            }
        } catch (NumberFormatException e) {
            throw new InvalidInputException(where + ": '" + e.getMessage() + "' is not a whole number");
        } catch (InvalidInputException e) {
            throw new InvalidInputException(where + ": " + e.getMessage(), e);
        }
        return new Profile(name, strategy, maxTurns, threshold, accept, seed, editor, thinker);
    }

    static int turns(String value) {
        if (value.equalsIgnoreCase("auto")) {
            return 0;
        }
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("max turns '" + Multipart.clip(value) + "' is not a whole number");
        }
        if (n < 1 || n > LoopRequest.MAX_TURN_LIMIT) {
            throw new InvalidInputException("max turns must be within 1.." + LoopRequest.MAX_TURN_LIMIT + ", got " + n);
        }
        return n;
    }

    static Threshold threshold(String value) {
        String t = value.strip().toLowerCase(Locale.ROOT);
        return Threshold.parse(t);
    }

    static Threshold accept(String value) {
        String t = value.strip().toLowerCase(Locale.ROOT);
        if (t.equals("none") || t.equals("off")) {
            return null;
        }
        return Threshold.parse(t.contains(":") ? t : "sc:" + t);
    }
}
