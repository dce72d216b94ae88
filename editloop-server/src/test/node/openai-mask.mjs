// A masked edit through the official openai package, then a mask of the wrong size.
// Usage: node openai-mask.mjs BASE_URL IMAGE MASK OUT_PNG OTHER_IMAGE
import OpenAI, { toFile } from "openai";
import fs from "node:fs";

const [base, image, mask, outPng, other] = process.argv.slice(2);
const client = new OpenAI({ baseURL: base + "/v1", apiKey: "no-token-needed", maxRetries: 0 });
const { data, response } = await client.images
  .edit({
    image: await toFile(fs.createReadStream(image), "photo.png", { type: "image/png" }),
    mask: await toFile(fs.createReadStream(mask), "mask.png", { type: "image/png" }),
    prompt: "make it black and white",
    model: "quick",
  })
  .withResponse();
fs.writeFileSync(outPng, Buffer.from(data.data[0].b64_json, "base64"));
const out = {
  trajectory: response.headers.get("x-editloop-trajectory-id"),
  accepted: response.headers.get("x-editloop-accepted"),
};
try {
  await client.images.edit({
    image: await toFile(fs.createReadStream(other), "other.png", { type: "image/png" }),
    mask: await toFile(fs.createReadStream(mask), "mask.png", { type: "image/png" }),
    prompt: "make it black and white",
    model: "quick",
  });
  out.badMask = "accepted";
} catch (e) {
  out.badMask = { status: e.status, message: e.error?.message ?? e.message };
}
console.log(JSON.stringify(out));
