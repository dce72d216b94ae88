package dev.editloop.llm;

import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import dev.langchain4j.data.message.ImageContent;
import java.util.Base64;

/**
 * Pictures as chat content: base64 PNG with the HIGH detail level (LangChain4j's default is LOW, which makes OpenAI
 * look at a 512-pixel thumbnail), scaled down only when larger than the pixel budget.
 */
final class PictureParts {
    private PictureParts() {}

    /** The picture as an image part, within the budget. */
    static ImageContent image(Picture picture, long budget) {
        Picture fit = Images.fitWithin(picture, budget);
        return ImageContent.from(
                Base64.getEncoder().encodeToString(fit.png()), "image/png", ImageContent.DetailLevel.HIGH);
    }
}
