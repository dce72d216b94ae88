package dev.editloop.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.image.Alpha;
import dev.editloop.core.image.DecodedImage;
import dev.editloop.core.image.Picture;
import dev.editloop.core.loop.BestOfN;
import dev.editloop.core.region.Region;
import dev.editloop.core.trajectory.Trajectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /v1/images/edits} as OpenAI's images API has it: multipart {@code image} (or {@code image[]}),
 * {@code prompt}, {@code model} (a profile name), {@code n}, {@code size}, {@code response_format}, {@code mask} (a PNG
 * whose transparent pixels mark where to edit: the loop's region, as {@code editloop edit --mask}); the answer is
 * {@code {"created", "data": [{"b64_json"} | {"url"}]}} with the job ids in {@value EditLoopServer#TRAJECTORY_HEADER}.
 * Each of the {@code n} images is its own job (seeds {@code seed}, {@code seed+1}, …) through the same queue.
 */
final class OpenAiEdits {
    static final int MAX_N = 4;

    private OpenAiEdits() {}

    static void handle(Http h, EditLoopServer server) throws IOException, ApiError {
        ServerOptions options = server.options();
        byte[] body = h.body(options.maxUploadBytes());
        List<Multipart.Part> parts = Multipart.parse(body, Multipart.boundary(h.header("Content-Type")));
        List<Multipart.Part> images = new ArrayList<>();
        String prompt = null;
        String model = null;
        String n = null;
        String size = null;
        String format = null;
        Multipart.Part mask = null;
        for (Multipart.Part p : parts) {
            switch (p.name()) {
                case "image", "image[]" -> images.add(p);
                case "prompt" -> prompt = p.text();
                case "model" -> model = p.text();
                case "n" -> n = p.text();
                case "size" -> size = p.text().strip();
                case "response_format" -> format = p.text().strip().toLowerCase(Locale.ROOT);
                case "mask" -> {
                    if (mask != null) {
                        throw ApiError.bad("the field 'mask' is given twice", "mask");
                    }
                    mask = p;
                }
                case "output_format" -> {
                    if (!p.text().strip().equalsIgnoreCase("png")) {
                        throw ApiError.bad(
                                "output_format '" + Multipart.clip(p.text()) + "' is not supported"
                                        + " (EditLoop answers PNG)",
                                "output_format");
                    }
                }
                case "stream" -> {
                    if (!p.text().strip().equalsIgnoreCase("false")) {
                        throw ApiError.bad(
                                "streaming is not supported here; watch /api/jobs/ID/events instead", "stream");
                    }
                }
                default -> {
                    if (!isIgnored(p.name())) {
                        throw ApiError.bad("unknown field '" + Multipart.clip(p.name()) + "'", p.name());
                    }
                }
            }
        }
        if (images.isEmpty()) {
            throw ApiError.bad("the field 'image' is missing: send the image to edit as a file", "image");
        }
        if (images.size() > 1) {
            throw ApiError.bad("EditLoop edits one image per request; " + images.size() + " were sent", "image");
        }
        int count = EditLoopServer.intParam(n, 1, 1, MAX_N, "n");
        if (format == null || format.isEmpty()) {
            format = "b64_json";
        }
        if (!format.equals("b64_json") && !format.equals("url")) {
            throw ApiError.bad(
                    "response_format '" + Multipart.clip(format) + "' is not supported (b64_json or url)",
                    "response_format");
        }
        Profiles.Profile profile = server.profiles().get(model, "model");
        DecodedImage decoded = Uploads.decode(images.getFirst().body(), options.maxPixels(), "image");
        Picture source = decoded.picture();
        if (size != null && !size.isEmpty() && !size.equalsIgnoreCase("auto")) {
            String own = source.width() + "x" + source.height();
            if (!size.equalsIgnoreCase(own)) {
                throw ApiError.bad(
                        "size '" + Multipart.clip(size) + "' is not supported: EditLoop answers at the image's own"
                                + " size (" + own + "); send size=auto or " + own,
                        "size");
            }
        }
        Region region = mask == null ? null : region(mask.body(), source, options.maxPixels());
        if (region != null && profile.strategy().id().equals(BestOfN.ID)) {
            throw ApiError.bad(
                    "model '" + profile.name() + "' runs best-of-n, whose candidates edit the whole image: it takes no"
                            + " mask",
                    "mask");
        }
        List<JobService.Job> jobs = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                jobs.add(server.submit(
                        decoded,
                        prompt,
                        profile.strategy(),
                        profile.maxTurns(),
                        profile.threshold(),
                        profile.accept(),
                        profile.seed() + i,
                        profile,
                        "openai",
                        region));
            }
        } catch (ApiError e) {
            for (JobService.Job j : jobs) {
                server.jobs().cancel(j.id);
            }
            throw e;
        }
        List<String> ids = jobs.stream().map(j -> j.id).toList();
        h.exchange.getResponseHeaders().set(EditLoopServer.TRAJECTORY_HEADER, String.join(",", ids));
        ObjectNode answer = Json.object();
        answer.put("created", System.currentTimeMillis() / 1000);
        ArrayNode data = answer.putArray("data");
        List<Boolean> accepted = new ArrayList<>();
        for (JobService.Job job : jobs) {
            JobRecord r;
            try {
                r = server.jobs().await(job, EditLoopServer.openAiWait());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiError(503, "the server is shutting down", null);
            }
            Path fin = server.jobs().dir(job.id).resolve(Trajectory.FINAL_IMAGE);
            if (r.state() != JobRecord.Status.FINISHED || !Files.isRegularFile(fin)) {
                String why = r.error() != null ? r.error() : "it ended " + r.status();
                throw new ApiError(
                        r.state() == JobRecord.Status.FAILED ? 502 : 409,
                        "job " + r.id() + " did not finish: " + why,
                        null);
            }
            accepted.add(Boolean.TRUE.equals(r.accepted()));
            ObjectNode item = data.addObject();
            if (format.equals("url")) {
                String host = h.header("Host");
                item.put(
                        "url",
                        "http://" + (host == null ? "127.0.0.1" : host) + "/api/jobs/" + r.id() + "/images/"
                                + Trajectory.FINAL_IMAGE);
            } else {
                item.put("b64_json", Base64.getEncoder().encodeToString(Files.readAllBytes(fin)));
            }
            item.put("revised_prompt", r.instruction());
        }
        h.exchange
                .getResponseHeaders()
                .set(
                        "X-EditLoop-Accepted",
                        String.join(",", accepted.stream().map(String::valueOf).toList()));
        answer.put("output_format", "png");
        h.json(200, answer);
    }

    /**
     * The region of an OpenAI mask: a PNG the image's size whose fully transparent pixels mark where to edit. Each
     * pixel's weight is its transparency (255 − alpha): transparent may change, opaque stays, half-transparent
     * blends. The mask's colours are ignored, as OpenAI does.
     */
    static Region region(byte[] bytes, Picture source, long maxPixels) {
        if (bytes.length == 0) {
            throw ApiError.bad("the mask is empty (0 bytes)", "mask");
        }
        if (!"png".equals(Uploads.format(bytes))) {
            throw ApiError.bad(
                    "the mask must be a PNG with an alpha channel (its fully transparent pixels mark where to edit)",
                    "mask");
        }
        DecodedImage decoded = Uploads.decode(bytes, maxPixels, "mask");
        Picture picture = decoded.picture();
        if (picture.width() != source.width() || picture.height() != source.height()) {
            throw ApiError.bad(
                    "the mask is " + picture.width() + "x" + picture.height() + " but the image is " + source.width()
                            + "x" + source.height() + ": the mask must have the image's size",
                    "mask");
        }
        Alpha alpha = decoded.alpha();
        if (alpha == null) {
            throw ApiError.bad(
                    "the mask has no transparent pixels: its fully transparent pixels mark where to edit (a PNG with"
                            + " an alpha channel, transparent where the image may change)",
                    "mask");
        }
        try {
            return Region.transparent(alpha, "of the request (its transparent pixels)");
        } catch (InvalidInputException e) {
            throw ApiError.bad(
                    "the mask has no fully transparent pixels: nothing may change (transparent marks where to edit)",
                    "mask");
        }
    }

    private static boolean isIgnored(String name) {
        return name.equals("quality")
                || name.equals("user")
                || name.equals("background")
                || name.equals("input_fidelity")
                || name.equals("output_compression")
                || name.equals("partial_images")
                || name.equals("moderation");
    }
}
