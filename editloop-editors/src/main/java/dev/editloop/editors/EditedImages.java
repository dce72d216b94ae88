package dev.editloop.editors;

import dev.editloop.core.EditResult;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.Usage;
import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import dev.editloop.remote.HttpFailures;
import dev.editloop.remote.HttpReply;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * What every HTTP editor does with the image a server sends back: decode it with an error that names the backend and
 * endpoint when it is not an image, and bring it back to the source's size, saying so in the notes.
 */
public final class EditedImages {
    private EditedImages() {}

    /**
     * Decodes a reply body that should be an image.
     *
     * @throws dev.editloop.core.NonRetriableException naming the backend and endpoint when the body is not an image
     *     (an HTML page, JSON, an empty body…)
     */
    public static Picture decode(HttpReply reply) {
        try {
            return Images.decode(
                    reply.body(), HttpFailures.where(reply.backend(), reply.endpoint()), Images.DEFAULT_MAX_PIXELS);
        } catch (InvalidInputException e) {
            throw reply.unexpected("an image");
        }
    }

    /**
     * Decodes a base64 image from a JSON reply ({@code b64_json}, {@code edited_image}, {@code inlineData.data}); a
     * {@code data:image/png;base64,} prefix is accepted.
     *
     * @throws dev.editloop.core.NonRetriableException naming the backend and endpoint when the text is not a base64
     *     image
     */
    public static Picture decodeBase64(String base64, String backend, URI endpoint) {
        if (base64 == null || base64.isBlank()) {
            throw HttpFailures.badReply(backend, endpoint, "the reply holds no image data");
        }
        String text = base64.strip();
        int comma = text.indexOf(',');
        if (text.startsWith("data:") && comma > 0) {
            text = text.substring(comma + 1);
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw HttpFailures.badReply(backend, endpoint, "the reply's image data is not valid base64");
        }
        try {
            return Images.decode(bytes, HttpFailures.where(backend, endpoint), Images.DEFAULT_MAX_PIXELS);
        } catch (InvalidInputException e) {
            throw HttpFailures.badReply(
                    backend, endpoint, "the reply's image data is not an image (" + e.getMessage() + ")");
        }
    }

    /**
     * The edit result at the source's size: a server that answered another size is resized back, and a note records
     * both sizes.
     */
    public static EditResult atSourceSize(Picture source, Picture edited, List<String> notes, Usage usage) {
        List<String> all = new ArrayList<>(notes);
        Picture image = edited;
        if (edited.width() != source.width() || edited.height() != source.height()) {
            image = Images.resize(edited, source.width(), source.height());
            all.add("resized the editor's " + edited.width() + "x" + edited.height() + " output back to the source's "
                    + source.width() + "x" + source.height());
        }
        return new EditResult(image, all, usage);
    }
}
