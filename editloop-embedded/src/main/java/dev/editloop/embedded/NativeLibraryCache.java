package dev.editloop.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps OpenCV's native library, unpacked from the {@code org.openpnp:opencv} jar, in a cache folder, so that only the
 * first run pays for unpacking it (about 0.6 s for the 65 MB Linux library; the jar's own loader unpacks it into a new
 * temporary folder on every start).
 *
 * <p>The folder is the system property {@code editloop.cache.dir}, else {@code $XDG_CACHE_HOME/editloop}, else
 * {@code ~/.cache/editloop}. A cached file is used only when its size equals the jar entry's; it is written to a
 * temporary file and moved into place, so concurrent first runs do not see half a library. When anything goes wrong
 * (an unknown platform, an unwritable folder) the caller falls back to the jar's own loader.
 */
final class NativeLibraryCache {
    private static final Logger LOG = LoggerFactory.getLogger(NativeLibraryCache.class);

    private NativeLibraryCache() {}

    /** The cached OpenCV library for this platform, unpacked if needed; null when it cannot be cached. */
    static Path openCv() {
        String platform = platform();
        if (platform == null) {
            return null;
        }
        String file = System.mapLibraryName(org.opencv.core.Core.NATIVE_LIBRARY_NAME);
        URL resource = nu.pattern.OpenCV.class.getResource("/nu/pattern/opencv/" + platform + "/" + file);
        Path dir = folder();
        if (resource == null || dir == null) {
            return null;
        }
        try {
            URLConnection connection = resource.openConnection();
            connection.setUseCaches(false);
            long size = connection.getContentLengthLong();
            Path target = dir.resolve("opencv-" + org.opencv.core.Core.VERSION + "-" + platform.replace('/', '-'))
                    .resolve(file);
            if (size > 0 && Files.isRegularFile(target) && Files.size(target) == size) {
                connection.getInputStream().close();
                return target;
            }
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), file, ".part");
            try (InputStream in = connection.getInputStream()) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            return target;
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot cache OpenCV's native library in {}: {}", dir, e.toString());
            return null;
        }
    }

    /** The cache folder, or null when there is no home to put it in. */
    static Path folder() {
        String explicit = System.getProperty("editloop.cache.dir");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "editloop");
        }
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? null : Path.of(home, ".cache", "editloop");
    }

    /** The jar's folder name for this OS and CPU, e.g. {@code linux/x86_64}; null when the jar has no library for it. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osDir =
                os.contains("linux") ? "linux" : os.contains("mac") ? "osx" : os.contains("win") ? "windows" : null;
        String archDir = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "ARMv8";
            case "arm" -> "ARMv7";
            case "x86", "i386", "i686" -> "x86_32";
            default -> null;
        };
        return osDir == null || archDir == null ? null : osDir + "/" + archDir;
    }
}
