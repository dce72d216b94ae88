package dev.editloop.embedded;

import java.util.Map;
import java.util.TreeMap;

/** The parameters every embedded backend's identity shares: its engine and the EditLoop version that ran it. */
public final class EmbeddedIdentity {
    private EmbeddedIdentity() {}

    /**
     * The engine's name, the given parameters, and {@code version} (this module's version when it runs from a packaged
     * jar; absent in a development build, where the code itself is the version).
     */
    public static Map<String, Object> params(String engine, Map<String, ?> params) {
        Map<String, Object> all = new TreeMap<>(params);
        all.put("engine", engine);
        String version = EmbeddedIdentity.class.getPackage().getImplementationVersion();
        if (version != null) {
            all.put("version", version);
        }
        return all;
    }
}
