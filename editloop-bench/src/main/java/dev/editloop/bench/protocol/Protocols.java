package dev.editloop.bench.protocol;

import dev.editloop.core.InvalidInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The judge protocols by name: {@code vie} (GEdit-Bench), {@code imgedit}, {@code kris}, {@code rise}. Adding one is a
 * new class and one line here.
 */
public final class Protocols {
    private record Entry(String name, Function<Map<String, Path>, Protocol> factory) {}

    private static final List<Entry> ENTRIES = List.of(
            new Entry(VieProtocol.NAME, VieProtocol::new),
            new Entry(ImgEditProtocol.NAME, ImgEditProtocol::new),
            new Entry(KrisProtocol.NAME, KrisProtocol::new),
            new Entry(RiseProtocol.NAME, RiseProtocol::new));

    private Protocols() {}

    /** The known names, in order. */
    public static List<String> names() {
        return ENTRIES.stream().map(Entry::name).toList();
    }

    /** Every protocol with its default prompts. */
    public static List<Protocol> all() {
        return ENTRIES.stream().map(e -> e.factory().apply(Map.of())).toList();
    }

    /**
     * One protocol.
     *
     * @param name the protocol's name (case is ignored)
     * @param promptOverrides replacement prompt files by prompt name (e.g. {@code vie-semantic}); empty for none
     * @throws InvalidInputException naming the known protocols when the name is unknown, or the protocol's prompts
     *     when an override names a prompt it does not have, or when an override file cannot be used
     */
    public static Protocol get(String name, Map<String, Path> promptOverrides) {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (Entry e : ENTRIES) {
            if (e.name().equals(key)) {
                return e.factory().apply(promptOverrides == null ? Map.of() : promptOverrides);
            }
        }
        throw new InvalidInputException("unknown judge protocol '" + name + "'; known: " + String.join(", ", names()));
    }
}
