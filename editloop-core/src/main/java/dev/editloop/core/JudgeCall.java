package dev.editloop.core;

import dev.editloop.core.image.Picture;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One question to a {@link Judge}: the pictures it may look at (in order, each with its role), the prompt, and the
 * criteria to score, each on its own scale. A benchmark protocol asks one or more questions per edit (VIEScore asks
 * two: semantic consistency on the source and the edit, perceptual quality on the edit alone) and combines the
 * answers; a judge only answers.
 *
 * @param protocol the protocol asking, e.g. {@code vie}
 * @param question the question's name within the protocol, e.g. {@code semantic}
 * @param images the pictures shown, in order; never empty
 * @param prompt the rendered prompt text
 * @param criteria what to score, in order; never empty, names unique
 * @param instruction the user's edit instruction
 * @param reference the benchmark's reference text for this case (an expected outcome or explanation), or null
 * @param seed seed for any random choice
 */
public record JudgeCall(
        String protocol,
        String question,
        List<JudgeImage> images,
        String prompt,
        List<Criterion> criteria,
        String instruction,
        String reference,
        long seed) {
    public JudgeCall {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(instruction, "instruction");
        images = List.copyOf(images);
        criteria = List.copyOf(criteria);
        if (images.isEmpty()) {
            throw new IllegalArgumentException("a judge question shows at least one image");
        }
        if (criteria.isEmpty()) {
            throw new IllegalArgumentException("a judge question scores at least one criterion");
        }
        Set<String> names = new HashSet<>();
        for (Criterion c : criteria) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("criterion '" + c.name() + "' appears twice in one question");
            }
        }
        reference = reference == null || reference.isBlank() ? null : reference;
    }

    /** The first picture with this role, if the question shows one. */
    public Optional<Picture> image(String role) {
        return images.stream()
                .filter(i -> i.role().equals(role))
                .map(JudgeImage::picture)
                .findFirst();
    }

    /** The criterion with this name, if the question scores it. */
    public Optional<Criterion> criterion(String name) {
        return criteria.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The criterion names, in order. */
    public List<String> criterionNames() {
        return criteria.stream().map(Criterion::name).toList();
    }
}
