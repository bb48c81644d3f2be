// End-to-end: the release build in Debian's Chromium, as a visitor uses it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { foreignRequests, openApp, useApp, value } from "./support.js";

const app = useApp();

test("page loads with no console error and shows a footprint", async () => {
  const { context, page, record } = await openApp(app.browser, app.server.origin);
  assert.match(await page.getByTestId("energy-per-year").innerText(), /\d.*Wh/);
  assert.ok((await value(page, "carbon-per-year")) > 0);
  assert.ok((await value(page, "water-per-year")) > 0);
  assert.deepEqual(record.consoleErrors, []);
  assert.deepEqual(record.pageErrors, []);
  assert.deepEqual(foreignRequests(record, app.server.origin), []);
  await context.close();
});

test("moving a slider updates the numbers", async () => {
  const { context, page } = await openApp(app.browser, app.server.origin);
  const before = await value(page, "energy-per-year");
  const slider = page.getByTestId("output-tokens-slider");
  await slider.focus();
  for (let i = 0; i < 20; i += 1) await page.keyboard.press("ArrowRight");
  const after = await value(page, "energy-per-year");
  assert.ok(after > before, `energy should rise with longer answers: ${before} → ${after}`);
  assert.equal(await page.getByTestId("output-tokens-input").inputValue(), "410");
  await context.close();
});

test("the 8B chat request matches the paper's golden value in the browser", async () => {
  const { context, page } = await openApp(app.browser, app.server.origin);
  await page.getByText("Small (8B)").click();
  assert.ok(await page.getByTestId("model-8B").isChecked());
  // docs/methodology.md §2: 8B chat total 9.31e-5 kWh per request.
  assert.equal((await value(page, "energy-per-request")).toPrecision(3), "0.0000931");
  await page.getByText("Show the working").click();
  assert.equal(await page.getByTestId("energy-per-request").innerText(), "0.0931 Wh");
  await context.close();
});

test("a bad typed value shows a message and keeps the last good result", async () => {
  const { context, page } = await openApp(app.browser, app.server.origin);
  const good = await value(page, "energy-per-year");
  await page.getByTestId("requests-per-day-input").fill("lots");
  assert.match(await page.getByTestId("requests-per-day-message").innerText(), /Not a number/);
  await page.getByTestId("requests-per-day-input").fill("-20");
  assert.match(await page.getByTestId("requests-per-day-message").innerText(), /at least 0/);
  assert.equal(await value(page, "energy-per-year"), good);
  assert.match(await page.getByTestId("stale-notice").innerText(), /last valid result/);
  await context.close();
});

test("no request leaves the page's own origin", async () => {
  const { context, page, record } = await openApp(app.browser, app.server.origin);
  await page.getByTestId("location").selectOption("FR");
  await page.getByText("Large (405B)").click();
  await page.getByText("Show the working").click();
  await page.getByTestId("preset-coding_assistant").click();
  await page.getByTestId("language").selectOption("zh-Hans");
  await page.waitForLoadState("networkidle");
  assert.ok(record.requests.some((url) => url.endsWith(".wasm")), "the wasm was requested");
  assert.deepEqual(foreignRequests(record, app.server.origin), []);
  await context.close();
});

test("the Content-Security-Policy refuses other origins and inline scripts", async () => {
  const { context, page, record } = await openApp(app.browser, app.server.origin);
  // Another origin on loopback: were the policy missing, the request would stay on this machine.
  const violated = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener("securitypolicyviolation", (e) => violations.push(e.effectiveDirective));
    await fetch("http://127.0.0.2:9/").catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 100));
    return violations;
  });
  assert.deepEqual(violated, ["connect-src"], "the policy itself refused the connection");
  const inline = await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.__inlineRan = true;";
    document.body.append(script);
    return window.__inlineRan === true;
  });
  assert.equal(inline, false, "an injected inline script must not run");
  assert.deepEqual(foreignRequests(record, app.server.origin), []);
  await context.close();
});

test("a comma is read as people type it, and never silently", async () => {
  const { context, page } = await openApp(app.browser, app.server.origin);
  const field = page.getByTestId("requests-per-day-input");
  const message = page.getByTestId("requests-per-day-message");
  await field.fill("2,5");
  assert.equal(await message.innerText(), "Read as 2.5: the comma as the decimal point.");
  assert.equal(await field.inputValue(), "2,5", "what was typed stays as typed");
  await field.fill("12,500");
  assert.equal(await message.innerText(), "Read as 12500: the comma separating thousands.");
  const thousands = await value(page, "energy-per-year");
  await field.fill("12500");
  assert.equal(await message.innerText(), "");
  assert.equal(await value(page, "energy-per-year"), thousands);
  await field.fill("1,23,4");
  assert.match(await message.innerText(), /Not a number/);
  await context.close();
});

test("where the browser's locale writes a decimal comma, 1,000 is refused with both readings", async () => {
  const { context, page } = await openApp(app.browser, app.server.origin, "", { locale: "de-DE" });
  const field = page.getByTestId("requests-per-day-input");
  const message = page.getByTestId("requests-per-day-message");
  await field.fill("500");
  const good = await value(page, "energy-per-year");
  await field.fill("1,000");
  assert.equal(await message.innerText(), "Is it 1000 or 1? Type one of them, without the comma.");
  assert.equal(await value(page, "energy-per-year"), good, "the last good value stays");
  await field.fill("0,25");
  assert.equal(await message.innerText(), "Read as 0.25: the comma as the decimal point.");
  await field.fill("0.25");
  assert.equal(await message.innerText(), "");
  await context.close();
});

test("in Chinese, countries are named by the browser in Chinese; a typed factor's source says who entered it", async () => {
  const { context, page } = await openApp(app.browser, app.server.origin);
  await page.getByText("Advanced").first().click();
  await page.getByTestId("pue-input").fill("1.3");
  await page.getByText("Show the working").click();
  const pueRow = page.locator(".working tr", { hasText: "1.3" }).filter({ hasText: /PUE/ });
  assert.match(await pueRow.first().innerText(), /entered by you$/);
  assert.doesNotMatch(await page.locator(".working").innerText(), /\(0, \)/);
  await page.getByTestId("language").selectOption("zh-Hans");
  assert.equal(await page.locator("[data-testid='location'] option[value='FR']").innerText(), "法国");
  assert.equal(await page.locator("[data-testid='location'] option[value='DE']").innerText(), "德国");
  await page.getByTestId("language").selectOption("en");
  assert.equal(await page.locator("[data-testid='location'] option[value='FR']").innerText(), "France");
  await context.close();
});
