// End-to-end check of the web page: Debian's chromium driven by playwright-core. Uploads a photo, starts an edit,
// waits for the turn cards and the finished status, and keeps a screenshot.
// Usage: node page-e2e.mjs BASE_URL IMAGE SCREENSHOT
import { chromium } from "playwright-core";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const [base, image, shot] = process.argv.slice(2);
const executablePath = process.env.EDITLOOP_CHROMIUM || "/usr/bin/chromium";
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "editloop-chromium-"));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath,
  headless: true,
  viewport: { width: 1360, height: 900 },
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = context.pages()[0] || (await context.newPage());
const problems = [];
page.on("pageerror", (e) => problems.push("page error: " + e.message));
page.on("console", (m) => { if (m.type() === "error") problems.push("console error: " + m.text()); });
let code = 0;
try {
  await page.goto(base + "/", { waitUntil: "load" });
  await page.waitForSelector("#profile option", { state: "attached" });
  await page.setInputFiles("#image", image);
  await page.getByLabel("Instruction").fill("make this look like an old photograph");
  await page.getByRole("button", { name: "Start editing" }).click();
  await page.waitForSelector(".turns .card", { timeout: 30000 });
  await page.waitForSelector("#job-status.done", { timeout: 60000 });
  await page.waitForFunction(() => document.querySelector("#after")?.complete && document.querySelector("#after").naturalWidth > 0);
  await page.waitForFunction(() => [...document.querySelectorAll(".card img")].every((i) => i.complete && i.naturalWidth > 0));
  // keyboard: the slider moves with the arrow keys
  await page.focus("#slider");
  await page.keyboard.press("ArrowLeft");
  const result = await page.evaluate(() => ({
    cards: document.querySelectorAll(".turns .card").length,
    best: document.querySelector(".card.best")?.dataset.turn ?? null,
    status: document.querySelector("#job-status").textContent,
    chart: document.querySelectorAll("#chart svg circle").length,
    slider: document.querySelector("#slider").value,
    history: document.querySelectorAll("#history-rows tr").length,
    downloads: [...document.querySelectorAll("#downloads a")].map((a) => a.textContent),
    scores: [...document.querySelectorAll(".card .scores")].map((s) => s.textContent),
  }));
  await page.evaluate(() => document.querySelector("#job").scrollIntoView());
  await page.screenshot({ path: shot, fullPage: true });
  result.problems = problems;
  console.log(JSON.stringify(result));
} catch (e) {
  await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
  console.error("page test failed: " + e.message);
  if (problems.length) console.error(problems.join("\n"));
  code = 1;
} finally {
  await context.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
process.exit(code);
