package dev.editloop.embedded.classic;

import java.util.Locale;

/**
 * A named part of the image that local adjustments, removal and cropping refer to. {@code SKY} is the top band
 * (the upper third), where the sky usually is.
 */
public enum Region {
    WHOLE("the whole image"),
    LEFT_HALF("the left half"),
    RIGHT_HALF("the right half"),
    TOP_HALF("the top half"),
    BOTTOM_HALF("the bottom half"),
    TOP_THIRD("the top third"),
    MIDDLE_THIRD("the middle third"),
    BOTTOM_THIRD("the bottom third"),
    CENTER("the center"),
    SKY("the sky"),
    TOP_LEFT("the top left corner"),
    TOP_RIGHT("the top right corner"),
    BOTTOM_LEFT("the bottom left corner"),
    BOTTOM_RIGHT("the bottom right corner"),
    TOP_TWO_THIRDS("the top two thirds"),
    BOTTOM_TWO_THIRDS("the bottom two thirds");

    private final String phrase;

    Region(String phrase) {
        this.phrase = phrase;
    }

    /** The canonical English phrase, e.g. "the top third". */
    public String phrase() {
        return phrase;
    }

    /** " in the top third", or "" for the whole image: the suffix a local action's phrase ends with. */
    public String suffix() {
        return this == WHOLE ? "" : " in " + phrase;
    }

    /**
     * The region's rectangle in an image of the given size, as {x, y, width, height}. Corners are a third of the
     * width by a third of the height (what people point at as "the top left corner"; a half by a half is a quarter of
     * the picture and reaches its middle), the center is the middle half in each direction.
     */
    public int[] bounds(int width, int height) {
        int w2 = width / 2;
        int h2 = height / 2;
        int h3 = height / 3;
        int w3 = width / 3;
        return switch (this) {
            case WHOLE -> new int[] {0, 0, width, height};
            case LEFT_HALF -> new int[] {0, 0, w2, height};
            case RIGHT_HALF -> new int[] {w2, 0, width - w2, height};
            case TOP_HALF -> new int[] {0, 0, width, h2};
            case BOTTOM_HALF -> new int[] {0, h2, width, height - h2};
            case TOP_THIRD, SKY -> new int[] {0, 0, width, h3};
            case MIDDLE_THIRD -> new int[] {0, h3, width, height - 2 * h3};
            case BOTTOM_THIRD -> new int[] {0, height - h3, width, h3};
            case CENTER -> new int[] {width / 4, height / 4, width - 2 * (width / 4), height - 2 * (height / 4)};
            case TOP_LEFT -> new int[] {0, 0, w3, h3};
            case TOP_RIGHT -> new int[] {width - w3, 0, w3, h3};
            case BOTTOM_LEFT -> new int[] {0, height - h3, w3, h3};
            case BOTTOM_RIGHT -> new int[] {width - w3, height - h3, w3, h3};
            case TOP_TWO_THIRDS -> new int[] {0, 0, width, height - h3};
            case BOTTOM_TWO_THIRDS -> new int[] {0, h3, width, height - h3};
        };
    }

    /**
     * The rest of the image when this region is kept as it is ("but keep the top third as it is": the bottom two
     * thirds), when the rest is itself a region; null otherwise (the center, a corner, the whole image).
     */
    public Region rest() {
        return switch (this) {
            case TOP_THIRD, SKY -> BOTTOM_TWO_THIRDS;
            case BOTTOM_THIRD -> TOP_TWO_THIRDS;
            case TOP_TWO_THIRDS -> BOTTOM_THIRD;
            case BOTTOM_TWO_THIRDS -> TOP_THIRD;
            case TOP_HALF -> BOTTOM_HALF;
            case BOTTOM_HALF -> TOP_HALF;
            case LEFT_HALF -> RIGHT_HALF;
            case RIGHT_HALF -> LEFT_HALF;
            default -> null;
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
