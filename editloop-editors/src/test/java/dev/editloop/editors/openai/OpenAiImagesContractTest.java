package dev.editloop.editors.openai;

import dev.editloop.core.Editor;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.testkit.contract.EditorContract;
import dev.editloop.testkit.fake.FakeOpenAiImagesServer;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

class OpenAiImagesContractTest extends EditorContract {
    private static final String KEY = "sk-contract-1e2d3c4b5a";
    private final FakeOpenAiImagesServer fake = new FakeOpenAiImagesServer();
    private final FakeOpenAiImagesServer failing = new FakeOpenAiImagesServer();

    @AfterEach
    void stop() {
        fake.close();
        failing.close();
    }

    @Override
    protected Editor editor() {
        fake.requireKey(KEY);
        return new OpenAiImagesEditor(
                BackendSpec.parse("openai-images:" + fake.baseUrl() + "?model=gpt-image-1"),
                Map.of("OPENAI_API_KEY", KEY));
    }

    @Override
    protected Optional<Editor> failingEditor() {
        failing.failNext(100, 500);
        return Optional.of(new OpenAiImagesEditor(
                BackendSpec.parse("openai-images:" + failing.baseUrl() + "?model=gpt-image-1"),
                Map.of("OPENAI_API_KEY", KEY)));
    }

    @Override
    protected String secret() {
        return KEY;
    }
}
