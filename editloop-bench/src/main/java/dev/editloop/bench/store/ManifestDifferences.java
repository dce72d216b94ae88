package dev.editloop.bench.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Which fields of two manifests differ, for the one-line refusal to merge two runs. */
final class ManifestDifferences {
    private static final int SHOWN = 60;

    private ManifestDifferences() {}

    /**
     * The differing fields as {@code name (stored X, given Y)}, in the manifest's order; {@code started} is ignored
     * (every process that joins a run starts at its own time).
     */
    static List<String> of(Manifest stored, Manifest given) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : Manifest.class.getRecordComponents()) {
            if (c.getName().equals("started")) {
                continue;
            }
            Object a = value(c, stored);
            Object b = value(c, given);
            if (!Objects.equals(a, b)) {
                out.add(c.getName() + " (stored " + shown(a) + ", given " + shown(b) + ")");
            }
        }
        return out;
    }

    private static Object value(RecordComponent c, Manifest m) {
        try {
            return c.getAccessor().invoke(m);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read manifest field " + c.getName(), e);
        }
    }

    private static String shown(Object v) {
        String s = String.valueOf(v);
        return s.length() <= SHOWN ? s : s.substring(0, SHOWN - 1) + "…";
    }
}
