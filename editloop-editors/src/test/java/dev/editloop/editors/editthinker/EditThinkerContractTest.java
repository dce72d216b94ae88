package dev.editloop.editors.editthinker;

import dev.editloop.core.Editor;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.testkit.contract.EditorContract;
import dev.editloop.testkit.fake.FakeEditThinkerServer;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

class EditThinkerContractTest extends EditorContract {
    private static final String KEY = "et-contract-6a7b8c9d0e";
    private final FakeEditThinkerServer fake = new FakeEditThinkerServer();
    private final FakeEditThinkerServer failing = new FakeEditThinkerServer();

    @AfterEach
    void stop() {
        fake.close();
        failing.close();
    }

    @Override
    protected Editor editor() {
        fake.requireKey(KEY);
        return new EditThinkerEditor(
                BackendSpec.parse("editthinker-http:" + fake.baseUrl() + "?preset=flux-kontext&key_env=ET_KEY"),
                Map.of("ET_KEY", KEY));
    }

    @Override
    protected Optional<Editor> failingEditor() {
        failing.failEdits("the GPU worker crashed");
        return Optional.of(new EditThinkerEditor(
                BackendSpec.parse("editthinker-http:" + failing.baseUrl() + "?key_env=ET_KEY"), Map.of("ET_KEY", KEY)));
    }

    @Override
    protected String secret() {
        return KEY;
    }
}
