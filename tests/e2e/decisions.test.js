// End-to-end: the decision layer (SAIQ, what-if levers, Return on Environment, projection and
// shadow prices) in the release build.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { openApp, useApp, value, waitForSave } from "./support.js";

const app = useApp();

const chosenLine = (page) =>
  page.locator("[data-testid='projection-chart'] polyline.chosen").getAttribute("points");

test("switching the scenario redraws the projection chart", async () => {
  const { context, page } = await openApp(app.browser, app.server.origin);
  const steady = await chosenLine(page);
  assert.ok(steady.split(" ").length === 7, "one point per year, 2024 to 2030");
  await page.getByTestId("scenario").selectOption("high_adoption");
  const high = await chosenLine(page);
  assert.notEqual(high, steady);
  const drivers = await page.getByTestId("drivers").innerText();
  assert.match(drivers, /More use\s+\+/);
  assert.match(drivers, /Hardware efficiency\s+\u2212/); // the one minus sign, U+2212
  await context.close();
});

test("an adjusted factor adds a scenario, and the projection extends to 2035", async () => {
  const { context, page } = await openApp(app.browser, app.server.origin);
  const lines = page.locator("[data-testid='projection-chart'] polyline");
  assert.equal(await lines.count(), 5);
  const steady = await chosenLine(page);
  assert.match(await page.getByTestId("assumptions").innerText(), /usage \+32 % \(generative AI\).*grid carbon intensity −24 % by 2030/);
  await page.getByText("Scenario factors").click();
  await page.getByTestId("grid-change-input").fill("-90");
  assert.equal(await page.getByTestId("scenario").inputValue(), "custom");
  assert.equal(await lines.count(), 6, "the five published scenarios and the adjusted one");
  await waitForSave(page);
  await page.reload();
  assert.equal(await page.getByTestId("scenario").inputValue(), "custom", "kept with the portfolio");
  assert.equal(await lines.count(), 6);
  await page.getByText("Scenario factors").click();
  assert.equal(await page.getByTestId("grid-change-input").inputValue(), "-90");
  assert.notEqual(await chosenLine(page), steady);
  const uniform = await chosenLine(page);
  await page.getByTestId("grid-path").selectOption("oecm");
  assert.match(await page.getByTestId("assumptions").innerText(), /1\.5 °C pathways/);
  assert.match(await page.getByTestId("projection").innerText(), /Sources: .*One Earth Climate Model/);
  assert.notEqual(await chosenLine(page), uniform, "the regional pathway replaces the uniform change");
  assert.equal(await page.getByTestId("grid-change-input").count(), 0, "no uniform change to set");
  await page.getByTestId("pue-2030-input").fill("0.5");
  assert.match(await page.getByTestId("pue-2030-message").innerText(), /Out of range/);
  await page.getByTestId("projection-end").selectOption("2035");
  assert.equal((await chosenLine(page)).split(" ").length, 12, "2024 to 2035");
  assert.match(await page.getByRole("heading", { name: /Projection to 2035/ }).innerText(), /2035/);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-projection").click()]);
  const csv = (await readFile(await download.path(), "utf8")).trim().split("\n");
  assert.ok(download.suggestedFilename().includes("-projection-"));
  assert.equal(csv.length, 1 + 6 * 4 * 12, "header, then 6 scenarios × 4 segments × 12 years");
  assert.ok(csv.some((line) => line.startsWith("custom,all,2035,")));
  await page.getByTestId("projection-indicator").selectOption("Water");
  await page.getByTestId("projection").getByText("Show as a table").click();
  const table = await page.getByTestId("projection-table").innerText();
  assert.match(table, /Generative AI\s+Agents\s+Traditional ML/);
  const last = table.split("\n").find((line) => line.startsWith("2035"));
  assert.equal(last.split("\t").length, 6, "year, total, range and the three segments");
  assert.match(last, /^2035\t[\d.,]+ (m³|L)\t/);
  await context.close();
});

/** The same chat twice: cheap on a coal-heavy grid, dear on a hydro grid. */
function cheapAndClean() {
  const chat = (name, location, usdPerMillion) => ({
    name,
    workload: { llm: { task: "chat", model: { reference: { size: "8B" } }, output_tokens: 400, input_tokens: 100 } },
    volume: { per_day: { per_day: 10000, days_per_year: 365 } },
    site: { location },
    cost: { api_tokens: { usd_per_million_input: usdPerMillion, usd_per_million_output: usdPerMillion * 4 } },
  });
  return { schema_version: 1, name: "Trade-off", use_cases: [chat("Cheap on coal", "PL", 0.1), chat("Dear on hydro", "SE", 10)] };
}

test("weight sliders re-rank the use cases", async () => {
  const { context, page } = await openApp(app.browser, app.server.origin, "", {}, cheapAndClean());
  const ranking = page.getByTestId("saiq-ranking");
  await ranking.locator("tbody tr").first().waitFor();
  assert.match(await ranking.innerText(), /Cost\s+Energy\s+Carbon\s+Water\s+SAIQ/, "the raw intensities beside the score");
  const order = () => ranking.locator("tbody th").allInnerTexts();
  await page.getByText("Weights", { exact: true }).click();
  await page.getByTestId("weight-cost-input").fill("1");
  const costOnly = await order();
  await page.getByTestId("weight-carbon-input").fill("1");
  const carbonOnly = await order();
  assert.equal(costOnly.length, carbonOnly.length);
  assert.notDeepEqual(costOnly, carbonOnly, `${costOnly} vs ${carbonOnly}`);
  const saiq = await value(page, "saiq-portfolio");
  assert.ok(saiq > 0 && Number.isFinite(saiq));
  await page.getByTestId("weight-water-input").fill("2");
  assert.match(await page.getByTestId("weight-water-message").innerText(), /at most 1/);
  assert.equal(await value(page, "saiq-portfolio"), saiq, "a refused weight changes nothing");
  await page.getByTestId("saiq-preset-balanced").click();
  assert.equal(await page.getByTestId("weight-water-message").innerText(), "");
  assert.equal(await page.getByTestId("saiq-preset-balanced").getAttribute("aria-pressed"), "true");
  await context.close();
});

test("a pinned baseline scores 1, a change scores against it, and it is kept", async () => {
  const { context, page } = await openApp(app.browser, app.server.origin);
  await page.getByTestId("saiq-pin").click();
  assert.equal(await page.getByTestId("saiq-reference").inputValue(), "pinned");
  assert.ok(Math.abs((await value(page, "saiq-portfolio")) - 1) < 1e-9);
  await page.getByRole("button", { name: "Undo" }).click();
  assert.equal(await page.getByTestId("saiq-reference").inputValue(), "shipped", "pinning can be undone");
  await page.getByTestId("saiq-pin").click();
  await page.getByText("Small (8B)").click();
  const after = await value(page, "saiq-portfolio");
  assert.ok(after < 1, `a smaller model scores below the pinned baseline: ${after}`);
  await waitForSave(page);
  await page.reload();
  assert.equal(await page.getByTestId("saiq-reference").inputValue(), "pinned", "kept with the portfolio");
  assert.equal(await value(page, "saiq-portfolio"), after);
  await page.getByTestId("saiq-unit").selectOption("request");
  assert.ok((await value(page, "saiq-portfolio")) < 1);
  await context.close();
});

test("a lever shows before and after, and applying it can be undone", async () => {
  const { context, page } = await openApp(app.browser, app.server.origin);
  await page.getByTestId("example").selectOption("company");
  const carbonBefore = await value(page, "carbon-per-year");
  await page.getByTestId("add-lever").click();
  const lever = page.getByTestId("lever").first();
  await lever.locator("select").first().selectOption("move_region");
  await lever.locator("select[id$='-location']").selectOption("SE");
  const whatIf = await page.getByTestId("what-if").innerText();
  assert.match(whatIf, /Carbon\s+[\d.,]+\s*\S+\s+[\d.,]+\s*\S+\s+\u2212\d/);
  // What to check before counting it, and the change use case by use case.
  assert.match(await lever.getByTestId("lever-caveat").innerText(), /data-residency/);
  const byUseCase = page.getByTestId("what-if-by-use-case");
  assert.ok((await byUseCase.locator("tbody tr").count()) >= 1);
  assert.match(await byUseCase.innerText(), /\u2212\d/);
  await lever.locator("select").first().selectOption("right_size");
  assert.match(await lever.getByTestId("lever-caveat").innerText(), /does this task well enough/);
  await lever.locator("select").first().selectOption("move_region");
  await lever.locator("select[id$='-location']").selectOption("SE");
  // One use case, then all of them again: "all" is no use case (the bug this pins: it was
  // read as the id "all", and the portfolio became invalid).
  const scope = lever.locator("select[id$='-scope']");
  await scope.selectOption("2");
  await scope.selectOption({ label: "All use cases" });
  assert.doesNotMatch(await page.getByTestId("stale-notice").innerText(), /last valid/, "still valid");
  assert.equal(await page.getByTestId("what-if").innerText(), whatIf);
  await page.getByTestId("add-lever").click();
  const second = page.getByTestId("lever").nth(1);
  await second.locator("select").first().selectOption("cut_pue");
  const pue = second.locator("input[type='text']");
  await pue.fill("0.8");
  assert.match(await second.locator(".field-message").first().innerText(), /at least 1/, "refused, not clamped");
  await second.getByRole("button", { name: "Remove this change" }).click();
  const saiqAfter = await value(page, "lever-saiq-after");
  assert.ok(saiqAfter < (await value(page, "saiq-portfolio")));
  assert.equal(await value(page, "carbon-per-year"), carbonBefore, "nothing changes until applied");
  await page.getByTestId("apply-levers").click();
  const applied = await value(page, "carbon-per-year");
  assert.ok(applied < carbonBefore / 2, `${applied} vs ${carbonBefore}`);
  assert.equal(await page.getByTestId("lever").count(), 0);
  await page.getByRole("button", { name: "Undo" }).click();
  assert.equal(await value(page, "carbon-per-year"), carbonBefore);
  await context.close();
});

test("planned levers survive a reload and go with the use case they apply to", async () => {
  const { context, page } = await openApp(app.browser, app.server.origin);
  await page.getByTestId("example").selectOption("company");
  await page.getByTestId("add-lever").click();
  const lever = page.getByTestId("lever").first();
  await lever.locator("select").first().selectOption("move_region");
  await lever.locator("select[id$='-location']").selectOption("SE");
  // Levers name a use case by its id: the second of the example's is "2".
  await lever.locator("select[id$='-scope']").selectOption("2");
  await page.getByTestId("add-lever").click();
  await page.getByTestId("lever").nth(1).locator("select").first().selectOption("cut_pue");
  const whatIf = await page.getByTestId("what-if").innerText();
  await waitForSave(page);
  await page.reload();
  await page.getByTestId("what-if").waitFor(); // the app is up again: count() does not wait
  assert.equal(await page.getByTestId("lever").count(), 2, "kept with the portfolio");
  assert.equal(await page.getByTestId("lever").first().locator("select[id$='-scope']").inputValue(), "2");
  assert.equal(await page.getByTestId("what-if").innerText(), whatIf);
  await page.getByTestId("remove").nth(1).click();
  assert.equal(await page.getByTestId("lever").count(), 1, "the lever on the removed use case goes with it");
  await page.getByRole("button", { name: "Undo" }).click();
  assert.equal(await page.getByTestId("lever").count(), 2, "and comes back with it");
  await context.close();
});

test("batching lowers the EcoLogits estimate, and the panel says why the paper's does not move", async () => {
  const { context, page } = await openApp(app.browser, app.server.origin);
  await page.getByTestId("add-lever").click();
  const lever = page.getByTestId("lever").first();
  await lever.locator("select").first().selectOption("batch");
  await lever.locator("select[id$='-batch']").selectOption("512");
  await page.getByTestId("batch-note").waitFor();
  assert.match(await page.getByTestId("what-if").innerText(), /Energy[^\n]*\s0 %/);
  await page.getByTestId("estimator").selectOption("ecologits");
  assert.equal(await page.getByTestId("batch-note").count(), 0);
  assert.match(await page.getByTestId("what-if").innerText(), /Energy\s+[\d.,]+\s*\S+\s+[\d.,]+\s*\S+\s+\u2212\d/);
  await page.getByTestId("apply-levers").click();
  const batch = page.getByTestId("batch-size-input");
  assert.equal(await batch.inputValue(), "512", "the applied batch is in the use case's form");
  await page.getByText("Advanced", { exact: true }).click();
  await batch.fill("1000");
  assert.match(await page.getByTestId("batch-size-message").innerText(), /at most 512/);
  await context.close();
});

test("what a use case replaces gives its Return on Environment, beside the footprint", async () => {
  const { context, page } = await openApp(app.browser, app.server.origin);
  const carbon = await value(page, "carbon-per-year");
  await page.getByText("What it replaces (Return on Environment)").click();
  await page.getByTestId("avoided-writer-preset").click();
  const table = page.getByTestId("roe-table");
  await table.waitFor();
  assert.match(await table.innerText(), /A person writes each page/);
  const ratio = Number((await table.getByTestId("roe-ratio").first().innerText()).replace(/[,×]/g, ""));
  assert.ok(ratio > 1, `a page by a person costs far more than a chatbot answer: ${ratio}`);
  assert.match(await table.innerText(), /benefit/);
  assert.match(await page.getByTestId("roe").innerText(), /Sources: Tomlinson et al\. 2024.*Green Algorithms/);
  assert.equal(await value(page, "carbon-per-year"), carbon, "avoided impacts are never subtracted");
  // The rebound as people say it, a percentage of the savings.
  const net = await table.innerText();
  await page.getByTestId("avoided-rebound-share-input").fill("20");
  assert.equal(await page.getByTestId("avoided-rebound-share-message").innerText(), "");
  assert.notEqual(await table.innerText(), net, "a 20 % rebound changes the net impact");
  await page.getByTestId("avoided-rebound-share-input").fill("200");
  assert.match(await page.getByTestId("avoided-rebound-share-message").innerText(), /percentage from 0 to 100/);
  await page.getByTestId("avoided-clear").click();
  assert.equal(await page.getByTestId("roe-table").count(), 0);
  await context.close();
});

test("shadow prices put carbon and water in money beside the direct cost", async () => {
  const { context, page } = await openApp(app.browser, app.server.origin);
  const direct = await value(page, "cost-per-year");
  assert.equal(await page.getByTestId("saiq-monetised").count(), 0);
  assert.doesNotMatch(await page.getByTestId("cost").innerText(), /shadow/, "no prices, no shadow cost");
  await page.getByTestId("usd-per-tco2e-input").fill("200");
  await page.getByTestId("usd-per-m3-input").fill("2");
  const parts = await page.getByTestId("cost").innerText();
  assert.match(parts, /Carbon and water at shadow prices: \$[1-9]/);
  assert.equal(await value(page, "cost-per-year"), direct, "the direct cost stays the direct cost");
  await page.getByTestId("saiq-monetised").waitFor();
  await page.getByTestId("usd-per-tco2e-input").fill("-5");
  assert.match(await page.getByTestId("usd-per-tco2e-message").innerText(), /at least 0/);
  await context.close();
});

test("the SAIQ ranking says which use cases it leaves out and why, and never ranks a training run as a request", async () => {
  const { context, page } = await openApp(app.browser, app.server.origin);
  await page.getByTestId("preset-fine_tune_small_model").click();
  await page.getByTestId("preset-fraud_detection").click();
  const [fineTune, fraud] = (await page.locator(".row-name").allInnerTexts()).slice(-2);
  const leftOut = page.getByTestId("saiq-left-out");
  const ranking = page.getByTestId("saiq-ranking");
  // Per 1,000 tokens: neither produces tokens.
  assert.match(await leftOut.innerText(), /Only language models produce tokens/);
  assert.match(await leftOut.innerText(), new RegExp(`${fineTune}.*${fraud}`));
  // Per request: the classifier's requests are ranked, the training run is not.
  await page.getByTestId("saiq-unit").selectOption("request");
  assert.match(await leftOut.innerText(), new RegExp(`^Not in this ranking: ${fineTune}\\. A training run is not a request`));
  assert.match(await ranking.innerText(), new RegExp(fraud));
  assert.doesNotMatch(await ranking.innerText(), new RegExp(fineTune));
  await context.close();
});
