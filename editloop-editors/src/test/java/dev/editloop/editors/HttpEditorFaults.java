package dev.editloop.editors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.editloop.core.EditCall;
import dev.editloop.core.EditLoopException;
import dev.editloop.core.Editor;
import dev.editloop.core.NonRetriableException;
import dev.editloop.core.RetriableException;
import dev.editloop.core.image.Picture;
import dev.editloop.testkit.TestImages;
import dev.editloop.testkit.fake.FakeHttpServer;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The HTTP faults every editor adapter must turn into the right EditLoop exception, run against the adapter's own fake
 * server. A subclass starts its fake before each test and closes it after.
 */
public abstract class HttpEditorFaults {
    /** The fake server the editors below talk to. */
    protected abstract FakeHttpServer fake();

    /** An editor against {@link #fake()}, with extra spec parameters (e.g. {@code timeout=0.5}); may be empty. */
    protected abstract Editor editor(String params);

    /** An editor against {@link #fake()} whose key is {@link #wrongKey()} while the fake wants another. */
    protected abstract Editor editorWithWrongKey();

    /** The environment variable the adapter reads its key from. */
    protected abstract String keyVariable();

    /** The key {@link #editorWithWrongKey()} sends. */
    protected String wrongKey() {
        return "wrong-key-4d1f9c2b7e";
    }

    /** A 200 JSON reply of the protocol's shape that holds no image. */
    protected abstract String replyWithoutImage();

    /** A 200 JSON reply of the protocol's shape whose image field holds this text instead of base64. */
    protected abstract String replyWithImageData(String data);

    /** A small source, odd-sized. */
    protected Picture source() {
        return TestImages.scene(48, 30, 3);
    }

    private EditLoopException fail(Editor editor) {
        Throwable thrown = catchThrowable(() -> editor.edit(EditCall.of(source(), "make it brighter", 1)));
        assertThat(thrown).isInstanceOf(EditLoopException.class);
        assertThat(thrown.getMessage()).contains(kind(editor)).contains("127.0.0.1:" + fake().port());
        return (EditLoopException) thrown;
    }

    private static String kind(Editor editor) {
        String d = editor.describe();
        int colon = d.indexOf(':');
        int q = d.indexOf('?');
        int end = colon < 0 ? (q < 0 ? d.length() : q) : (q < 0 ? colon : Math.min(colon, q));
        return d.substring(0, end);
    }

    private void okReplyWithBody(String json) {
        fake().failNext(null, 1, 200, "application/json", json);
    }

    @Test
    void serverErrorIsRetriable() {
        fake().failNext(1, 500);
        try (Editor editor = editor("")) {
            assertThat(fail(editor)).isInstanceOf(RetriableException.class).hasMessageContaining("HTTP 500");
        }
    }

    @Test
    void rateLimitIsRetriable() {
        fake().failNext(1, 429);
        try (Editor editor = editor("")) {
            assertThat(fail(editor)).isInstanceOf(RetriableException.class).hasMessageContaining("429");
        }
    }

    @Test
    void badRequestIsNotRetriedAndQuotesTheServer() {
        fake().failNext(
                        null,
                        1,
                        400,
                        "application/json",
                        "{\"error\":{\"message\":\"Invalid size '7x7'. Supported sizes are 1024x1024.\"}}");
        try (Editor editor = editor("")) {
            assertThat(fail(editor))
                    .isInstanceOf(NonRetriableException.class)
                    .hasMessageContaining("Invalid size '7x7'");
        }
    }

    @Test
    void refusedKeyNamesTheVariableAndNotTheKey() {
        try (Editor editor = editorWithWrongKey()) {
            EditLoopException e = fail(editor);
            assertThat(e).isInstanceOf(NonRetriableException.class).hasMessageContaining(keyVariable());
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(wrongKey());
            }
            assertThat(editor.describe()).doesNotContain(wrongKey());
        }
    }

    @Test
    void proxyHtmlErrorPageIsRetriableAndNamed() {
        fake().htmlErrorNext(1);
        try (Editor editor = editor("")) {
            assertThat(fail(editor)).isInstanceOf(RetriableException.class).hasMessageContaining("502 Bad Gateway");
        }
    }

    @Test
    void htmlPageWithStatus200IsABadReply() {
        fake().failNext(null, 1, 200, "text/html", "<html><head><title>Sign in</title></head><body>…</body></html>");
        try (Editor editor = editor("")) {
            assertThat(fail(editor))
                    .isInstanceOf(NonRetriableException.class)
                    .hasMessageContaining("HTML page")
                    .hasMessageContaining("Sign in");
        }
    }

    @Test
    void emptyBodyIsABadReply() {
        fake().emptyNext(1);
        try (Editor editor = editor("")) {
            assertThat(fail(editor)).isInstanceOf(NonRetriableException.class).hasMessageContaining("empty body");
        }
    }

    @Test
    void textThatIsNotJsonIsABadReply() {
        fake().garbageNext(1);
        try (Editor editor = editor("")) {
            assertThat(fail(editor)).isInstanceOf(NonRetriableException.class).hasMessageContaining("Lorem ipsum");
        }
    }

    @Test
    void jsonWithoutAnImageIsABadReply() {
        okReplyWithBody(replyWithoutImage());
        try (Editor editor = editor("")) {
            assertThat(fail(editor)).isInstanceOf(NonRetriableException.class).hasMessageContaining("image");
        }
    }

    @Test
    void garbageBase64IsABadReply() {
        okReplyWithBody(replyWithImageData("%%% not base64 %%%"));
        try (Editor editor = editor("")) {
            assertThat(fail(editor)).isInstanceOf(NonRetriableException.class).hasMessageContaining("base64");
        }
    }

    @Test
    void base64ThatIsNotAnImageIsABadReply() {
        okReplyWithBody(replyWithImageData(Base64.getEncoder().encodeToString("just some text".getBytes())));
        try (Editor editor = editor("")) {
            assertThat(fail(editor)).isInstanceOf(NonRetriableException.class).hasMessageContaining("not an image");
        }
    }

    @Test
    void noReplyWithinTheTimeoutIsRetriable() {
        fake().hangNext(1);
        try (Editor editor = editor("timeout=0.5")) {
            long start = System.nanoTime();
            assertThat(fail(editor)).isInstanceOf(RetriableException.class).hasMessageContaining("timeout");
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
        }
    }
}
