package dev.editloop.server;

import dev.editloop.core.image.DecodedImage;
import dev.editloop.core.loop.Strategy;
import dev.editloop.core.loop.Threshold;
import dev.editloop.core.region.Region;
import dev.editloop.core.spi.BackendSpec;

/**
 * A job to run, checked: the decoded source, the instruction and the loop's settings.
 *
 * @param image the decoded source image
 * @param instruction the user's instruction
 * @param strategy the strategy
 * @param maxTurns the turn limit (0: the strategy's default)
 * @param threshold when to stop
 * @param accept the acceptance floor (null: any best turn)
 * @param seed the seed
 * @param profile the profile name the settings came from
 * @param editor the editor's spec
 * @param thinker the thinker's spec
 * @param origin {@code api} or {@code openai}
 * @param region the part of the image that may change (an OpenAI {@code mask}), or null for the whole image
 */
record JobRequest(
        DecodedImage image,
        String instruction,
        Strategy strategy,
        int maxTurns,
        Threshold threshold,
        Threshold accept,
        long seed,
        String profile,
        BackendSpec editor,
        BackendSpec thinker,
        String origin,
        Region region) {}
