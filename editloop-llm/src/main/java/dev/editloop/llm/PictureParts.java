package dev.editloop.llm;

import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import dev.langchain4j.data.message.ImageContent;
import java.util.Base64;

/**
 * Pictures as chat content: base64 PNG (or JPEG when the spec asks for {@code image_format=jpeg}) with the HIGH detail
 * level (LangChain4j's default is LOW, which makes OpenAI look at a 512-pixel thumbnail), scaled down only when larger
 * than the pixel budget.
 */
final class PictureParts {
    private PictureParts() {}

    /** The picture as a PNG image part, within the budget. */
    static ImageContent image(Picture picture, long budget) {
        return image(picture, budget, 0);
    }

    /**
     * The picture as an image part, within the budget.
     *
     * @param jpegQuality 0 for PNG, else the JPEG quality 1–100
     */
    static ImageContent image(Picture picture, long budget, int jpegQuality) {
        Picture fit = Images.fitWithin(picture, budget);
        byte[] bytes = jpegQuality == 0 ? fit.png() : Images.encodeJpeg(fit, jpegQuality);
        return ImageContent.from(
                Base64.getEncoder().encodeToString(bytes),
                jpegQuality == 0 ? "image/png" : "image/jpeg",
                ImageContent.DetailLevel.HIGH);
    }
}
