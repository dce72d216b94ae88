package dev.editloop.remote;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An API key read from an environment variable. It is never printed: {@link #toString()} names the variable only, and
 * {@link #redact(String)} removes the value from any text that might reach a log, a trajectory or an error message.
 */
public final class ApiKey {
    private static final ApiKey NONE = new ApiKey(null, null);

    private final String variable;
    private final String value;

    private ApiKey(String variable, String value) {
        this.variable = variable;
        this.value = value;
    }

    /** No key and no variable: a backend that needs none (embedded, or a self-hosted server). */
    public static ApiKey none() {
        return NONE;
    }

    /** Reads the key from the process environment; absent or blank means no key. */
    public static ApiKey fromEnv(String variable) {
        return fromEnv(variable, System.getenv());
    }

    /** Reads the key from the given environment (tests pass their own map). */
    public static ApiKey fromEnv(String variable, Map<String, String> env) {
        if (variable == null || variable.isBlank()) {
            return NONE;
        }
        String value = env.get(variable);
        return new ApiKey(variable, value == null || value.isBlank() ? null : value.strip());
    }

    /** A key with a known value, for tests. */
    public static ApiKey of(String variable, String value) {
        return new ApiKey(variable, Objects.requireNonNull(value, "value"));
    }

    /** The environment variable the key comes from, or null when the backend has none. */
    public String variable() {
        return variable;
    }

    /** Whether a key was found. */
    public boolean present() {
        return value != null;
    }

    /** The key itself, for the request header only. */
    public Optional<String> value() {
        return Optional.ofNullable(value);
    }

    /** The text with every occurrence of the key replaced by {@code ***}. */
    public String redact(String text) {
        if (text == null || value == null || value.length() < 4) {
            return text;
        }
        return text.replace(value, "***");
    }

    /** What to tell a user whose request was refused: which variable to check. */
    public String hint() {
        if (variable == null) {
            return "this backend takes no key; check the server's own access settings";
        }
        if (value == null) {
            return "set the environment variable " + variable + " (it is not set)";
        }
        return "check the environment variable " + variable;
    }

    @Override
    public String toString() {
        return variable == null ? "ApiKey[none]" : "ApiKey[" + variable + (value == null ? ", unset]" : "]");
    }

    /** Keys with the same variable are equal; the value never takes part. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKey other && Objects.equals(variable, other.variable) && present() == other.present();
    }

    @Override
    public int hashCode() {
        return Objects.hash(variable, present());
    }
}
