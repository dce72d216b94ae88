package dev.editloop.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackendIdentityTest {
    @Test
    void theDisplayShowsKindEndpointsModelAndAWorkflowOrPresetButNoOtherParameter() {
        BackendIdentity chat = BackendIdentity.of(
                "openai-chat", "gpt-4.1", List.of("https://api.openai.com/v1"), Map.of("temperature", 0.2));
        assertThat(chat.display()).isEqualTo("openai-chat:https://api.openai.com/v1?model=gpt-4.1");
        assertThat(chat.toString()).isEqualTo(chat.display());

        BackendIdentity comfy = BackendIdentity.of(
                "comfyui", null, List.of("http://a:8188", "http://b:8188"), Map.of("workflow", "flux-kontext-dev"));
        assertThat(comfy.display()).isEqualTo("comfyui:http://a:8188,http://b:8188?workflow=flux-kontext-dev");

        BackendIdentity embedded = BackendIdentity.of("embedded", null, List.of(), Map.of("engine", "classic"));
        assertThat(embedded.display()).isEqualTo("embedded");
    }

    @Test
    void parametersAreSortedAndEqualityIgnoresTheOrderTheyCameIn() {
        var a = new java.util.LinkedHashMap<String, Object>();
        a.put("steps", 40);
        a.put("guidance", 2.5);
        var b = new java.util.LinkedHashMap<String, Object>();
        b.put("guidance", 2.5);
        b.put("steps", 40);
        BackendIdentity x = BackendIdentity.of("k", "m", List.of(), a);
        BackendIdentity y = BackendIdentity.of("k", "m", List.of(), b);
        assertThat(x).isEqualTo(y).hasSameHashCodeAs(y);
        assertThat(x.params().keySet()).containsExactly("guidance", "steps");
        assertThat(x.with("steps", 41)).isNotEqualTo(x);
        assertThat(x.with("steps", null).params()).doesNotContainKey("steps");
    }

    @Test
    void userInfoInEndpointsIsDroppedAndSecretLookingParametersAreRefused() {
        BackendIdentity id = BackendIdentity.of("k", null, List.of("http://me:hunter2@host:1/v1"), Map.of());
        assertThat(id.endpoints()).containsExactly("http://host:1/v1");
        assertThat(id.display()).doesNotContain("hunter2");

        assertThatThrownBy(() -> BackendIdentity.of("k", null, List.of(), Map.of("api_key", "sk-123")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("api_key")
                .hasMessageNotContaining("sk-123");
    }

    @Test
    void aDisplayStringReadsBackIntoItsParts() {
        BackendIdentity id =
                BackendIdentity.fromDisplay("editthinker-http:http://a:8005,http://b:8005?preset=omnigen2");
        assertThat(id.kind()).isEqualTo("editthinker-http");
        assertThat(id.model()).isNull();
        assertThat(id.endpoints()).containsExactly("http://a:8005", "http://b:8005");
        assertThat(id.params()).containsExactly(Map.entry("preset", "omnigen2"));
        assertThat(id.display()).isEqualTo("editthinker-http:http://a:8005,http://b:8005?preset=omnigen2");

        assertThat(BackendIdentity.fromDisplay("test-thinker").kind()).isEqualTo("test-thinker");
        assertThat(BackendIdentity.fromDisplay("").kind()).isEqualTo("unknown");
        assertThat(BackendIdentity.fromDisplay("x?token=abc").params())
                .as("a secret-looking parameter in old text is dropped, not kept")
                .isEmpty();
    }

    @Test
    void sha256IsTheStandardHexDigest() {
        assertThat(BackendIdentity.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
