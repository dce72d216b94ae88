package dev.editloop.editors.comfyui;

import dev.editloop.core.Editor;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.testkit.contract.EditorContract;
import dev.editloop.testkit.fake.FakeComfyUiServer;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/** The ComfyUI editor passes the editor contract against the fake server, with a key sent through a proxy. */
class ComfyUiContractTest extends EditorContract {
    private static final String SECRET = "comfy-contract-secret-4711";

    private final FakeComfyUiServer server = new FakeComfyUiServer();
    private final FakeComfyUiServer broken = new FakeComfyUiServer();

    @AfterEach
    void stop() {
        server.close();
        broken.close();
    }

    private static Editor editor(FakeComfyUiServer fake) {
        return new ComfyUiEditor(
                BackendSpec.parse("comfyui:" + fake.baseUri() + "?workflow=qwen-image-edit&poll=5ms&timeout=5"
                        + "&key_env=EDITLOOP_COMFY_KEY"),
                Map.of("EDITLOOP_COMFY_KEY", SECRET));
    }

    @Override
    protected Editor editor() {
        server.runningPolls(1).outputSize(128, 96).requireKey(SECRET);
        return editor(server);
    }

    @Override
    protected Optional<Editor> failingEditor() {
        broken.failNext(1000, 500);
        return Optional.of(editor(broken));
    }

    @Override
    protected String secret() {
        return SECRET;
    }
}
