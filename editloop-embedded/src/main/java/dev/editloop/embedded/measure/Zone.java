package dev.editloop.embedded.measure;

import dev.editloop.embedded.classic.Region;
import java.util.Objects;

/**
 * The part of an image a measurement looks at: a {@link Region}, or everything outside it.
 *
 * <p>Local edits are applied with a short feather at the region's border, so a zone keeps clear of it: inside a
 * region the zone is the region shrunk by a margin, outside a region it is the rest of the image minus the region
 * grown by the same margin. The margin is {@link #MARGIN} of the shorter image side. The whole image has no margin.
 *
 * @param region the named region
 * @param outside whether the zone is the complement of the region
 */
public record Zone(Region region, boolean outside) {
    /** The feather margin as a fraction of the shorter image side. */
    public static final double MARGIN = 0.04;

    /** The whole image. */
    public static final Zone WHOLE = new Zone(Region.WHOLE, false);

    public Zone {
        Objects.requireNonNull(region, "region");
        if (outside && region == Region.WHOLE) {
            throw new IllegalArgumentException("nothing is outside the whole image");
        }
    }

    /** The inside of a region. */
    public static Zone in(Region region) {
        return new Zone(region, false);
    }

    /** Everything outside a region. */
    public static Zone outside(Region region) {
        return new Zone(region, true);
    }

    /** Whether this zone is the whole image. */
    public boolean whole() {
        return region == Region.WHOLE && !outside;
    }

    /**
     * The zone's pixels in an image of the given size: {@code null} for the whole image (every pixel), otherwise a
     * row-major mask.
     */
    public boolean[] mask(int width, int height) {
        if (whole()) {
            return null;
        }
        int[] box = region.bounds(width, height);
        int margin = region == Region.WHOLE ? 0 : (int) Math.round(MARGIN * Math.min(width, height));
        int x0;
        int y0;
        int x1;
        int y1;
        if (outside) {
            x0 = box[0] - margin;
            y0 = box[1] - margin;
            x1 = box[0] + box[2] + margin;
            y1 = box[1] + box[3] + margin;
        } else {
            x0 = box[0] + (box[0] > 0 ? margin : 0);
            y0 = box[1] + (box[1] > 0 ? margin : 0);
            x1 = box[0] + box[2] - (box[0] + box[2] < width ? margin : 0);
            y1 = box[1] + box[3] - (box[1] + box[3] < height ? margin : 0);
            if (x1 <= x0 || y1 <= y0) { // a tiny image: keep the region itself
                x0 = box[0];
                y0 = box[1];
                x1 = box[0] + box[2];
                y1 = box[1] + box[3];
            }
        }
        boolean[] mask = new boolean[width * height];
        for (int y = 0; y < height; y++) {
            boolean rowIn = y >= y0 && y < y1;
            for (int x = 0; x < width; x++) {
                boolean in = rowIn && x >= x0 && x < x1;
                mask[y * width + x] = in != outside;
            }
        }
        return mask;
    }

    /** "the whole image", "the top third", "outside the top third". */
    public String phrase() {
        return (outside ? "outside " : "") + region.phrase();
    }

    @Override
    public String toString() {
        return phrase();
    }
}
