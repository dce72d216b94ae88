package dev.editloop.embedded.heuristic;

/**
 * How the classic editor's amounts read on the {@link Metric}s, where the reading is not exact by construction.
 * Measured against the editor's operations on the test scenes; the thinker uses these slopes to turn a missing
 * effect into a missing amount, the knowledge base to set its targets.
 */
final class Calibration {
    private Calibration() {}

    /** {@link Metric#VIGNETTE} per vignette percent. */
    static final double VIGNETTE_PER_PERCENT = 0.0088;
    /** {@link Metric#GRAIN} per film-grain percent. */
    static final double GRAIN_PER_PERCENT = 0.01;
    /** {@link Metric#BLUR} per blur percent. */
    static final double BLUR_PER_PERCENT = 0.01;
    /** {@link Metric#SHARPNESS} (stops) per sharpening percent. */
    static final double SHARPEN_PER_PERCENT = 0.03;
    /** {@link Metric#DETAIL} per detail-enhancement percent. */
    static final double HDR_PER_PERCENT = 0.009;
    /** {@link Metric#DETAIL} in the top and bottom thirds per tilt-shift percent. */
    static final double TILT_SHIFT_PER_PERCENT = -0.011;
    /** {@link Metric#SHARPNESS} (stops) per watercolor percent: the painting smooths fine detail away. */
    static final double WATERCOLOR_PER_PERCENT = -0.025;
}
