package dev.editloop.editors.openai;

import dev.editloop.core.spi.BackendSpec;
import dev.editloop.editors.HttpEditorProvider;
import java.util.Map;

/**
 * Registers spec kind {@code openai-images}: an editor speaking the OpenAI images edits protocol, e.g.
 * {@code openai-images:https://api.openai.com/v1?model=gpt-image-1} or
 * {@code openai-images:http://gpu1:8000/v1?model=Qwen/Qwen-Image-Edit-2511&steps=40}.
 */
public final class OpenAiImagesProvider extends HttpEditorProvider {
    /** The provider ServiceLoader creates. */
    public OpenAiImagesProvider() {
        super(
                OpenAiImagesEditor.KIND,
                "editor over the OpenAI images edits protocol (OpenAI GPT-Image, vLLM-Omni, SGLang diffusion, LiteLLM)",
                OpenAiImagesEditor.DEFAULT_ENDPOINT);
    }

    @Override
    protected OpenAiImagesEditor create(BackendSpec spec, Map<String, String> env) {
        return new OpenAiImagesEditor(spec, env);
    }
}
