package dev.editloop.editors.openai;

import dev.editloop.core.Editor;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.remote.RetryPolicy;
import dev.editloop.core.spi.BackendCheck;
import dev.editloop.core.spi.BackendProvider;
import dev.editloop.core.spi.BackendRole;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.editors.RemoteChecks;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Registers spec kind {@code openai-images}: an editor speaking the OpenAI images edits protocol, e.g.
 * {@code openai-images:https://api.openai.com/v1?model=gpt-image-1} or
 * {@code openai-images:http://gpu1:8000/v1?model=Qwen/Qwen-Image-Edit-2511&steps=40}.
 */
public final class OpenAiImagesProvider implements BackendProvider {
    @Override
    public String kind() {
        return OpenAiImagesEditor.KIND;
    }

    @Override
    public String description() {
        return "editor over the OpenAI images edits protocol (OpenAI GPT-Image, vLLM-Omni, SGLang diffusion, LiteLLM)";
    }

    @Override
    public Set<BackendRole> roles() {
        return Set.of(BackendRole.EDITOR);
    }

    @Override
    public Editor editor(BackendSpec spec) {
        return new OpenAiImagesEditor(spec, System.getenv());
    }

    @Override
    public RetryPolicy defaultRetryPolicy() {
        return RetryPolicy.DEFAULT;
    }

    @Override
    public List<BackendCheck> check(BackendSpec spec, BackendRole role) {
        return check(spec, System.getenv());
    }

    /** As {@link #check(BackendSpec, BackendRole)}, with an explicit environment (tests). */
    static List<BackendCheck> check(BackendSpec spec, Map<String, String> env) {
        try (OpenAiImagesEditor editor = new OpenAiImagesEditor(spec, env)) {
            return editor.check();
        } catch (InvalidInputException e) {
            return List.of(RemoteChecks.invalid(spec, OpenAiImagesEditor.DEFAULT_ENDPOINT, e));
        }
    }
}
