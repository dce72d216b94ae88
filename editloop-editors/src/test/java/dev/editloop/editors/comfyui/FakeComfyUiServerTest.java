package dev.editloop.editors.comfyui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editloop.testkit.TestImages;
import dev.editloop.testkit.fake.FakeComfyUiServer;
import dev.editloop.testkit.fake.FakeComfyUiServer.Outcome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The testkit's ComfyUI fake against a real ComfyUI 0.3.60's recorded replies (status, content type, body or its
 * shape), read from {@code reference/comfyui/} of the shared folder next to the repository; and its queue,
 * interrupt and validation where no recording exists, against the behaviour the recordings' notes describe.
 */
class FakeComfyUiServerTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Path RECORDINGS =
            TestImages.repoRoot().resolveSibling("shared").resolve("reference/comfyui");

    private final FakeComfyUiServer fake = new FakeComfyUiServer();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        fake.close();
        http.close();
    }

    /** A reply as the fake gave it. */
    private record Got(int status, String contentType, byte[] body) {
        JsonNode json() throws IOException {
            return MAPPER.readTree(body);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private Got get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(fake.url(path))).GET());
    }

    private Got post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(fake.url(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Got upload(String name, byte[] bytes, String... fields) throws Exception {
        String boundary = "b" + UUID.randomUUID();
        var out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                            + fields[i + 1] + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        if (name != null) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"" + name
                            + "\"\r\nContent-Type: image/png\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(bytes);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(fake.url("/upload/image")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    private Got send(HttpRequest.Builder request) throws Exception {
        HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Got(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    private static JsonNode recorded(String name) throws IOException {
        Path file = RECORDINGS.resolve("replies").resolve(name + ".json");
        assumeTrue(
                Files.exists(file),
                "the recorded ComfyUI replies are not in the shared folder next to the repository ("
                        + "shared/reference/comfyui/replies/" + name + ".json)");
        return MAPPER.readTree(file.toFile());
    }

    private static ObjectNode referenceWorkflow(String name) throws IOException {
        Path file = RECORDINGS.resolve("workflows").resolve(name + ".json");
        assumeTrue(Files.exists(file), "the recorded ComfyUI workflows are not in the shared folder");
        return (ObjectNode) MAPPER.readTree(file.toFile());
    }

    /** Same status and content type as the recording, and the same JSON body. */
    private static void sameReply(Got got, JsonNode recording) throws IOException {
        sameStatusAndType(got, recording);
        if (recording.has("json")) {
            assertThat(got.json()).isEqualTo(recording.get("json"));
        } else {
            assertThat(got.text()).isEqualTo(recording.path("text").asText());
        }
    }

    /** Same status and content type as the recording, and a body of the same shape (keys and value types). */
    private static void sameShape(Got got, JsonNode recording) throws IOException {
        sameStatusAndType(got, recording);
        assertThat(shape(got.json())).isEqualTo(shape(recording.get("json")));
    }

    private static void sameStatusAndType(Got got, JsonNode recording) {
        assertThat(got.status()).isEqualTo(recording.get("status").asInt());
        assertThat(got.contentType())
                .isEqualToIgnoringCase(
                        recording.path("headers").path("Content-Type").asText());
    }

    /** Keys (object ids such as prompt ids become "*") and value types, recursively; arrays by their first element. */
    private static Object shape(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, Object> out = new TreeMap<>();
            node.fields()
                    .forEachRemaining(e ->
                            out.put(e.getKey().matches("[0-9a-f-]{36}|\\d+") ? "*" : e.getKey(), shape(e.getValue())));
            return out;
        }
        if (node.isArray()) {
            return node.isEmpty() ? List.of() : List.of(shape(node.get(0)));
        }
        return node.isNumber() ? "number" : node.getNodeType().toString();
    }

    /** The probe workflow of the recordings: LoadImage → ImageInvert → SaveImage. */
    private static ObjectNode probe(String image) {
        ObjectNode w = F.objectNode();
        w.putObject("1").put("class_type", "LoadImage").putObject("inputs").put("image", image);
        w.putObject("2")
                .put("class_type", "ImageInvert")
                .putObject("inputs")
                .set("image", F.arrayNode().add("1").add(0));
        ObjectNode save = w.putObject("3").put("class_type", "SaveImage").putObject("inputs");
        save.set("images", F.arrayNode().add("2").add(0));
        save.put("filename_prefix", "bars/probe");
        return w;
    }

    private static String body(ObjectNode prompt) {
        ObjectNode body = F.objectNode();
        body.set("prompt", prompt);
        body.put("client_id", "d543d101c251440ea064ad579b81b6d5");
        return body.toString();
    }

    private byte[] coffee() throws IOException {
        return Files.readAllBytes(TestImages.examplePath("coffee.png"));
    }

    // ---- against the recordings

    @Test
    void fixedRoutesAnswerAsTheRealServer() throws Exception {
        sameShape(get("/system_stats"), recorded("system_stats"));
        sameShape(get("/api/system_stats"), recorded("api_system_stats"));
        sameReply(get("/queue"), recorded("queue0"));
        sameReply(get("/prompt"), recorded("prompt_get"));
        sameReply(get("/history/" + UUID.randomUUID()), recorded("history_unknown"));
        sameReply(get("/object_info/NoSuchNode"), recorded("object_info_unknown"));
        sameReply(get("/object_info/SaveImage"), recorded("object_info_SaveImage"));
        sameReply(get("/no/such/route"), recorded("not_found_route"));
        sameReply(post("/interrupt", ""), recorded("interrupt"));
        sameReply(post("/free", "{\"unload_models\": true}"), recorded("free"));
    }

    @Test
    void theCatalogIsTheRealServersForItsNodeTypes() throws Exception {
        JsonNode real = recorded("object_info_all").get("json");
        JsonNode mine = get("/object_info").json();
        assertThat(mine.size()).isGreaterThanOrEqualTo(20);
        mine.fields().forEachRemaining(e -> {
            JsonNode expected = real.get(e.getKey()).deepCopy();
            JsonNode actual = e.getValue().deepCopy();
            // the model files and uploaded images differ from the recorded server's folders
            for (JsonNode node : List.of(expected, actual)) {
                node.path("input")
                        .forEach(group -> group.forEach(spec -> {
                            if (spec.isArray() && spec.get(0).isArray()) {
                                ((com.fasterxml.jackson.databind.node.ArrayNode) spec).set(0, F.arrayNode());
                            }
                        }));
            }
            if (!List.of("KSampler", "CLIPLoader", "DualCLIPLoader").contains(e.getKey())) {
                assertThat(actual).as(e.getKey()).isEqualTo(expected);
            }
            assertThat(shape(actual)).as(e.getKey()).isEqualTo(shape(expected));
        });
        assertThat(mine.at("/LoadImage/output")).isEqualTo(real.at("/LoadImage/output"));
        assertThat(mine.at("/KSampler/input/required/steps")).isEqualTo(real.at("/KSampler/input/required/steps"));
    }

    @Test
    void uploadsAreNamedAsTheRealServerNamesThem() throws Exception {
        byte[] coffee = coffee();
        sameReply(upload("coffee.png", coffee), recorded("upload1"));
        sameReply(upload("coffee.png", coffee, "overwrite", "false"), recorded("upload2_same_bytes_no_overwrite"));
        byte[] other = coffee.clone();
        other[other.length - 20] ^= 1;
        sameReply(upload("coffee.png", other, "overwrite", "false"), recorded("upload3_diff_bytes_no_overwrite"));
        sameReply(upload("coffee.png", coffee, "subfolder", "bars"), recorded("upload4_subfolder"));
        sameReply(upload(null, null, "type", "input"), recorded("upload5_missing_image"));
    }

    @Test
    void aPromptRunsAndItsHistoryAndOutputLookAsTheRealServers() throws Exception {
        upload("coffee.png", coffee());
        Got queued = post("/prompt", body(probe("coffee.png")));
        sameShape(queued, recorded("prompt_post1"));
        String id = queued.json().get("prompt_id").asText();

        sameShape(get("/history/" + id), recorded("history_pid1"));
        sameShape(get("/api/history/" + id), recorded("api_history_pid1"));
        JsonNode entry = get("/history/" + id).json().get(id);
        assertThat(entry.at("/status/messages").findValuesAsText("prompt_id")).containsOnly(id);
        List<String> kinds = new ArrayList<>();
        entry.at("/status/messages").forEach(m -> kinds.add(m.get(0).asText()));
        assertThat(kinds).containsExactly("execution_start", "execution_cached", "execution_success");
        assertThat(entry.at("/prompt/4")).isEqualTo(F.arrayNode().add("3"));

        JsonNode image = entry.at("/outputs/3/images/0");
        assertThat(image.get("subfolder").asText()).isEqualTo("bars");
        Got view = get("/view?filename=" + image.get("filename").asText() + "&subfolder=bars&type=output");
        sameStatusAndType(view, recorded("view1"));
        sameReply(get("/view?filename=nothing.png&type=output"), recorded("view_missing"));
        sameReply(get("/view?type=output"), recorded("view_no_filename"));
        sameStatusAndType(get("/view?filename=coffee.png&type=input"), recorded("view_input"));
        sameReply(get("/queue"), recorded("queue_end"));
    }

    @Test
    void rejectedPromptsAreAnsweredAsTheRealServerAnswersThem() throws Exception {
        upload("coffee.png", coffee());
        sameReply(post("/prompt", body(probe("does-not-exist.png"))), recorded("prompt_err_missing_image"));

        ObjectNode noInput = probe("coffee.png");
        ((ObjectNode) noInput.at("/2/inputs")).remove("image");
        sameReply(post("/prompt", body(noInput)), recorded("prompt_err_missing_input"));

        ObjectNode noClass = probe("coffee.png");
        ((ObjectNode) noClass.get("1")).remove("class_type");
        sameReply(post("/prompt", body(noClass)), recorded("prompt_err_no_class_type"));

        ObjectNode unknown = probe("coffee.png");
        ((ObjectNode) unknown.get("2")).put("class_type", "NoSuchNode");
        sameReply(post("/prompt", body(unknown)), recorded("prompt_err_unknown_class"));

        ObjectNode noOutputs = probe("coffee.png");
        noOutputs.remove("3");
        sameReply(post("/prompt", body(noOutputs)), recorded("prompt_err_no_outputs"));

        sameReply(post("/prompt", "{\"client_id\": \"x\"}"), recorded("prompt_err_no_prompt_key"));
        sameReply(post("/prompt", "[1, 2]"), recorded("prompt_err_not_dict"));
        sameReply(post("/prompt", "{not json"), recorded("prompt_err_bad_json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"qwen_image_edit_api", "flux_kontext_dev_api"})
    void theReferenceWorkflowsPassWithTheirModelsAndFailLikeTheRealServerWithout(String name) throws Exception {
        upload("coffee.png", coffee());
        ObjectNode workflow = referenceWorkflow(name);
        JsonNode withModels = recorded("wf_" + name + "_dummies");
        Got accepted = post("/prompt", body(workflow));
        assertThat(accepted.status()).isEqualTo(withModels.get("status").asInt());
        assertThat(shape(accepted.json())).isEqualTo(shape(withModels.get("json")));

        fake.models("UNETLoader", "unet_name")
                .models("CLIPLoader", "clip_name")
                .models("DualCLIPLoader", "clip_name1")
                .models("DualCLIPLoader", "clip_name2")
                .models("VAELoader", "vae_name", "pixel_space");
        JsonNode without = recorded("wf_" + name + "_nomodels");
        Got rejected = post("/prompt", body(workflow));
        assertThat(rejected.status()).isEqualTo(without.get("status").asInt());
        assertThat(rejected.contentType()).isEqualTo(FakeComfyUiServer.JSON);
        assertThat(rejected.json()).isEqualTo(without.get("json"));
    }

    // ---- where no recording exists: what the recordings' notes and ComfyUI's validation describe

    @Test
    void valuesOutsideMinAndMaxAndLinksOfTheWrongTypeAreRejected() throws Exception {
        upload("coffee.png", coffee());
        ObjectNode workflow = referenceWorkflow("qwen_image_edit_api");
        ObjectNode sampler = (ObjectNode) workflow.at("/3/inputs");
        sampler.put("steps", 0).put("denoise", 1.5);
        sampler.set("model", F.arrayNode().add("39").add(0)); // the VAE, not a MODEL

        Got got = post("/prompt", body(workflow));

        assertThat(got.status()).isEqualTo(400);
        assertThat(got.contentType()).isEqualTo(FakeComfyUiServer.JSON);
        JsonNode errors = got.json().at("/node_errors/3/errors");
        assertThat(got.json().at("/node_errors/3/class_type").asText()).isEqualTo("KSampler");
        assertThat(got.json().at("/node_errors/3/dependent_outputs"))
                .isEqualTo(F.arrayNode().add("60"));
        assertThat(errors.findValuesAsText("type"))
                .containsExactly("return_type_mismatch", "value_smaller_than_min", "value_bigger_than_max");
        assertThat(errors.get(0).get("details").asText())
                .isEqualTo("model, received_type(VAE) mismatch input_type(MODEL)");
        assertThat(errors.get(0).at("/extra_info/linked_node"))
                .isEqualTo(F.arrayNode().add("39").add(0));
        assertThat(errors.get(1).get("message").asText()).isEqualTo("Value 0 smaller than min of 1");
        assertThat(errors.get(1).at("/extra_info/received_value").asInt()).isZero();
        assertThat(errors.get(2).get("message").asText()).isEqualTo("Value 1.5 bigger than max of 1.0");
        assertThat(errors.get(2).get("details").asText()).isEqualTo("denoise");
    }

    @Test
    void aLinkToAMissingOutputSlotFailsValidation() throws Exception {
        upload("coffee.png", coffee());
        ObjectNode workflow = probe("coffee.png");
        ((ObjectNode) workflow.at("/2/inputs"))
                .set("image", F.arrayNode().add("1").add(2)); // LoadImage has 2

        JsonNode reply = post("/prompt", body(workflow)).json();

        assertThat(reply.at("/error/type").asText()).isEqualTo("prompt_outputs_failed_validation");
        assertThat(reply.at("/node_errors/2/errors/0/type").asText()).isEqualTo("exception_during_inner_validation");
        assertThat(reply.at("/node_errors/2/errors/0/details").asText()).isEqualTo("tuple index out of range");
        ((ObjectNode) workflow.at("/2/inputs"))
                .set("image", F.arrayNode().add("1").add(1)); // MASK, not IMAGE
        assertThat(post("/prompt", body(workflow))
                        .json()
                        .at("/node_errors/2/errors/0/type")
                        .asText())
                .isEqualTo("return_type_mismatch");
    }

    @Test
    void undeclaredInputsAndUnconnectedNodesAreIgnoredAndAFloatForAnIntIsCast() throws Exception {
        upload("coffee.png", coffee());
        ObjectNode workflow = referenceWorkflow("qwen_image_edit_api");
        ((ObjectNode) workflow.at("/78/inputs")).put("text", "{{prompt}} is not LoadImage's input");
        ((ObjectNode) workflow.at("/3/inputs")).put("steps", 20.7);
        workflow.putObject("999")
                .put("class_type", "KSampler")
                .putObject("inputs")
                .put("steps", -5);

        Got got = post("/prompt", body(workflow));

        assertThat(got.status()).as(got.text()).isEqualTo(200);
        String id = got.json().get("prompt_id").asText();
        assertThat(get("/history/" + id)
                        .json()
                        .at("/" + id + "/prompt/2/3/inputs/steps")
                        .asInt())
                .isEqualTo(20);
    }

    @Test
    void aRunningPromptIgnoresQueueDeleteAndStopsOnlyForItsOwnInterrupt() throws Exception {
        fake.runTime(Duration.ofHours(1));
        upload("coffee.png", coffee());
        String first = post("/prompt", body(probe("coffee.png")))
                .json()
                .get("prompt_id")
                .asText();
        String second = post("/prompt", body(probe("coffee.png")))
                .json()
                .get("prompt_id")
                .asText();
        assertThat(fake.running()).contains(first);
        assertThat(get("/queue").json().at("/queue_running/0/1").asText()).isEqualTo(first);
        assertThat(get("/queue").json().at("/queue_pending/0/1").asText()).isEqualTo(second);

        sameReply(post("/queue", "{\"delete\": [\"" + first + "\", \"" + second + "\"]}"), recorded("free"));
        assertThat(fake.outcome(first)).isEqualTo(Outcome.RUNNING);
        assertThat(fake.outcome(second)).isEqualTo(Outcome.DELETED);

        post("/interrupt", "{\"prompt_id\": \"" + second + "\"}");
        Thread.sleep(50);
        assertThat(fake.outcome(first)).isEqualTo(Outcome.RUNNING);

        post("/interrupt", "{\"prompt_id\": \"" + first + "\"}");
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (fake.outcome(first) == Outcome.RUNNING && System.nanoTime() - until < 0) {
            Thread.sleep(5);
        }
        JsonNode entry = get("/history/" + first).json().get(first);
        assertThat(entry.at("/status/status_str").asText()).isEqualTo("error");
        assertThat(entry.at("/status/messages/2/0").asText()).isEqualTo("execution_interrupted");
        assertThat(entry.at("/status/messages/2/1/node_type").asText()).isEqualTo("SaveImage");
        assertThat(get("/history/" + second).json().isEmpty()).isTrue();
        sameReply(get("/queue"), recorded("queue_end"));
    }
}
