package dev.editloop.editors.comfyui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editloop.core.EditLoopException;
import dev.editloop.core.Editor;
import dev.editloop.core.retry.RetryPolicy;
import dev.editloop.core.spi.BackendCheck;
import dev.editloop.core.spi.BackendCheck.Status;
import dev.editloop.core.spi.BackendProvider;
import dev.editloop.core.spi.BackendRole;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.remote.HttpReply;
import dev.editloop.remote.HttpTransport;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Registers spec kind {@code comfyui}: an editor that runs a ComfyUI workflow in API format with EditLoop's
 * placeholders ({@code comfyui:http://host:8188?workflow=qwen-image-edit}).
 */
public final class ComfyUiProvider implements BackendProvider {
    private final Map<String, String> env;

    /** The provider {@link java.util.ServiceLoader} creates: keys come from the process environment. */
    public ComfyUiProvider() {
        this(System.getenv());
    }

    /** A provider reading {@code key_env} from the given environment (tests). */
    public ComfyUiProvider(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public String kind() {
        return ComfyUiEditor.KIND;
    }

    @Override
    public String description() {
        return "a ComfyUI server running a workflow with {{image}}/{{prompt}}/{{seed}} placeholders" + " (built-ins: "
                + String.join(", ", ComfyUiWorkflow.BUILT_INS) + ")";
    }

    @Override
    public Set<BackendRole> roles() {
        return Set.of(BackendRole.EDITOR);
    }

    @Override
    public Editor editor(BackendSpec spec) {
        return new ComfyUiEditor(spec, env);
    }

    @Override
    public RetryPolicy defaultRetryPolicy() {
        return RetryPolicy.DEFAULT;
    }

    /**
     * One row per endpoint: reachable ({@code GET /system_stats}, whose time is the round trip), authenticated (only
     * when {@code key_env} is set), model present (the workflow's node types and model files in
     * {@code GET /object_info}).
     */
    @Override
    public List<BackendCheck> check(BackendSpec spec, BackendRole role) {
        String display = spec.display();
        ComfyUiEditor editor;
        try {
            editor = new ComfyUiEditor(spec, env);
        } catch (EditLoopException e) {
            String endpoints = spec.endpoints().isEmpty() ? "-" : String.join(",", spec.endpoints());
            return List.of(new BackendCheck(
                    display, endpoints, Status.UNKNOWN, Status.UNKNOWN, Status.FAILED, null, e.getMessage()));
        }
        try (editor) {
            List<BackendCheck> rows = new ArrayList<>();
            boolean keyed = spec.param("key_env") != null;
            for (URI endpoint : editor.settings().endpoints()) {
                rows.add(probe(editor, display, endpoint, keyed));
            }
            return rows;
        }
    }

    private static BackendCheck probe(ComfyUiEditor editor, String display, URI endpoint, boolean keyed) {
        String shown = endpoint.toString();
        HttpReply stats;
        try {
            stats = editor.http().get(HttpTransport.resolve(endpoint, "system_stats"));
        } catch (EditLoopException e) {
            boolean rejected = e.getMessage().contains("authentication failed");
            if (rejected) {
                return new BackendCheck(display, shown, Status.OK, Status.FAILED, Status.UNKNOWN, null, e.getMessage());
            }
            return BackendCheck.unreachable(display, shown, e.getMessage());
        }
        Status auth = keyed ? Status.OK : Status.NOT_APPLICABLE;
        String version = version(stats);
        try {
            ObjectInfoCheck.Result result = editor.check(endpoint);
            String workflow = "workflow " + editor.workflow().name();
            if (!result.ok()) {
                return new BackendCheck(
                        display,
                        shown,
                        Status.OK,
                        auth,
                        Status.FAILED,
                        stats.elapsedMillis(),
                        String.join("; ", result.problems()));
            }
            return new BackendCheck(
                    display,
                    shown,
                    Status.OK,
                    auth,
                    Status.OK,
                    stats.elapsedMillis(),
                    version + workflow + ": " + result.nodeTypes() + " node types and " + result.modelFiles()
                            + " model files present");
        } catch (EditLoopException e) {
            return new BackendCheck(
                    display, shown, Status.OK, auth, Status.UNKNOWN, stats.elapsedMillis(), e.getMessage());
        }
    }

    private static String version(HttpReply stats) {
        try {
            JsonNode json = stats.json();
            String v = json.path("system").path("comfyui_version").asText("");
            return v.isEmpty() ? "" : "ComfyUI " + v + ", ";
        } catch (EditLoopException e) {
            return "";
        }
    }
}
