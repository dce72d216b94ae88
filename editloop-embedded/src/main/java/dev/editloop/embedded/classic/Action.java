package dev.editloop.embedded.classic;

import dev.editloop.embedded.op.Operation;
import dev.editloop.embedded.op.Operations;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One concrete operation of the classic editor's vocabulary.
 *
 * <p>Every action has a canonical English {@link #phrase()} that the classic editor's parser reads back into the
 * same action; the heuristic thinker writes its refined instructions in these phrases, joined by
 * {@link #JOINER}. Amounts are percentages unless a component says otherwise (degrees, stops, levels, pixels).
 */
public sealed interface Action {
    /** How several phrases are joined in one instruction. */
    String JOINER = ", then ";

    /** The canonical English phrase, e.g. "decrease the contrast by 20% in the top third". */
    String phrase();

    /** The phrase of an action whose operation is described in {@link Operations}. */
    private static String described(Action action) {
        return Operations.of(action)
                .orElseThrow(() -> new IllegalStateException("no operation describes " + action.getClass()))
                .phrase(action);
    }

    /** Joins actions into one instruction in canonical phrasing. */
    static String instruction(List<? extends Action> actions) {
        return actions.stream().map(Action::phrase).collect(Collectors.joining(JOINER));
    }

    /** Global tone and color adjustments. */
    enum Tone {
        /** Percent: positive shifts the luma toward white keeping contrast and color, negative scales toward black. */
        BRIGHTNESS,
        /** Percent: stretches (positive) or compresses (negative) values around the mean. */
        CONTRAST,
        /** Percent: scales the chroma around each pixel's luma. */
        SATURATION,
        /** Percent: positive warmer (more red/yellow), negative cooler (more blue). */
        WARMTH,
        /** Degrees on the color wheel, −180..180. */
        HUE,
        /** Stops: multiplies linear light by 2^stops. */
        EXPOSURE
    }

    /** Whole-image color filters with a strength (100 = full effect). */
    enum Filter {
        GRAYSCALE,
        SEPIA,
        INVERT
    }

    /** Named styles and effects with a strength in percent (pixel art: block size in pixels). */
    enum Style {
        PENCIL_SKETCH,
        WATERCOLOR,
        CARTOON,
        PIXEL_ART,
        HALFTONE,
        HDR,
        BLUR,
        SHARPEN,
        TILT_SHIFT,
        VIGNETTE,
        FILM_GRAIN
    }

    /** Where added text goes. */
    enum Position {
        TOP("the top"),
        BOTTOM("the bottom"),
        CENTER("the center"),
        TOP_LEFT("the top left corner"),
        TOP_RIGHT("the top right corner"),
        BOTTOM_LEFT("the bottom left corner"),
        BOTTOM_RIGHT("the bottom right corner");

        private final String phrase;

        Position(String phrase) {
            this.phrase = phrase;
        }

        public String phrase() {
            return phrase;
        }
    }

    /**
     * A tone adjustment, e.g. "increase the contrast by 20%", "make it warmer by 30%", "shift the hue by 40
     * degrees", "increase the exposure by 0.5 stops".
     */
    record Adjust(Tone tone, double amount, Region region) implements Action {
        public Adjust {
            Objects.requireNonNull(tone, "tone");
            Objects.requireNonNull(region, "region");
            if (amount == 0 || Double.isNaN(amount)) {
                throw new IllegalArgumentException("an adjustment needs a non-zero amount");
            }
        }

        @Override
        public String phrase() {
            return described(this);
        }
    }

    /** "convert it to black and white", "apply a sepia tone at 80%", "invert the colors". */
    record ColorFilter(Filter filter, double strength, Region region) implements Action {
        public ColorFilter {
            Objects.requireNonNull(filter, "filter");
            Objects.requireNonNull(region, "region");
            Num.checkPercent(strength);
        }

        @Override
        public String phrase() {
            return described(this);
        }
    }

    /** "posterize it to 4 levels". */
    record Posterize(int levels, Region region) implements Action {
        public Posterize {
            Objects.requireNonNull(region, "region");
            if (levels < 2 || levels > 64) {
                throw new IllegalArgumentException("posterize levels must be within 2..64, got " + levels);
            }
        }

        @Override
        public String phrase() {
            return described(this);
        }
    }

    /** "tint it blue by 20%". */
    record Tint(NamedColor color, double strength, Region region) implements Action {
        public Tint {
            Objects.requireNonNull(color, "color");
            Objects.requireNonNull(region, "region");
            Num.checkPercent(strength);
        }

        @Override
        public String phrase() {
            return described(this);
        }
    }

    /**
     * A named style or effect with a strength in percent (pixel art: a block size), e.g. "blur it by 30%"; each
     * style's descriptor in {@link Operations} writes its phrase and does its work.
     */
    record Stylize(Style style, double strength, Region region) implements Action {
        public Stylize {
            Objects.requireNonNull(style, "style");
            Objects.requireNonNull(region, "region");
            if (style == Style.PIXEL_ART) {
                if (strength < 2 || strength > 256 || strength != Math.rint(strength)) {
                    throw new IllegalArgumentException("pixel art block size must be a whole 2..256, got " + strength);
                }
            } else {
                Num.checkPercent(strength);
            }
        }

        @Override
        public String phrase() {
            return described(this);
        }
    }

    /**
     * An action of an operation that has no record of its own: a registered {@link Operation.Adjustable} with an amount (its
     * knob's unit) in a region. The operation writes the phrase, does the work and describes the effect.
     */
    record Apply(Operation.Adjustable operation, double amount, Region region) implements Action {
        public Apply {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(region, "region");
            if (Double.isNaN(amount)) {
                throw new IllegalArgumentException("an operation needs an amount");
            }
        }

        @Override
        public String phrase() {
            return operation.phrase(this);
        }
    }

    /**
     * "change the red areas to blue" (every area of the color; with {@code place} SKY, "change the blue sky to orange",
     * the areas that reach the top edge of the picture), or, when {@code thing}, "change the red thing to blue" (the
     * thing of that color, found by {@link ObjectSelection}, in {@code place} when it is not WHOLE).
     */
    record Recolor(NamedColor from, NamedColor to, Region place, boolean thing) implements Action {
        public Recolor {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(place, "place");
            if (!thing && place != Region.WHOLE && place != Region.SKY) {
                throw new IllegalArgumentException("areas are of the whole picture or of the sky");
            }
        }

        /** Every area of a color. */
        public Recolor(NamedColor from, NamedColor to) {
            this(from, to, Region.WHOLE, false);
        }

        @Override
        public String phrase() {
            return described(this);
        }
    }

    /**
     * "remove the red object" (inpainting the thing of that color, found by {@link ObjectSelection}), in {@code place}
     * when it is not WHOLE ("remove the black object in the bottom right corner").
     */
    record RemoveColored(NamedColor color, Region place) implements Action {
        public RemoveColored {
            Objects.requireNonNull(color, "color");
            Objects.requireNonNull(place, "place");
        }

        /** The thing of a color, anywhere. */
        public RemoveColored(NamedColor color) {
            this(color, Region.WHOLE);
        }

        @Override
        public String phrase() {
            return described(this);
        }
    }

    /** "remove the object in the top left corner" (the one distinct thing in a named region, filled from its ground). */
    record RemoveRegion(Region region) implements Action {
        public RemoveRegion {
            Objects.requireNonNull(region, "region");
            if (region == Region.WHOLE) {
                throw new IllegalArgumentException("cannot remove the whole image");
            }
        }

        @Override
        public String phrase() {
            return described(this);
        }
    }

    /**
     * What lies behind the subject: "blur the background" (no color, no tone), "replace the background with white"
     * (a color), or "darken the background by 25%" (a tone move of the whole picture, made behind the subject only;
     * "make the background black and white" takes its saturation away).
     */
    record Background(NamedColor color, Adjust tone) implements Action {
        public Background {
            if (color != null && tone != null) {
                throw new IllegalArgumentException("a background is replaced or toned, not both");
            }
            if (tone != null && tone.region() != Region.WHOLE) {
                throw new IllegalArgumentException("the background's tone move is of the whole background");
            }
        }

        /** A blur (null) or a new color. */
        public Background(NamedColor color) {
            this(color, null);
        }

        @Override
        public String phrase() {
            return described(this);
        }
    }

    /** {@code add the text "SALE" at the top in white}. */
    record AddText(String text, Position position, NamedColor color) implements Action {
        public AddText {
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(color, "color");
            if (text == null || text.isBlank() || text.contains("\"")) {
                throw new IllegalArgumentException("text must be non-blank and contain no double quote");
            }
        }

        @Override
        public String phrase() {
            return described(this);
        }
    }

    /** Which way round a picture stands: taller than wide, or wider than tall. */
    enum Orientation {
        PORTRAIT,
        LANDSCAPE;

        /** "portrait" or "landscape". */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** Whether a picture of this size already stands this way (a square one stands neither way). */
        public boolean holds(int width, int height) {
            return this == PORTRAIT ? height > width : width > height;
        }
    }

    /**
     * "rotate it 90 degrees clockwise" (90, 180 or 270 clockwise); with a target orientation ("rotate it to portrait",
     * "a quarter turn so it's portrait") the quarter turn is made only when the picture does not already stand that
     * way, and a square picture is left as it is (no rotation makes it portrait or landscape).
     */
    record Rotate(int degreesClockwise, Orientation target) implements Action {
        public Rotate {
            if (degreesClockwise != 90 && degreesClockwise != 180 && degreesClockwise != 270) {
                throw new IllegalArgumentException("rotation must be 90, 180 or 270 degrees, got " + degreesClockwise);
            }
            if (target != null && degreesClockwise == 180) {
                throw new IllegalArgumentException("a half turn does not change the orientation");
            }
        }

        /** A rotation with no target orientation. */
        public Rotate(int degreesClockwise) {
            this(degreesClockwise, null);
        }

        /** Whether the rotation is made on a picture of this size (always, unless a target says otherwise). */
        public boolean turns(int width, int height) {
            return target == null || (width != height && !target.holds(width, height));
        }

        @Override
        public String phrase() {
            return described(this);
        }
    }

    /** "flip it horizontally" / "flip it vertically". */
    record Flip(boolean horizontal) implements Action {
        @Override
        public String phrase() {
            return described(this);
        }
    }

    /** "crop it to the left half". */
    record CropRegion(Region region) implements Action {
        public CropRegion {
            Objects.requireNonNull(region, "region");
            if (region == Region.WHOLE) {
                throw new IllegalArgumentException("cropping to the whole image is no crop");
            }
        }

        @Override
        public String phrase() {
            return described(this);
        }
    }

    /**
     * "crop it to a 16:9 aspect ratio" (centered); with a target orientation ("make it landscape", "crop it to
     * portrait": 3:2 or 2:3, no ratio said) the crop is made only when the picture does not already stand that way.
     */
    record CropAspect(int width, int height, Orientation target) implements Action {
        public CropAspect {
            if (width < 1 || height < 1) {
                throw new IllegalArgumentException("aspect ratio parts must be positive");
            }
            if (target != null && !target.holds(width, height)) {
                throw new IllegalArgumentException(width + ":" + height + " is not " + target.word());
            }
        }

        /** A crop to a ratio with no target orientation. */
        public CropAspect(int width, int height) {
            this(width, height, null);
        }

        /** The usual photo format of an orientation: 3:2 landscape, 2:3 portrait. */
        public static CropAspect toOrientation(Orientation target) {
            return target == Orientation.LANDSCAPE ? new CropAspect(3, 2, target) : new CropAspect(2, 3, target);
        }

        /** Whether the crop is made on a picture of this size (always, unless a target it already holds says not). */
        public boolean crops(int width, int height) {
            return target == null || !target.holds(width, height);
        }

        @Override
        public String phrase() {
            return described(this);
        }
    }

    /** "zoom in by 50%" (centered crop scaled back to the original size). */
    record Zoom(double percent) implements Action {
        public Zoom {
            if (!(percent > 0 && percent <= 400)) {
                throw new IllegalArgumentException("zoom must be within (0, 400]%, got " + percent);
            }
        }

        @Override
        public String phrase() {
            return described(this);
        }
    }

    /** "resize it to 800x600". */
    record Resize(int width, int height) implements Action {
        public Resize {
            if (width < 1 || height < 1 || width > 16384 || height > 16384) {
                throw new IllegalArgumentException("resize target must be within 1..16384 per side");
            }
        }

        @Override
        public String phrase() {
            return described(this);
        }
    }

    /** "resize it to 50%". */
    record Scale(double percent) implements Action {
        public Scale {
            if (!(percent >= 1 && percent <= 400)) {
                throw new IllegalArgumentException("scale must be within 1..400%, got " + percent);
            }
        }

        @Override
        public String phrase() {
            return described(this);
        }
    }

    /** "add a 20-pixel white border". */
    record Border(int pixels, NamedColor color) implements Action {
        public Border {
            Objects.requireNonNull(color, "color");
            if (pixels < 1 || pixels > 1000) {
                throw new IllegalArgumentException("border width must be within 1..1000 pixels, got " + pixels);
            }
        }

        @Override
        public String phrase() {
            return described(this);
        }
    }

    /** Number formatting shared by the phrases. */
    final class Num {
        private Num() {}

        /** 25 → "25", 0.5 → "0.5", 12.50 → "12.5". */
        public static String fmt(double value) {
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }

        public static void checkPercent(double strength) {
            if (!(strength > 0 && strength <= 100)) {
                throw new IllegalArgumentException("strength must be within (0, 100]%, got " + strength);
            }
        }
    }
}
