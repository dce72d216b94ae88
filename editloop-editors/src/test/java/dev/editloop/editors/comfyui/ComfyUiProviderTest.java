package dev.editloop.editors.comfyui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.Editor;
import dev.editloop.core.retry.RetryPolicy;
import dev.editloop.core.spi.BackendCheck;
import dev.editloop.core.spi.BackendCheck.Status;
import dev.editloop.core.spi.BackendRegistry;
import dev.editloop.core.spi.BackendRole;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.testkit.TestImages;
import dev.editloop.testkit.fake.FakeComfyUiServer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ComfyUiProviderTest {
    private final FakeComfyUiServer first = new FakeComfyUiServer();
    private final FakeComfyUiServer second = new FakeComfyUiServer();

    @AfterEach
    void stop() {
        first.close();
        second.close();
    }

    @Test
    void theRegistryFindsTheKindAndRetriesRemotely() {
        BackendRegistry registry = BackendRegistry.load();

        assertThat(registry.providers()).containsKey("comfyui");
        assertThat(registry.providers().get("comfyui").roles()).containsExactly(BackendRole.EDITOR);
        assertThat(registry.providers().get("comfyui").defaultRetryPolicy()).isEqualTo(RetryPolicy.DEFAULT);
        assertThat(registry.kinds(BackendRole.EDITOR)).contains("comfyui");
    }

    @Test
    void aPoolFailsOverWhenOneServerIsDown() {
        URI dead = deadEndpoint();
        String spec = "comfyui:" + dead + "," + second.baseUri() + "?workflow=flux-kontext-dev&poll=5ms&retry_delay=0";
        try (Editor editor = BackendRegistry.load().editor(spec)) {
            for (int seed = 0; seed < 3; seed++) {
                EditResult result = editor.edit(EditCall.of(TestImages.scene(64, 48, seed), "add fog", seed));
                assertThat(result.image().width()).isEqualTo(64);
            }
            assertThat(editor.describe())
                    .isEqualTo("comfyui:" + dead + "," + second.baseUri() + "?workflow=flux-kontext-dev");
        }
        assertThat(second.requests("/prompt")).hasSize(3);
    }

    @Test
    void everyRequestOfOneEditGoesToTheSameServer() {
        String spec = "comfyui:" + first.baseUri() + "," + second.baseUri()
                + "?workflow=qwen-image-edit&poll=5ms&retry_delay=0";
        first.runningPolls(2);
        second.runningPolls(2);
        try (Editor editor = BackendRegistry.load().editor(spec)) {
            editor.edit(EditCall.of(TestImages.scene(64, 48, 1), "x", 1));
            editor.edit(EditCall.of(TestImages.scene(64, 48, 2), "x", 2));
        }
        for (FakeComfyUiServer fake : List.of(first, second)) {
            assertThat(fake.requests("/upload/image")).hasSize(1);
            assertThat(fake.requests("/prompt")).hasSize(1);
            assertThat(fake.requests("/history/")).hasSize(3);
            assertThat(fake.requests("/view")).hasSize(1);
            assertThat(fake.requests("/object_info")).hasSize(1);
        }
    }

    @Test
    void checkReportsEachEndpointWithItsNodesAndModels() {
        second.withoutModelFile("qwen_2.5_vl_7b_fp8_scaled.safetensors");
        URI dead = deadEndpoint();
        BackendSpec spec = BackendSpec.parse(
                "comfyui:" + first.baseUri() + "," + second.baseUri() + "," + dead + "?workflow=qwen-image-edit");

        List<BackendCheck> rows = new ComfyUiProvider().check(spec, Map.of());

        assertThat(rows).hasSize(3);
        BackendCheck ok = rows.get(0);
        assertThat(ok.endpoint()).isEqualTo(first.baseUri().toString());
        assertThat(ok.reachable()).isEqualTo(Status.OK);
        assertThat(ok.authenticated()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(ok.model()).isEqualTo(Status.OK);
        assertThat(ok.roundTripMillis()).isNotNull();
        assertThat(ok.detail())
                .contains("ComfyUI " + FakeComfyUiServer.VERSION)
                .contains("qwen-image-edit")
                .contains("3 model files");
        BackendCheck missing = rows.get(1);
        assertThat(missing.reachable()).isEqualTo(Status.OK);
        assertThat(missing.model()).isEqualTo(Status.FAILED);
        assertThat(missing.detail())
                .contains("CLIPLoader model 'qwen_2.5_vl_7b_fp8_scaled.safetensors': put it in models/text_encoders/");
        BackendCheck down = rows.get(2);
        assertThat(down.reachable()).isEqualTo(Status.FAILED);
        assertThat(down.detail()).contains("connection refused");
        assertThat(first.requests("/prompt")).isEmpty();
    }

    @Test
    void checkWithAKeyReportsAuthentication() {
        first.requireKey("s3cret");
        BackendSpec spec =
                BackendSpec.parse("comfyui:" + first.baseUri() + "?workflow=qwen-image-edit&key_env=COMFY_KEY");

        BackendCheck good =
                new ComfyUiProvider().check(spec, Map.of("COMFY_KEY", "s3cret")).get(0);
        BackendCheck bad =
                new ComfyUiProvider().check(spec, Map.of("COMFY_KEY", "wrong")).get(0);

        assertThat(good.authenticated()).isEqualTo(Status.OK);
        assertThat(good.model()).isEqualTo(Status.OK);
        assertThat(bad.authenticated()).isEqualTo(Status.FAILED);
        assertThat(bad.detail()).contains("COMFY_KEY").doesNotContain("wrong");
    }

    @Test
    void checkOfAnUnusableWorkflowIsAFailedRowNotAnException() {
        BackendSpec spec = BackendSpec.parse("comfyui:" + first.baseUri() + "?workflow=no-such-flow.json");

        List<BackendCheck> rows = new ComfyUiProvider().check(spec, Map.of());

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.model()).isEqualTo(Status.FAILED);
            assertThat(row.detail()).contains("no-such-flow.json");
        });
    }

    private static URI deadEndpoint() {
        FakeComfyUiServer gone = new FakeComfyUiServer();
        URI uri = gone.baseUri();
        gone.close();
        return uri;
    }
}
