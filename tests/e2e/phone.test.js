// End-to-end: a phone. No sideways scroll from 320 px up, the yearly totals in sight at once,
// text in the charts readable, and the results reachable in one press.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, useApp } from "./support.js";

const app = useApp();

for (const [width, height] of [[320, 640], [360, 740], [390, 844]]) {
  test(`at ${width}×${height} the page never scrolls sideways and the totals are in sight`, async () => {
    const { context, page, record } = await openApp(app.browser, app.server.origin, "", {
      viewport: { width, height },
      isMobile: true,
      hasTouch: true,
    });
    // The decision panels and the working too: everything a visitor can open.
    await page.getByText("Show the working").click();
    const layout = await page.evaluate(() => ({
      documentWidth: document.documentElement.scrollWidth,
      viewportWidth: innerWidth,
    }));
    assert.equal(layout.documentWidth, layout.viewportWidth);
    // The strip of totals: inside the viewport at the top, and still there after a scroll.
    const strip = page.getByTestId("headline-strip");
    for (const scroll of [0, height]) {
      await page.evaluate((y) => scrollTo(0, y), scroll);
      const box = await strip.boundingBox();
      assert.ok(box && box.y >= 0 && box.y + box.height <= height, `strip in view after scrolling ${scroll} px`);
      assert.match(await strip.innerText(), /Energy[\s\S]*Wh[\s\S]*Carbon[\s\S]*CO₂e[\s\S]*Water[\s\S]*(L|m³)[\s\S]*Cost[\s\S]*\$/);
    }
    // Pressing it brings the full results, with their figures, into view.
    await strip.click();
    await page.waitForFunction(() => document.activeElement?.id === "results-title");
    const figure = await page.getByTestId("carbon-per-year").boundingBox();
    assert.ok(figure.y >= 0 && figure.y + figure.height <= height, "the carbon figure is in view");
    // Chart text at a readable size: HTML bars, and the projection drawn at 13 px or more.
    const smallest = await page.evaluate(() =>
      Math.min(
        ...[...document.querySelectorAll(".bar-chart, .line-chart text")]
          .map((e) => (e.tagName === "text" ? e.getBoundingClientRect().height : parseFloat(getComputedStyle(e).fontSize)))
          .filter((size) => size > 0),
      ),
    );
    assert.ok(smallest >= 12, `smallest chart text ${smallest} px`);
    // Touch targets: every button and text box at least 24 px high.
    const small = await page.evaluate(() =>
      [...document.querySelectorAll("button, input[type=text], select, summary")]
        .filter((e) => e.getClientRects().length > 0)
        .filter((e) => e.getBoundingClientRect().height < 24)
        .map((e) => `${e.tagName} ${e.textContent.trim().slice(0, 30)} ${e.getBoundingClientRect().height}`),
    );
    assert.deepEqual(small, []);
    assert.deepEqual(record.pageErrors, []);
    await context.close();
  });
}

test("after a removal on a phone, focus stays on the list, the undo is in sight and Ctrl+Z takes it", async () => {
  const height = 740;
  const { context, page } = await openApp(app.browser, app.server.origin, "", {
    viewport: { width: 360, height },
    isMobile: true,
    hasTouch: true,
  });
  await page.getByTestId("preset-agentic_workflow").click();
  const rows = page.locator(".use-case-row");
  assert.equal(await rows.count(), 2);
  await rows.first().getByTestId("remove").click();
  assert.equal(await rows.count(), 1);
  assert.notEqual(await page.evaluate(() => document.activeElement?.tagName), "BODY");
  const undo = await page.getByTestId("undo").boundingBox();
  assert.ok(undo && undo.y >= 0 && undo.y + undo.height <= height, "the undo button is in view");
  assert.equal(await page.getByTestId("undo").getAttribute("aria-keyshortcuts"), "Control+Z Meta+Z");
  // In a text box, Ctrl+Z is the text's own undo; elsewhere it takes the removal back.
  await page.locator("#portfolio-name").focus();
  await page.keyboard.press("Control+z");
  assert.equal(await rows.count(), 1, "not taken by the page's undo");
  await page.locator("h1").click();
  await page.keyboard.press("Control+z");
  assert.equal(await rows.count(), 2);
  await context.close();
});
