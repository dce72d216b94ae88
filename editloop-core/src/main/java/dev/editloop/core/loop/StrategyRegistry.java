package dev.editloop.core.loop;

import dev.editloop.core.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The strategies known by name: the four built-in ones, then those found through {@link ServiceLoader}. */
final class StrategyRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(StrategyRegistry.class);
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Map<String, Strategy> byId;

    private StrategyRegistry(Map<String, Strategy> byId) {
        this.byId = byId;
    }

    /** The registry of this class loader, loaded once. */
    static StrategyRegistry get() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final StrategyRegistry INSTANCE =
                load(ServiceLoader.load(Strategy.class, Strategy.class.getClassLoader()));
    }

    /** Built-ins first; a discovered strategy with a malformed or taken name is skipped with a warning. */
    static StrategyRegistry load(Iterable<Strategy> discovered) {
        Map<String, Strategy> map = new LinkedHashMap<>();
        for (Strategy builtIn :
                List.of(Strategy.THINK_WHILE_EDIT, Strategy.THINK_BEFORE_EDIT, Strategy.SINGLE, Strategy.REFLECT)) {
            map.put(builtIn.id(), builtIn);
        }
        var it = discovered.iterator();
        while (true) {
            Strategy strategy;
            try {
                if (!it.hasNext()) {
                    break;
                }
                strategy = it.next();
            } catch (ServiceConfigurationError e) {
                LOG.warn("a strategy could not be loaded and is skipped: {}", e.getMessage());
                continue;
            }
            String id = strategy.id();
            if (id == null || !ID.matcher(id).matches()) {
                LOG.warn(
                        "strategy {} has a malformed name '{}' and is skipped",
                        strategy.getClass().getName(),
                        id);
            } else if (map.containsKey(id)) {
                if (map.get(id).getClass() != strategy.getClass()) {
                    LOG.warn(
                            "strategy {} names itself '{}', which {} already has; skipped",
                            strategy.getClass().getName(),
                            id,
                            map.get(id).getClass().getName());
                }
            } else {
                map.put(id, strategy);
            }
        }
        return new StrategyRegistry(Collections.unmodifiableMap(map));
    }

    Strategy find(String text) {
        String key = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        Strategy found = byId.get(key);
        if (found == null) {
            throw new InvalidInputException(
                    "unknown strategy '" + text + "' (known: " + String.join(", ", ids()) + ")");
        }
        return found;
    }

    List<String> ids() {
        return new ArrayList<>(byId.keySet());
    }
}
