package dev.editloop.editors.gemini;

import dev.editloop.core.Editor;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.testkit.contract.EditorContract;
import dev.editloop.testkit.fake.FakeGeminiServer;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

class GeminiImageContractTest extends EditorContract {
    private static final String KEY = "AIza-contract-2f4e6d8c0b";
    private final FakeGeminiServer fake = new FakeGeminiServer().requireGoogleKey(KEY);
    private final FakeGeminiServer failing = new FakeGeminiServer();

    @AfterEach
    void stop() {
        fake.close();
        failing.close();
    }

    @Override
    protected Editor editor() {
        return new GeminiImageEditor(
                BackendSpec.parse("gemini-image:" + fake.baseUrl()), Map.of("GEMINI_API_KEY", KEY));
    }

    @Override
    protected Optional<Editor> failingEditor() {
        failing.close();
        return Optional.of(new GeminiImageEditor(
                BackendSpec.parse("gemini-image:" + failing.baseUrl() + "?timeout=2"), Map.of("GEMINI_API_KEY", KEY)));
    }

    @Override
    protected String secret() {
        return KEY;
    }
}
