// End-to-end: the page before the calculator. index.html's static first view shows with no
// script at all, says why when the calculator cannot start, and is gone once it has.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, useApp } from "./support.js";

const app = useApp();

test("with scripts off, the first view says what the tool is and what it needs", async () => {
  const context = await app.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${app.server.origin}/`);
  const view = page.getByTestId("first-view");
  await assert.doesNotReject(view.getByRole("heading", { name: "AI Footprint" }).waitFor());
  assert.match(await view.innerText(), /needs JavaScript and WebAssembly/);
  assert.equal(await page.locator("#first-view-status").isVisible(), false, "nothing is loading");
  // Styled by the page's own stylesheet: the panel has its border.
  const border = await page.locator(".first-view-body .panel").evaluate((e) => getComputedStyle(e).borderTopStyle);
  assert.equal(border, "solid");
  await context.close();
});

test("when the calculator cannot start, the first view says so instead of loading for ever", async () => {
  const context = await app.browser.newContext();
  await context.route((url) => url.pathname.endsWith("_bg.wasm"), (route) => route.fulfill({ status: 200, contentType: "application/wasm", body: "not wasm" }));
  const page = await context.newPage();
  await page.goto(`${app.server.origin}/`);
  const failed = page.locator("#first-view-failed");
  await failed.waitFor();
  assert.match(await failed.innerText(), /could not start in this browser/);
  assert.notEqual((await page.locator("#first-view-error").innerText()).trim(), "");
  assert.equal(await page.locator("#first-view-status").isVisible(), false);
  await context.close();
});

test("once the calculator is in place, the first view is gone", async () => {
  const { context, page, record } = await openApp(app.browser, app.server.origin);
  assert.equal(await page.getByTestId("first-view").count(), 0);
  assert.equal(await page.locator("h1").count(), 1);
  assert.deepEqual(record.pageErrors, []);
  await context.close();
});
