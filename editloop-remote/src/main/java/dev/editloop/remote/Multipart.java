package dev.editloop.remote;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body (RFC 7578) for the JDK HTTP client: text fields and files, in order.
 *
 * <pre>{@code
 * Multipart form = new Multipart().field("model", "gpt-image-1").file("image", "image.png", "image/png", png);
 * transport.post(uri, form.contentType(), form.body());
 * }</pre>
 */
public final class Multipart {
    private final String boundary = "editloop-" + UUID.randomUUID();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private boolean built;

    /** Adds a text field. */
    public Multipart field(String name, String value) {
        Objects.requireNonNull(value, name);
        head("Content-Disposition: form-data; name=\"" + escape(name) + "\"\r\n\r\n");
        write(value.getBytes(StandardCharsets.UTF_8));
        write("\r\n".getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Adds a file. */
    public Multipart file(String name, String filename, String contentType, byte[] bytes) {
        head("Content-Disposition: form-data; name=\"" + escape(name) + "\"; filename=\"" + escape(filename)
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
        write(bytes);
        write("\r\n".getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** The content type header value, with the boundary. */
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The finished body; no field can be added after this. */
    public byte[] bytes() {
        if (!built) {
            write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            built = true;
        }
        return out.toByteArray();
    }

    /** The finished body as a publisher. */
    public HttpRequest.BodyPublisher body() {
        return HttpRequest.BodyPublishers.ofByteArray(bytes());
    }

    private void head(String headers) {
        if (built) {
            throw new IllegalStateException("the multipart body is already finished");
        }
        write(("--" + boundary + "\r\n" + headers).getBytes(StandardCharsets.UTF_8));
    }

    private void write(byte[] bytes) {
        out.writeBytes(bytes);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "%22").replace("\r", "").replace("\n", "");
    }
}
