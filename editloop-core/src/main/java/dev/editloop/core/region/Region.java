package dev.editloop.core.region;

import dev.editloop.core.InvalidInputException;
import dev.editloop.core.image.Alpha;
import dev.editloop.core.image.Picture;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The part of an image an edit may change; everything else should stay as it was. Held as one weight per pixel,
 * 0 (keep) to 255 (may change), so that a soft mask's grey edge is kept. A pixel is <em>outside</em> the region when
 * its weight is below {@link #OUTSIDE_BELOW}.
 *
 * <p>Made from a box ({@code --region x,y,w,h}), a mask image ({@code --mask FILE}: white may change, black stays;
 * the brightness of each pixel is its weight), or the boxes a thinker proposed. Immutable.
 */
public final class Region {
    /** A pixel whose weight is below this is outside the region (about 3% grey). */
    public static final int OUTSIDE_BELOW = 8;

    private final int width;
    private final int height;
    private final byte[] weights;
    private final String description;
    private volatile int[] bounds;

    private Region(int width, int height, byte[] weights, String description) {
        this.width = width;
        this.height = height;
        this.weights = weights;
        this.description = description;
    }

    /**
     * A rectangle in an image of the given size.
     *
     * @throws InvalidInputException when the box is empty or does not lie inside the image
     */
    public static Region box(int x, int y, int w, int h, int width, int height) {
        if (w <= 0 || h <= 0) {
            throw new InvalidInputException("the region " + x + "," + y + "," + w + "," + h
                    + " is empty: its width and height must be positive");
        }
        if (x < 0 || y < 0 || x + w > width || y + h > height) {
            throw new InvalidInputException("the region " + x + "," + y + "," + w + "," + h + " does not fit the "
                    + width + "x" + height + " image (x + w must be at most " + width + ", y + h at most " + height
                    + ")");
        }
        byte[] weights = new byte[width * height];
        for (int row = y; row < y + h; row++) {
            Arrays.fill(weights, row * width + x, row * width + x + w, (byte) 255);
        }
        return new Region(width, height, weights, "box " + x + "," + y + "," + w + "," + h);
    }

    /**
     * Reads {@code x,y,w,h} (pixels; spaces allowed) as a box in an image of the given size.
     *
     * @throws InvalidInputException when the text is not four whole numbers, or the box does not fit the image
     */
    public static Region parseBox(String text, int width, int height) {
        String[] parts = text == null ? new String[0] : text.strip().split("\\s*,\\s*");
        if (parts.length != 4) {
            throw new InvalidInputException(
                    "--region '" + text + "' is not x,y,w,h: four whole numbers in pixels, e.g. 0,0,640,200");
        }
        int[] v = new int[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Integer.parseInt(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException(
                        "--region '" + text + "' is not x,y,w,h: '" + parts[i] + "' is not a whole number");
            }
        }
        return box(v[0], v[1], v[2], v[3], width, height);
    }

    /**
     * A mask image: white may change, black stays, grey is a partial weight (the brightest channel counts).
     *
     * @param mask the mask, the size of the image it applies to
     * @param name where the mask came from, for the record (e.g. its file name)
     * @throws InvalidInputException when the mask is black everywhere (nothing may change)
     */
    public static Region mask(Picture mask, String name) {
        Objects.requireNonNull(mask, "mask");
        byte[] bgr = mask.bgr();
        byte[] weights = new byte[mask.width() * mask.height()];
        boolean any = false;
        for (int i = 0; i < weights.length; i++) {
            int v = Math.max(bgr[3 * i] & 0xff, Math.max(bgr[3 * i + 1] & 0xff, bgr[3 * i + 2] & 0xff));
            weights[i] = (byte) v;
            any |= v >= OUTSIDE_BELOW;
        }
        if (!any) {
            throw new InvalidInputException(
                    "the mask " + name + " is black everywhere: nothing may change (white" + " marks what may change)");
        }
        return new Region(mask.width(), mask.height(), weights, "mask " + name);
    }

    /**
     * A mask in OpenAI's convention: the transparency of an image's alpha plane marks what may change. Each pixel's
     * weight is 255 − alpha (transparent may change, opaque stays, half-transparent blends); colours are ignored.
     *
     * @param alpha the mask's alpha plane, the size of the image it applies to
     * @param name where the mask came from, for the record
     * @throws InvalidInputException when no pixel is transparent enough (nothing may change)
     */
    public static Region transparent(Alpha alpha, String name) {
        Objects.requireNonNull(alpha, "alpha");
        byte[] a = alpha.values();
        byte[] weights = new byte[a.length];
        boolean any = false;
        for (int i = 0; i < a.length; i++) {
            int v = 255 - (a[i] & 0xff);
            weights[i] = (byte) v;
            any |= v >= OUTSIDE_BELOW;
        }
        if (!any) {
            throw new InvalidInputException("the mask " + name
                    + " has no transparent pixels: nothing may change (transparent marks what may change)");
        }
        return new Region(alpha.width(), alpha.height(), weights, "mask " + name);
    }

    /**
     * The union of boxes a thinker proposed, in an image of the given size; null when none of them lies inside it.
     *
     * @param boxes the proposed boxes
     * @param width the image's width
     * @param height the image's height
     */
    public static Region proposed(List<Box> boxes, int width, int height) {
        byte[] weights = new byte[width * height];
        boolean any = false;
        for (Box box : boxes) {
            int[] b = box.pixels(width, height);
            if (b == null) {
                continue;
            }
            any = true;
            for (int row = b[1]; row < b[1] + b[3]; row++) {
                Arrays.fill(weights, row * width + b[0], row * width + b[0] + b[2], (byte) 255);
            }
        }
        if (!any) {
            return null;
        }
        StringBuilder text = new StringBuilder("proposed by the thinker: ");
        for (int i = 0; i < boxes.size(); i++) {
            text.append(i == 0 ? "" : "; ").append(boxes.get(i));
        }
        return new Region(width, height, weights, text.toString());
    }

    /**
     * The region whose weights are the brightness of a mask picture, as an {@link dev.editloop.core.EditCall#mask()} carries it.
     * Unlike {@link #mask}, an all-black mask is accepted (a region with nothing inside).
     */
    public static Region ofMaskPicture(Picture mask) {
        byte[] bgr = mask.bgr();
        byte[] weights = new byte[mask.width() * mask.height()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (byte) Math.max(bgr[3 * i] & 0xff, Math.max(bgr[3 * i + 1] & 0xff, bgr[3 * i + 2] & 0xff));
        }
        return new Region(mask.width(), mask.height(), weights, "mask");
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Where the region came from: {@code box 10,20,300,200}, {@code mask sky.png}, {@code proposed by the thinker: …}. */
    public String description() {
        return description;
    }

    /** The weight of pixel (x, y), 0..255. */
    public int weight(int x, int y) {
        return weights[y * width + x] & 0xff;
    }

    /** The weights, row-major, 0..255 (a copy). */
    public byte[] weights() {
        return weights.clone();
    }

    /** Whether pixel i (row-major) is outside the region. */
    public boolean outside(int i) {
        return (weights[i] & 0xff) < OUTSIDE_BELOW;
    }

    /** The share of pixels outside the region, 0..1. */
    public double outsideShare() {
        long n = 0;
        for (byte w : weights) {
            if ((w & 0xff) < OUTSIDE_BELOW) {
                n++;
            }
        }
        return n / (double) weights.length;
    }

    /** The bounding box of the pixels inside, as {x, y, width, height}; the whole image when nothing is inside. */
    public int[] bounds() {
        int[] b = bounds;
        if (b == null) {
            int x0 = width;
            int y0 = height;
            int x1 = -1;
            int y1 = -1;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    if (!outside(y * width + x)) {
                        x0 = Math.min(x0, x);
                        x1 = Math.max(x1, x);
                        y0 = Math.min(y0, y);
                        y1 = Math.max(y1, y);
                    }
                }
            }
            b = x1 < 0 ? new int[] {0, 0, width, height} : new int[] {x0, y0, x1 - x0 + 1, y1 - y0 + 1};
            bounds = b;
        }
        return b.clone();
    }

    /** The region as a mask picture for editors: white may change, black stays, grey in between. */
    public Picture toMask() {
        byte[] bgr = new byte[weights.length * 3];
        for (int i = 0; i < weights.length; i++) {
            bgr[3 * i] = bgr[3 * i + 1] = bgr[3 * i + 2] = weights[i];
        }
        return Picture.ofBgr(width, height, bgr);
    }

    /**
     * @throws InvalidInputException when the region was made for an image of another size
     */
    public void requireSize(int imageWidth, int imageHeight) {
        if (imageWidth != width || imageHeight != height) {
            throw new InvalidInputException("the " + description + " is " + width + "x" + height + " but the image is "
                    + imageWidth + "x" + imageHeight + ": a mask must have the image's size");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Region r && r.width == width && r.height == height && Arrays.equals(r.weights, weights);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return description + " (" + width + "x" + height + ")";
    }
}
