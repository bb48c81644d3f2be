import { launchBrowser, portfolioOf, seedPortfolio, serveDist } from "./support.js";
import { writeFile } from "node:fs/promises";
const server = await serveDist();
const browser = await launchBrowser();
const context = await browser.newContext();
await seedPortfolio(context, portfolioOf(1000));
const page = await context.newPage();
await page.goto(`${server.origin}/`);
await page.getByTestId("output-tokens-slider").waitFor();
const cdp = await context.newCDPSession(page);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
await cdp.send("Profiler.start");
await page.evaluate(async () => {
  const slider = document.querySelector("[data-testid='output-tokens-slider']");
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  for (let i = 0; i < 25; i += 1) {
    await frame();
    slider.value = String(100 + ((i * 37) % 3000));
    slider.dispatchEvent(new Event("input", { bubbles: true }));
    await frame();
  }
});
const { profile } = await cdp.send("Profiler.stop");
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas; let total = 0;
profile.samples.forEach((id, i) => { const n = byId.get(id); const k = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").pop()}`; self.set(k, (self.get(k) ?? 0) + dt[i]); total += dt[i]; });
const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40);
for (const [k, v] of top) console.log((v / 1000).toFixed(1).padStart(8), "ms", k);
console.log("total", (total / 1000).toFixed(1));
await writeFile("/tmp/prof.json", JSON.stringify(profile));
await browser.close(); await server.close();
