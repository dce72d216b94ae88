package dev.editloop.cli;

import dev.editloop.core.InvalidInputException;
import dev.editloop.core.loop.LoopRequest;
import dev.editloop.core.loop.Strategy;
import dev.editloop.core.loop.Threshold;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The command line's value types: each converter turns one option's text into a checked value, or into a
 * {@link TypeConversionException} whose message is the one line the user sees after
 * {@code Invalid value for option '--x': }.
 */
final class Converters {
    private Converters() {}

    /** {@code --strategy}: a strategy name. */
    static final class StrategyConverter implements ITypeConverter<Strategy> {
        @Override
        public Strategy convert(String value) {
            try {
                return Strategy.parse(value);
            } catch (InvalidInputException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --threshold}: {@code 8}, {@code both:8} or {@code overall:7.5}. */
    static final class ThresholdConverter implements ITypeConverter<Threshold> {
        @Override
        public Threshold convert(String value) {
            try {
                return Threshold.parse(value);
            } catch (InvalidInputException | IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * {@code --max-turns}: a whole number within 1..{@value LoopRequest#MAX_TURN_LIMIT}, or {@value #AUTO} (null: the
     * strategy's own limit).
     */
    static final class TurnLimitConverter implements ITypeConverter<Integer> {
        /** The strategy's own limit. */
        static final String AUTO = "auto";

        @Override
        public Integer convert(String value) {
            if (AUTO.equalsIgnoreCase(value.strip())) {
                return null;
            }
            int turns;
            try {
                turns = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a whole number (or auto)");
            }
            if (turns < 1 || turns > LoopRequest.MAX_TURN_LIMIT) {
                throw new TypeConversionException("must be within 1.." + LoopRequest.MAX_TURN_LIMIT + ", got " + turns);
            }
            return turns;
        }
    }

    /**
     * A duration: {@code 90s}, {@code 1.5m}, {@code 2h}, {@code 500ms}, {@code 1h30m}, a plain number of seconds, or
     * ISO-8601 ({@code PT90S}); positive, at most a week.
     */
    static final class DurationConverter implements ITypeConverter<Duration> {
        private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");
        private static final Duration MAX = Duration.ofDays(7);

        @Override
        public Duration convert(String value) {
            Duration d = parse(value == null ? "" : value.strip().toLowerCase(Locale.ROOT));
            if (d == null) {
                throw new TypeConversionException("'" + value + "' is not a duration (e.g. 90s, 5m, 1h30m, 500ms)");
            }
            if (d.isZero() || d.isNegative() || d.compareTo(MAX) > 0) {
                throw new TypeConversionException("'" + value + "' must be more than 0 and at most a week");
            }
            return d;
        }

        private static Duration parse(String text) {
            if (text.isEmpty()) {
                return null;
            }
            if (text.startsWith("pt") || text.startsWith("p")) {
                try {
                    return Duration.parse(text.toUpperCase(Locale.ROOT));
                } catch (RuntimeException e) {
                    return null;
                }
            }
            if (text.matches("\\d+(\\.\\d+)?")) {
                return millis(Double.parseDouble(text) * 1000);
            }
            Matcher m = PART.matcher(text);
            double millis = 0;
            int end = 0;
            while (m.find()) {
                if (m.start() != end) {
                    return null;
                }
                double amount = Double.parseDouble(m.group(1));
                millis += switch (m.group(2)) {
                    case "ms" -> amount;
                    case "s" -> amount * 1_000;
                    case "m" -> amount * 60_000;
                    default -> amount * 3_600_000;
                };
                end = m.end();
            }
            return end == text.length() ? millis(millis) : null;
        }

        private static Duration millis(double millis) {
            return millis > Long.MAX_VALUE / 2 ? Duration.ofDays(365) : Duration.ofMillis(Math.round(millis));
        }
    }
}
