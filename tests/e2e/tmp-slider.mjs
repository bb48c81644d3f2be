// Benchmark (not a test): time from a slider's `input` event to the next animation frame with
// the new numbers on screen, in the release build in Chromium, for portfolios of 10, 100 and
// 1,000 use cases (the largest allowed: engine::limits::MAX_USE_CASES), and the time from
// opening the page to the first figure. Prints medians; targets: ≤ 16 ms at 100 use cases,
// ≤ 50 ms at 1,000.
// Run by `cargo xtask test bench` after the release build.
import { launchBrowser, portfolioOf, seedPortfolio, serveDist } from "./support.js";

const MOVES = 25;
const server = await serveDist(process.env.DIST ?? undefined);
const browser = await launchBrowser();
try {
  for (const n of [10, 100, 1000]) {
    const context = await browser.newContext();
    await seedPortfolio(context, portfolioOf(n));
    const page = await context.newPage();
    const opened = Date.now();
    await page.goto(`${server.origin}/`);
    await page.getByTestId("results").waitFor();
    await page.getByTestId("output-tokens-slider").waitFor();
    const loadMs = Date.now() - opened;
    const timings = await page.evaluate(async (moves) => {
      const slider = document.querySelector("[data-testid='output-tokens-slider']");
      const figure = document.querySelector("[data-testid='carbon-per-year']");
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const out = [];
      for (let i = 0; i < moves; i += 1) {
        await frame();
        const before = figure.dataset.value;
        slider.value = String(100 + ((i * 37) % 3000));
        const start = performance.now();
        slider.dispatchEvent(new Event("input", { bubbles: true }));
        // The next frame after the event: its callbacks run just before it is painted.
        await frame();
        const end = performance.now();
        if (figure.dataset.value === before) throw new Error(`move ${i} did not update the figure`);
        out.push(end - start);
      }
      return out;
    }, MOVES);
    timings.sort((a, b) => a - b);
    const median = timings[Math.floor(timings.length / 2)];
    const p90 = timings[Math.floor(timings.length * 0.9)];
    console.log(`bench slider-to-frame: ${String(n).padStart(5)} use cases: median ${median.toFixed(1)} ms, p90 ${p90.toFixed(1)} ms (${MOVES} moves); page open to first figure ${loadMs} ms`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
