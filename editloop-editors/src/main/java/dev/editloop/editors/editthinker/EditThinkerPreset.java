package dev.editloop.editors.editthinker;

import dev.editloop.core.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The sampler defaults of the EditThinker reference client per editor model, chosen with the spec parameter
 * {@code preset}.
 */
public enum EditThinkerPreset {
    /** FLUX.1 Kontext [dev]: 28 steps, guidance 2.5. */
    FLUX_KONTEXT("flux-kontext", 28, 2.5),
    /** Qwen-Image-Edit: 50 steps, true CFG 5.0. */
    QWEN_IMAGE_EDIT("qwen-image-edit", 50, 5.0),
    /** OmniGen2: 50 steps, text guidance 5.0. */
    OMNIGEN2("omnigen2", 50, 5.0);

    private final String label;
    private final int steps;
    private final double guidance;

    EditThinkerPreset(String label, int steps, double guidance) {
        this.label = label;
        this.steps = steps;
        this.guidance = guidance;
    }

    /** The name used in specs, e.g. {@code flux-kontext}. */
    public String label() {
        return label;
    }

    /** Denoising steps. */
    public int steps() {
        return steps;
    }

    /** Guidance scale. */
    public double guidance() {
        return guidance;
    }

    /**
     * The preset a spec names.
     *
     * @throws InvalidInputException naming the known presets when the name is unknown
     */
    public static EditThinkerPreset of(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (EditThinkerPreset p : values()) {
            if (p.label.equals(n)) {
                return p;
            }
        }
        throw new InvalidInputException(EditThinkerEditor.KIND + ": unknown preset '" + name + "' (known: "
                + Arrays.stream(values()).map(EditThinkerPreset::label).collect(Collectors.joining(", ")) + ")");
    }
}
