package dev.editloop.embedded.classic;

import static dev.editloop.embedded.classic.ClauseParser.*;

import java.math.BigDecimal;
import java.util.regex.MatchResult;

/** Clauses about geometry: crop, zoom, resize, rotate, flip. */
final class GeometryClauses {
    private GeometryClauses() {}

    /** "make it", "change the photo": the picture is what becomes the ratio that follows. */
    private static final java.util.regex.Pattern MAKE_IT = p(
            "^\\s*(?:(?:please|can you|could you)\\s+)*(?:make|change|set|turn)\\s+(?:it|this|the (?:image|photo|picture))\\b");

    /** Words of a turn: "turn it to portrait" is a rotation, not a crop. */
    private static final java.util.regex.Pattern TURN = p("\\b(?:rotate|rotated|turn|turned|spin)\\b");

    /** "4:3 please": a ratio said alone is what the picture becomes. */
    private static final java.util.regex.Pattern RATIO_ALONE =
            p("^\\s*(?:please\\s+)?\\d+(?:\\.\\d+)?\\s*:\\s*\\d+(?:\\.\\d+)?(?:\\s+please)?\\s*$");

    static Action crop(Clause c) {
        // "keep only the right half": what stays is a crop
        boolean verb = c.takeAll(
                        p(
                                "\\b(?:crop|cropped|cropping|trim|trimmed)\\b|\\bkeep only\\b(?=\\s+(?:the\\s+)?\\w+\\s+(?:half|third))"))
                > 0;
        c.takeAll(p("\\b(?:down|off)\\b"));
        // "landscape, 16:9", "a 4:5 portrait frame": the orientation a ratio makes, said with it
        MatchResult orientation = c.take(p("(?:\\b(?:to|into|in)\\s+)?(?:an?\\s+)?\\b(portrait|landscape)"
                + "(?:\\s+(?:orientation|format|mode))?\\b"));
        c.takeAll(p("\\b(?:aspect ratio|ratio|aspect|format|proportions?|shape|frame)\\b"));
        boolean square = c.takeAll(p("\\bsquare(?:\\s+crop)?\\b")) > 0;
        if (!verb
                && orientation == null
                && !square
                && (MAKE_IT.matcher(c.rest()).find()
                        || RATIO_ALONE.matcher(c.rest()).matches())) {
            // "make it 16:9", "4:3 please": a ratio said as what the picture becomes is a crop
            MatchResult alone = c.take(
                    p(
                            "(?:\\b(?:to|into|at)\\s+)?(?:an?\\s+)?(?<![\\w.])(\\d+(?:\\.\\d+)?)\\s*:\\s*(\\d+(?:\\.\\d+)?)\\b"));
            return alone == null || c.takeRegion() != null ? null : aspect(alone.group(1), alone.group(2));
        }
        if (!verb && orientation == null) {
            return square ? new Action.CropAspect(1, 1) : null;
        }
        boolean wide = c.takeAll(p("\\bwidescreen\\b|\\bwide screen\\b")) > 0;
        MatchResult ratio = c.take(p("(?:\\b(?:to|into|at)\\s+)?(?:an?\\s+)?(?<![\\w.])(\\d+(?:\\.\\d+)?)\\s*"
                + (verb ? "(?::|x|by|/)" : ":") + "\\s*(\\d+(?:\\.\\d+)?)\\b"));
        if (orientation != null) {
            if (square) {
                return null;
            }
            if (!wide && ratio == null) {
                // "make it landscape", "I need it in portrait orientation": the format said alone is a centre crop to
                // the usual photo ratio, made only when the picture does not stand that way yet (a quarter turn
                // would lay the subject on its side; a rotation says "rotate" or "turn")
                return c.takeRegion() != null || TURN.matcher(c.rest()).find()
                        ? null
                        : Action.CropAspect.toOrientation(
                                orientation.group(1).equalsIgnoreCase("landscape")
                                        ? Action.Orientation.LANDSCAPE
                                        : Action.Orientation.PORTRAIT);
            }
            boolean landscape = orientation.group(1).equalsIgnoreCase("landscape");
            double r =
                    ratio == null ? 16.0 / 9 : Double.parseDouble(ratio.group(1)) / Double.parseDouble(ratio.group(2));
            if (landscape ? !(r > 1) : !(r < 1)) {
                return null; // "portrait, 16:9" says two things that cannot both hold
            }
        }
        if (wide
                && ratio != null
                && ratio.group(1).equals("16")
                && ratio.group(2).equals("9")) {
            wide = false; // "16:9 widescreen": the same thing said twice
        }
        Region region = c.takeRegion();
        int kinds = (square ? 1 : 0) + (wide ? 1 : 0) + (ratio != null ? 1 : 0) + (region != null ? 1 : 0);
        if (kinds != 1) {
            return null;
        }
        if (square) {
            return new Action.CropAspect(1, 1);
        }
        if (wide) {
            return new Action.CropAspect(16, 9);
        }
        if (region != null) {
            return new Action.CropRegion(region);
        }
        return aspect(ratio.group(1), ratio.group(2));
    }

    static Action zoom(Clause c) {
        if (c.takeAll(p("\\bzoom(?:ed)?(?:\\s+in(?:to)?)?\\b|\\bmagnify\\b|\\bpunch in\\b")) == 0) {
            return null;
        }
        Region region = c.takeRegion();
        if (region != null && region != Region.CENTER) {
            return null;
        }
        // "to twice the magnification", "double the zoom", "2x magnification": a factor of the size things appear at
        c.takeAll(p("\\b(?:the\\s+)?(?:magnification|zoom(?: level)?|scale)\\b"));
        if (c.takeAll(p("(?:\\b(?:by|to)\\s+)?\\b(?:twice|double|two times)\\b")) > 0) {
            return new Action.Zoom(100);
        }
        MatchResult times = c.take(
                p("(?:\\b(?:by|to)\\s+)?(?:a factor of\\s+)?(?<![\\w.])(\\d+(?:\\.\\d+)?)\\s*(?:x|times)(?![\\w])"));
        if (times != null) {
            double factor = Double.parseDouble(times.group(1));
            return factor > 1 ? new Action.Zoom(clamp((factor - 1) * 100, 0, 400)) : null;
        }
        Amount amount = Amount.take(c);
        double percent = switch (amount.kind()) {
            case PERCENT, BARE -> amount.value();
            case QUALITATIVE -> amount.value();
            case NONE -> 25;
            default -> Double.NaN;
        };
        if (!(percent > 0)) {
            return null;
        }
        return new Action.Zoom(Math.min(400, percent));
    }

    static Action resize(Clause c) {
        MatchResult dims = c.take(
                p(
                        "(?:\\b(?:to|at|into)\\s+)?(?<![\\w.])(\\d{1,6})\\s*(?:x|by|\\*)\\s*(\\d{1,6})(?:\\s*(?:px|pixels))?\\b"));
        int neutral = c.takeAll(p("\\b(?:resize|resized|resizing|rescale|rescaled|scale|scaled|size|sized|"
                + "dimensions|resolution)\\b"));
        int coreUp = c.takeAll(p("\\b(?:enlarge|enlarged|upscale|upscaled|upsize|bigger|larger)\\b"));
        int coreDown = c.takeAll(p("\\b(?:shrink|shrunk|downscale|downscaled|downsize|smaller)\\b"));
        int up = coreUp + c.takeAll(p("\\b(?:grow|expand|increase|up)\\b"));
        int down = coreDown + c.takeAll(p("\\b(?:reduce|decrease|lower|down)\\b"));
        if (dims != null) {
            if (up > 0 || down > 0) {
                return null;
            }
            return new Action.Resize(Integer.parseInt(dims.group(1)), Integer.parseInt(dims.group(2)));
        }
        if (up > 0 && down > 0) {
            return null;
        }
        boolean core = neutral + coreUp + coreDown > 0;
        int dir = up > 0 ? 1 : down > 0 ? -1 : 0;
        double factor = Double.NaN;
        if (c.takeAll(p("\\b(?:double|doubled|twice)\\b")) > 0) {
            factor = 2;
        } else if (c.takeAll(p("\\b(?:halve|halved|half)\\b")) > 0) {
            factor = 0.5;
        } else if (c.takeAll(p("\\b(?:a\\s+)?quarter\\b")) > 0) {
            factor = 0.25;
        } else {
            MatchResult times = c.take(p("(?:\\b(?:by|to)\\s+)?(?:a factor of\\s+)?(?<![\\w.])(\\d+(?:\\.\\d+)?)"
                    + "\\s*(?:x|times)(?![\\w])"));
            if (times != null) {
                factor = Double.parseDouble(times.group(1));
            }
        }
        // "twice as big", "half as large": the size said with an adjective
        boolean sized = c.takeAll(p("\\bas\\s+(?:big|large)\\b|\\b(?:big|large)\\b")) > 0;
        if (!core && !(sized && !Double.isNaN(factor))) {
            return null;
        }
        double percent;
        if (!Double.isNaN(factor)) {
            if (!(factor > 0)) {
                return null;
            }
            percent = dir < 0 && factor > 1 ? 100 / factor : 100 * factor;
        } else {
            Amount amount = Amount.take(c);
            switch (amount.kind()) {
                case PERCENT, BARE -> {
                    if ("by".equals(amount.preposition()) && dir != 0) {
                        percent = 100 + dir * amount.value();
                    } else {
                        percent = amount.value();
                    }
                }
                case QUALITATIVE -> {
                    if (dir == 0) {
                        return null;
                    }
                    percent = 100 + dir * amount.value();
                }
                case NONE -> {
                    if (dir == 0) {
                        return null;
                    }
                    percent = 100 + dir * 25;
                }
                default -> {
                    return null;
                }
            }
        }
        if (!(percent > 0)) {
            return null;
        }
        return new Action.Scale(clamp(round2(percent), 1, 400));
    }

    static Action rotate(Clause c) {
        MatchResult verb = c.take(p("\\b(?:rotate|rotated|rotating|rotation|turn|turned|spin)\\b"));
        boolean upsideDown = c.takeAll(p("\\bupside down\\b")) > 0;
        if (verb == null && !upsideDown) {
            return null;
        }
        c.takeAll(p("\\b(?:rotate|rotated|rotation)\\b"));
        c.takeAll(p("\\bonce\\b")); // "rotate it to the left once": one turn
        boolean turn = verb != null && verb.group().startsWith("turn");
        Integer degrees = null;
        MatchResult quarter = c.take(p("\\b(?:a\\s+)?(quarter|half)(?:\\s+(?:a\\s+)?turn)?\\b"));
        if (quarter != null) {
            degrees = quarter.group(1).equals("quarter") ? 90 : 180;
        }
        MatchResult number = c.take(p("(?:\\bby\\s+)?(?<![\\w.])([+-]?\\d+)\\s*(?:degrees?|deg)?\\b"));
        if (number != null) {
            if (degrees != null) {
                return null;
            }
            degrees = Integer.parseInt(number.group(1));
        }
        // "rotate it to landscape", "a quarter turn so it's portrait": the orientation the turn must give
        MatchResult target = c.take(p("(?:\\bso(?:\\s+that)?\\s+(?:it|the (?:image|photo|picture))\\s*(?:'s|is|becomes|"
                + "stands|ends up|will be)(?:\\s+(?:in|as))?\\s+(?:a\\s+)?|(?:\\b(?:to|into|in)\\s+)(?:a\\s+)?)?\\b(portrait|landscape)"
                + "(?:\\s+(?:orientation|format|mode|position|view))?\\b"));
        int dir = 0;
        int cw = c.takeAll(p("\\b(?:clockwise|cw)\\b|(?:\\b(?:to|towards)\\s+(?:the\\s+)?)?\\bright\\b"));
        int ccw = c.takeAll(p("\\b(?:counterclockwise|ccw)\\b|(?:\\b(?:to|towards)\\s+(?:the\\s+)?)?\\bleft\\b"));
        if (cw > 0 && ccw > 0) {
            return null;
        }
        dir = cw > 0 ? 1 : ccw > 0 ? -1 : 0;
        if (upsideDown) {
            if (degrees != null && degrees % 360 != 180) {
                return null;
            }
            degrees = 180;
        }
        if (degrees == null) {
            if (turn && dir == 0 && target == null) {
                return null;
            }
            degrees = 90;
        }
        int clockwise = Math.floorMod(dir < 0 ? -degrees : degrees, 360);
        if (target != null) {
            if (clockwise != 90 && clockwise != 270) {
                return null; // a half turn or none leaves the orientation as it is
            }
            Action.Orientation orientation = target.group(1).equalsIgnoreCase("portrait")
                    ? Action.Orientation.PORTRAIT
                    : Action.Orientation.LANDSCAPE;
            return new Action.Rotate(clockwise, orientation);
        }
        return clockwise == 0 ? null : new Action.Rotate(clockwise);
    }

    static Action flip(Clause c) {
        if (c.takeAll(p("\\b(?:flip|flipped|mirror|mirrored|reflect|reflected)\\b")) == 0) {
            return null;
        }
        int horizontal = c.takeAll(p(
                "\\b(?:horizontally|horizontal|sideways|left to right|right to left|" + "left right|side to side)\\b"));
        int vertical = c.takeAll(p("\\b(?:vertically|vertical|upside down|top to bottom|bottom to top|up down)\\b"));
        if (horizontal > 0 && vertical > 0) {
            return null;
        }
        return new Action.Flip(vertical == 0);
    }

    static Action aspect(String a, String b) {
        BigDecimal x = new BigDecimal(a);
        BigDecimal y = new BigDecimal(b);
        if (x.signum() <= 0 || y.signum() <= 0) {
            return null;
        }
        int scale = Math.max(Math.max(x.scale(), y.scale()), 0);
        if (scale == 0) {
            return new Action.CropAspect(x.intValueExact(), y.intValueExact());
        }
        long w = x.movePointRight(scale).longValueExact();
        long h = y.movePointRight(scale).longValueExact();
        long g = gcd(w, h);
        w /= g;
        h /= g;
        if (w > 100_000 || h > 100_000) {
            return null;
        }
        return new Action.CropAspect((int) w, (int) h);
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
