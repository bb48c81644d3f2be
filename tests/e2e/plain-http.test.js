// End-to-end: a phone in a workshop room, on the trainer's laptop over plain http. This
// machine's own non-loopback address is not a secure context, so the browser gives the page no
// clipboard and no service worker: everything else works, and the rest says why.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { networkInterfaces } from "node:os";
import { launchBrowser, openApp, serveDist, value, waitForSave } from "./support.js";

/** The first IPv4 address of this machine that is not loopback. */
const address = Object.values(networkInterfaces())
  .flat()
  .find((i) => i?.family === "IPv4" && !i.internal)?.address;

const app = {};
before(async () => {
  assert.ok(address, "this machine has a non-loopback IPv4 address");
  app.server = await serveDist(undefined, 0, { host: address });
  app.browser = await launchBrowser();
});
after(async () => {
  await app.browser?.close();
  await app.server?.close();
});

test("over plain http from another address, the calculator computes, saves and opens links", async () => {
  const { context, page, record } = await openApp(app.browser, app.server.origin);
  assert.equal(await page.evaluate(() => isSecureContext), false, "not a secure context");
  assert.equal(await page.evaluate(() => "serviceWorker" in navigator), false);
  await page.getByTestId("requests-per-day-input").fill("5000");
  const carbon = await value(page, "carbon-per-year");
  assert.ok(carbon > 0);
  // Saved in this browser: a reload finds it.
  await waitForSave(page);
  await page.reload();
  await page.getByTestId("results").waitFor();
  assert.equal(await value(page, "carbon-per-year"), carbon);
  // No clipboard here: the link is offered in a box, selected, with the reason.
  await page.getByTestId("share-link").click();
  const notice = page.getByTestId("notice");
  await notice.waitFor();
  assert.match(await notice.innerText(), /plain http from another machine/);
  const box = page.getByTestId("copy-box");
  const link = await box.inputValue();
  assert.ok(link.startsWith(`${app.server.origin}/#`), link);
  assert.equal(await box.evaluate((e) => document.activeElement === e && e.selectionEnd - e.selectionStart === e.value.length), true, "selected");
  // The link opens on another phone in the room, with the same figure.
  const other = await openApp(app.browser, app.server.origin, link.slice(app.server.origin.length + 1));
  await other.page.getByText(/Opened the shared portfolio/).waitFor();
  assert.equal(await value(other.page, "carbon-per-year"), carbon);
  assert.deepEqual([...record.pageErrors, ...other.record.pageErrors], []);
  await other.context.close();
  await context.close();
});
