// The OpenAI-compatible endpoint through the official openai package: one edit, then a bad request.
// Usage: node openai-edit.mjs BASE_URL IMAGE [TOKEN]
import OpenAI, { toFile } from "openai";
import fs from "node:fs";

const [base, image, token] = process.argv.slice(2);
const client = new OpenAI({ baseURL: base + "/v1", apiKey: token || "no-token-needed", maxRetries: 0 });
const { data, response } = await client.images
  .edit({
    image: await toFile(fs.createReadStream(image), "photo.png", { type: "image/png" }),
    prompt: "make this look like an old photograph",
    model: "think-while-edit",
    response_format: "b64_json",
  })
  .withResponse();
const png = Buffer.from(data.data[0].b64_json, "base64");
const out = {
  created: data.created,
  images: data.data.length,
  png: png.subarray(1, 4).toString("latin1") === "PNG",
  bytes: png.length,
  trajectory: response.headers.get("x-editloop-trajectory-id"),
  accepted: response.headers.get("x-editloop-accepted"),
  revised_prompt: data.data[0].revised_prompt,
};
try {
  await client.images.edit({
    image: await toFile(fs.createReadStream(image), "photo.png", { type: "image/png" }),
    prompt: "make it black and white",
    model: "no-such-profile",
  });
  out.badModel = "accepted";
} catch (e) {
  out.badModel = { status: e.status, message: e.error?.message ?? e.message };
}
console.log(JSON.stringify(out));
