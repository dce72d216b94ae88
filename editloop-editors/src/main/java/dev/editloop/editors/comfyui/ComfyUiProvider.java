package dev.editloop.editors.comfyui;

import dev.editloop.core.spi.BackendSpec;
import dev.editloop.editors.HttpEditorProvider;
import java.util.Map;

/**
 * Registers spec kind {@code comfyui}: an editor that runs a ComfyUI workflow in API format with EditLoop's
 * placeholders ({@code comfyui:http://host:8188?workflow=qwen-image-edit}).
 */
public final class ComfyUiProvider extends HttpEditorProvider {
    /** The provider {@link java.util.ServiceLoader} creates. */
    public ComfyUiProvider() {
        super(
                ComfyUiEditor.KIND,
                "a ComfyUI server running a workflow with {{image}}/{{prompt}}/{{seed}} placeholders (built-ins: "
                        + String.join(", ", ComfyUiWorkflow.BUILT_INS) + ")",
                null);
    }

    @Override
    protected ComfyUiEditor create(BackendSpec spec, Map<String, String> env) {
        return new ComfyUiEditor(spec, env);
    }
}
