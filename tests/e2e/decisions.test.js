// End-to-end: the decision layer (SAIQ ranking, projection to 2030) in the release build.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, useApp, value } from "./support.js";

const app = useApp();

test("switching the scenario redraws the projection chart", async () => {
  const { context, page } = await openApp(app.browser, app.server.origin);
  const chosen = () => page.locator("[data-testid='projection-chart'] polyline.chosen").getAttribute("points");
  const steady = await chosen();
  assert.ok(steady.split(" ").length === 7, "one point per year, 2024 to 2030");
  await page.getByTestId("scenario").selectOption("high_adoption");
  const high = await chosen();
  assert.notEqual(high, steady);
  const drivers = await page.getByTestId("drivers").innerText();
  assert.match(drivers, /More use\s+\+/);
  assert.match(drivers, /Hardware efficiency\s+-/);
  await context.close();
});

test("weight sliders re-rank the use cases", async () => {
  const { context, page } = await openApp(app.browser, app.server.origin);
  await page.getByTestId("example").selectOption("company");
  await page.getByTestId("saiq-ranking").locator("li").first().waitFor();
  const order = async () =>
    (await page.getByTestId("saiq-ranking").locator("li").allInnerTexts()).map((t) => t.split(":")[0]);
  await page.getByText("Weights", { exact: true }).click();
  await page.getByTestId("weight-cost-input").fill("1");
  const costOnly = await order();
  await page.getByTestId("weight-carbon-input").fill("1");
  const carbonOnly = await order();
  assert.equal(costOnly.length, carbonOnly.length);
  assert.notDeepEqual(costOnly, carbonOnly);
  const saiq = await value(page, "saiq-portfolio");
  assert.ok(saiq > 0 && Number.isFinite(saiq));
  await page.getByTestId("saiq-preset-balanced").click();
  assert.equal(await page.getByTestId("saiq-preset-balanced").getAttribute("aria-pressed"), "true");
  await context.close();
});
