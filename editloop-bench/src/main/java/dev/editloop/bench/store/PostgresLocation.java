package dev.editloop.bench.store;

import dev.editloop.core.InvalidInputException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a {@link PostgresStore} lives: a parsed {@code --store} location, without any password.
 *
 * <p>Accepted forms: {@code postgresql://user@host:port/database?run=NAME} (also {@code postgres://}, the libpq URI
 * form), and {@code jdbc:postgresql://host:port/database?user=USER&run=NAME}. Other query parameters ({@code
 * sslmode}, {@code connectTimeout}…) pass through to the JDBC driver. {@code run} names the run inside the database
 * (several runs share one database, kept apart by it); without it the run folder's name is used. A password in the
 * location is refused: it would end up in shell histories, process lists and logs; it comes from {@code PGPASSWORD}
 * (or the driver's {@code .pgpass}) instead.
 *
 * @param jdbcUrl the JDBC URL the driver connects to (no user, no password, no {@code run})
 * @param user the user name, or null to let the driver choose
 * @param run the run's name in the database
 * @param display the location as messages show it: host, port, database, user and run, never a password
 */
public record PostgresLocation(String jdbcUrl, String user, String run, String display) {
    private static final Pattern RUN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final String EXPECTED = "expected postgresql://user@host:port/database?run=NAME";

    public PostgresLocation {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(display, "display");
    }

    /** True when a {@code --store} value names PostgreSQL. */
    public static boolean accepts(String location) {
        String l = location == null ? "" : location.trim();
        return l.startsWith("postgresql://") || l.startsWith("postgres://") || l.startsWith("jdbc:postgresql:");
    }

    /**
     * Parses a location.
     *
     * @param location the {@code --store} value
     * @param runDir the run folder, whose name is the run's name when the location names none; may be null
     * @throws InvalidInputException on a malformed location or one holding a password (the message never repeats the
     *     location's text, which might hold one)
     */
    public static PostgresLocation parse(String location, Path runDir) {
        if (!accepts(location)) {
            throw new InvalidInputException("not a PostgreSQL store location; " + EXPECTED);
        }
        String rest = location.trim();
        rest = rest.substring(rest.indexOf("//") + 2);
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        String authority = slash >= 0 ? rest.substring(0, slash) : rest;
        String database = slash >= 0 ? decode(rest.substring(slash + 1)) : "";
        String user = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            if (userInfo.contains(":")) {
                throw passwordRefused();
            }
            user = userInfo.isEmpty() ? null : decode(userInfo);
        }
        if (authority.isEmpty()) {
            throw new InvalidInputException("PostgreSQL store location names no host; " + EXPECTED);
        }
        if (database.isEmpty() || database.contains("/")) {
            throw new InvalidInputException(
                    "PostgreSQL store location on " + authority + " names no database; " + EXPECTED);
        }
        String run = null;
        List<String> passed = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq >= 0 ? pair.substring(0, eq) : pair);
            String value = eq >= 0 ? decode(pair.substring(eq + 1)) : "";
            switch (name) {
                case "run" -> run = value;
                case "user" -> {
                    if (user != null && !user.equals(value)) {
                        throw new InvalidInputException("PostgreSQL store location on " + authority
                                + " names two users (" + user + ", " + value + ")");
                    }
                    user = value;
                }
                case "password", "sslpassword" -> throw passwordRefused();
                default -> passed.add(pair);
            }
        }
        if (run == null || run.isEmpty()) {
            if (runDir == null || runDir.getFileName() == null) {
                throw new InvalidInputException(
                        "PostgreSQL store location on " + authority + "/" + database + " names no run: add ?run=NAME");
            }
            run = runDir.toAbsolutePath().normalize().getFileName().toString();
        }
        if (!RUN.matcher(run).matches()) {
            throw new InvalidInputException("PostgreSQL store run name '" + run
                    + "' is not usable: letters, digits, '.', '_' and '-', up to 100, starting with a letter or digit");
        }
        String jdbc = "jdbc:postgresql://" + authority + "/" + rest.substring(slash + 1)
                + (passed.isEmpty() ? "" : "?" + String.join("&", passed));
        String display =
                "postgresql://" + (user == null ? "" : user + "@") + authority + "/" + database + " run " + run;
        return new PostgresLocation(jdbc, user, run, display);
    }

    private static InvalidInputException passwordRefused() {
        return new InvalidInputException("PostgreSQL store location holds a password, which is refused (it would show"
                + " in shell histories and process lists): remove it and set PGPASSWORD (or use ~/.pgpass)");
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("PostgreSQL store location has a malformed %-escape; " + EXPECTED);
        }
    }

    @Override
    public String toString() {
        return display;
    }
}
