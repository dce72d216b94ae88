package dev.editloop.testkit;

import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SplittableRandom;

/** Test images: the example photos kept in the repository, and synthetic scenes with known content. */
public final class TestImages {
    private TestImages() {}

    /** The repository root: the nearest folder upwards from the working folder that holds {@code examples/}. */
    public static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("examples")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the repository root (a folder with examples/ and pom.xml) above "
                + Path.of("").toAbsolutePath());
    }

    /** Path of an example photo in {@code examples/} (chelsea.png: a cat; coffee.png: a cup of coffee). */
    public static Path examplePath(String name) {
        Path path = repoRoot().resolve("examples").resolve(name);
        if (!Files.exists(path)) {
            throw new IllegalStateException("example image " + name + " is missing from " + path.getParent());
        }
        return path;
    }

    /** An example photo, decoded. */
    public static Picture example(String name) {
        return Images.read(examplePath(name));
    }

    /** The cat photo (451x300). */
    public static Picture cat() {
        return example("chelsea.png");
    }

    /** The coffee photo (600x400). */
    public static Picture coffee() {
        return example("coffee.png");
    }

    /**
     * A photo from the project's shared folder ({@code ../shared/images} next to the repository), when present.
     * Tests that use it skip when it is absent.
     */
    public static Optional<Path> shared(String name) {
        Path path = repoRoot().resolveSibling("shared").resolve("images").resolve(name);
        return Files.exists(path) ? Optional.of(path) : Optional.empty();
    }

    /** A photo from the project's shared folder, decoded, when present. */
    public static Optional<Picture> sharedPicture(String name) {
        return shared(name).map(Images::read);
    }

    /**
     * A synthetic outdoor scene with known content, deterministic for a seed: a blue sky gradient in the top third,
     * green grass in the bottom third, a grey wall band between, a red ball left of center, a yellow square right
     * of center, and mild noise so that textures and filters have something to work on.
     */
    public static Picture scene(int width, int height, long seed) {
        byte[] bgr = new byte[width * height * 3];
        SplittableRandom random = new SplittableRandom(seed);
        int third = height / 3;
        int ballX = width * 3 / 10;
        int ballY = height / 2;
        int ballR = Math.max(4, Math.min(width, height) / 8);
        int sqX0 = width * 6 / 10;
        int sqY0 = height * 2 / 5;
        int sqSize = Math.max(4, Math.min(width, height) / 6);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r;
                int g;
                int b;
                if (y < third) {
                    double t = (double) y / Math.max(1, third);
                    r = (int) (90 + 80 * t);
                    g = (int) (150 + 60 * t);
                    b = (int) (235 - 10 * t);
                } else if (y >= height - third) {
                    r = 60;
                    g = 140 + ((x / 7 + y / 5) % 3) * 8;
                    b = 50;
                } else {
                    r = 150;
                    g = 145;
                    b = 140;
                }
                int dx = x - ballX;
                int dy = y - ballY;
                if (dx * dx + dy * dy <= ballR * ballR) {
                    r = 210;
                    g = 35;
                    b = 30;
                }
                if (x >= sqX0 && x < sqX0 + sqSize && y >= sqY0 && y < sqY0 + sqSize) {
                    r = 240;
                    g = 210;
                    b = 40;
                }
                int noise = random.nextInt(-6, 7);
                int i = (y * width + x) * 3;
                bgr[i] = (byte) clamp(b + noise);
                bgr[i + 1] = (byte) clamp(g + noise);
                bgr[i + 2] = (byte) clamp(r + noise);
            }
        }
        return Picture.ofBgr(width, height, bgr);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
