import { launchBrowser, serveDist, openApp } from "./support.js";
import { writeFile } from "node:fs/promises";
const server = await serveDist();
const browser = await launchBrowser();
for (const theme of ["light", "dark"]) {
  for (const width of [1280, 390]) {
    const { context, page } = await openApp(browser, server.origin, "", { viewport: { width, height: 900 } });
    await page.getByTestId("theme").selectOption(theme).catch(async () => page.locator("#theme").selectOption(theme));
    // Fine-tune starter, then a lever that would leave it unpriced.
    await page.getByTestId("preset-fine_tune_small_model").click();
    await page.getByTestId("add-lever").click();
    const lever = page.getByTestId("lever").first();
    await lever.locator("select").first().selectOption("change_accelerator");
    await page.getByTestId("lever-refused").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/shots/refused-${theme}-${width}.png` });
    // Remove a use case, then a later message: both bars.
    await page.getByTestId("remove").first().click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-json").click()]);
    const file = await download.path();
    await page.getByTestId("import-json").setInputFiles(file);
    await page.getByTestId("arrival").waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `/tmp/shots/bars-${theme}-${width}.png` });
    await context.close();
  }
}
await browser.close();
await server.close();
