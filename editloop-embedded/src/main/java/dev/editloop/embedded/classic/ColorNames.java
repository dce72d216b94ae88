package dev.editloop.embedded.classic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What people call a pixel's colour: the group of its nearest named sample in CIELAB ({@code colour-names.csv}, kept
 * next to this class), or none when the pixel is nearly colourless (chroma below {@link #COLOURLESS}). The groups are
 * the chromatic words of {@link NamedColor#PALETTE}; a request's word covers its own group and the groups it includes
 * (navy is a blue, gold a yellow).
 *
 * <p>A 64×64×64 table (per 4 levels of each channel) holds each colour's group, filled as pixels of that colour are
 * first read: a photo reads a few thousand of its 262,144 colours, so the first colour request does not pay for all of
 * them (building the whole table took about 350 ms on two cores).
 */
public final class ColorNames {
    /** Below this CIELAB chroma a pixel has no colour name (black, white and gray are read by brightness instead). */
    static final double COLOURLESS = 10;

    /** The groups a request's word covers beyond its own. */
    private static final Map<String, Set<String>> INCLUDES = Map.of("blue", Set.of("navy"), "yellow", Set.of("gold"));

    private static final String RESOURCE = "colour-names.csv";

    private static final class Table {
        static final List<String> GROUPS = new ArrayList<>();
        static final float[][] SAMPLES;
        static final int[] SAMPLE_GROUP;
        /** Each table colour's group, -1 when colourless, {@link #UNREAD} until a pixel of that colour is read. */
        static final byte[] GROUP = new byte[64 * 64 * 64];

        static final byte UNREAD = Byte.MIN_VALUE;

        static {
            List<float[]> samples = new ArrayList<>();
            List<Integer> groupOf = new ArrayList<>();
            read(samples, groupOf);
            SAMPLES = samples.toArray(new float[0][]);
            SAMPLE_GROUP = groupOf.stream().mapToInt(Integer::intValue).toArray();
            java.util.Arrays.fill(GROUP, UNREAD);
        }

        /** A table colour's group, read on first use (a race between threads writes the same value twice). */
        static int group(int key) {
            byte known = GROUP[key];
            if (known == UNREAD) {
                float[] lab = lab(key);
                known = (byte) (chroma(lab) < COLOURLESS ? -1 : nearestGroup(lab));
                GROUP[key] = known;
            }
            return known;
        }

        /** The CIELAB value of a table colour (the middle of its 4×4×4 cell). */
        static float[] lab(int key) {
            float[] lab = new float[3];
            ObjectSelection.Lab.of(((key >> 12) & 63) * 4 + 2, ((key >> 6) & 63) * 4 + 2, (key & 63) * 4 + 2, lab);
            return lab;
        }

        static double chroma(float[] lab) {
            return Math.hypot(lab[1], lab[2]);
        }

        private static int nearestGroup(float[] lab) {
            int best = -1;
            double bestDistance = Double.MAX_VALUE;
            for (int s = 0; s < SAMPLES.length; s++) {
                double d = distance2(lab, SAMPLES[s]);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = SAMPLE_GROUP[s];
                }
            }
            return best;
        }

        private static void read(List<float[]> samples, List<Integer> groupOf) {
            try (InputStream in = ColorNames.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the colour-name table " + RESOURCE + " is missing from the build");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                int number = 0;
                while ((line = reader.readLine()) != null) {
                    number++;
                    String t = line.strip();
                    if (t.isEmpty() || t.startsWith("#")) {
                        continue;
                    }
                    String[] f = t.split(",");
                    if (f.length != 5) {
                        throw new IllegalStateException(RESOURCE + " line " + number
                                + ": expected group,name,r,g,b but found " + f.length + " fields");
                    }
                    String group = f[0].strip().toLowerCase(Locale.ROOT);
                    int lineNumber = number;
                    NamedColor word = NamedColor.named(group)
                            .orElseThrow(() -> new IllegalStateException(
                                    RESOURCE + " line " + lineNumber + ": unknown colour word '" + group + "'"));
                    if (!word.chromatic()) {
                        throw new IllegalStateException(
                                RESOURCE + ": '" + group + "' is colourless and is read by brightness, not by samples");
                    }
                    int[] rgb = new int[3];
                    for (int c = 0; c < 3; c++) {
                        try {
                            rgb[c] = Integer.parseInt(f[2 + c].strip());
                        } catch (NumberFormatException e) {
                            throw new IllegalStateException(
                                    RESOURCE + " line " + number + ": '" + f[2 + c].strip() + "' is not a number", e);
                        }
                        if (rgb[c] < 0 || rgb[c] > 255) {
                            throw new IllegalStateException(
                                    RESOURCE + " line " + number + ": " + rgb[c] + " is outside 0..255");
                        }
                    }
                    int index = GROUPS.indexOf(group);
                    if (index < 0) {
                        GROUPS.add(group);
                        index = GROUPS.size() - 1;
                    }
                    float[] lab = new float[3];
                    ObjectSelection.Lab.of(rgb[0], rgb[1], rgb[2], lab);
                    samples.add(lab);
                    groupOf.add(index);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the colour-name table " + RESOURCE, e);
            }
        }
    }

    private ColorNames() {}

    /** The index of a pixel's colour group ({@link #group}), or -1 when it is nearly colourless. */
    static int groupOf(int red, int green, int blue) {
        return Table.group(key(red, green, blue));
    }

    /** The name of a group index. */
    static String group(int index) {
        return Table.GROUPS.get(index);
    }

    /** The number of groups. */
    static int groups() {
        return Table.GROUPS.size();
    }

    /** How far (ΔE) a pixel's nearest sample of a word may lie beyond its nearest sample and still be nearly it. */
    static final double NEARLY_MARGIN = 12;

    private static final Map<String, Word> WORDS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * What a request's colour word calls: its own group and the groups it includes; null when the word has no samples
     * (black, white, gray, silver, which are read by brightness, or a colour outside the palette).
     */
    static Word word(NamedColor color) {
        if (!color.chromatic()
                || !NamedColor.named(color.name()).map(color::equals).orElse(false)) {
            return null;
        }
        return WORDS.computeIfAbsent(color.name(), ColorNames::build);
    }

    private static Word build(String name) {
        List<Integer> out = new ArrayList<>();
        int own = Table.GROUPS.indexOf(name);
        if (own < 0) {
            return null;
        }
        out.add(own);
        for (String included : INCLUDES.getOrDefault(name, Set.of())) {
            int i = Table.GROUPS.indexOf(included);
            if (i >= 0) {
                out.add(i);
            }
        }
        return new Word(out.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The groups a colour word calls, with a cache of which table colours are nearly it. */
    static final class Word {
        private final int[] groups;
        // 0 not read yet, 1 no, 2 yes; filled as pixels are read (a race writes the same value)
        private final byte[] near = new byte[64 * 64 * 64];

        private Word(int[] groups) {
            this.groups = groups;
        }

        /** Whether a pixel's colour group is one this word calls. */
        boolean calls(int red, int green, int blue) {
            return calls(groupOf(red, green, blue));
        }

        /** Whether a group index is one this word calls. */
        boolean calls(int group) {
            for (int c : groups) {
                if (c == group) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Whether a pixel is nearly this colour: it has some colour (chroma at least 6) and its nearest sample of the
         * word's groups is at most {@link #NEARLY_MARGIN} (ΔE) farther than its nearest sample of any group.
         */
        boolean nearly(int red, int green, int blue) {
            int key = key(red, green, blue);
            byte known = near[key];
            if (known == 0) {
                known = (byte) (readNearly(key) ? 2 : 1);
                near[key] = known;
            }
            return known == 2;
        }

        private boolean readNearly(int key) {
            float[] lab = Table.lab(key);
            if (Table.chroma(lab) < 6) {
                return false;
            }
            double best = Double.MAX_VALUE;
            double own = Double.MAX_VALUE;
            for (int s = 0; s < Table.SAMPLES.length; s++) {
                double d = distance2(lab, Table.SAMPLES[s]);
                best = Math.min(best, d);
                if (calls(Table.SAMPLE_GROUP[s])) {
                    own = Math.min(own, d);
                }
            }
            return Math.sqrt(own) <= Math.sqrt(best) + NEARLY_MARGIN;
        }
    }

    private static int key(int red, int green, int blue) {
        return ((red >> 2) << 12) | ((green >> 2) << 6) | (blue >> 2);
    }

    private static double distance2(float[] a, float[] b) {
        double dl = a[0] - b[0];
        double da = a[1] - b[1];
        double db = a[2] - b[2];
        return dl * dl + da * da + db * db;
    }
}
