// Browser tests of readout's reading room, in Debian's Chromium.
// Usage: node ui.mjs BASE_URL SCREENSHOT_DIR
// Exits non-zero on the first failure; screenshots are saved either way.
import { chromium } from "playwright-core";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const [base, shots] = process.argv.slice(2);
if (!base || !shots) {
  console.error("usage: node ui.mjs BASE_URL SCREENSHOT_DIR");
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"],
});
let failed = false;
const problems = [];

function check(cond, what) {
  if (!cond) throw new Error(what);
}

async function step(name, page, fn) {
  try {
    await fn();
    console.log(`ok   ${name}`);
  } catch (e) {
    failed = true;
    console.log(`FAIL ${name}: ${e.message}`);
  } finally {
    await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true }).catch(() => {});
  }
}

const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
const page = await context.newPage();
page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
page.on("request", (r) => { if (!r.url().startsWith(base)) problems.push(`request outside the server: ${r.url()}`); });

await step("01-home", page, async () => {
  await page.goto(base + "/");
  check((await page.locator("h1").innerText()) === "The ledger", "the home page's heading");
  check(await page.locator("table").count() >= 2, "threads and documents tables");
});

await step("02-search-opic", page, async () => {
  await page.goto(base + "/");
  await page.keyboard.press("/");
  check(await page.evaluate(() => document.activeElement && document.activeElement.name === "q"), "/ focuses the search box");
  await page.keyboard.type("OPIC");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/search\?q=OPIC/);
  const marks = await page.locator("ol.hits mark").allInnerTexts();
  check(marks.includes("OPIC"), `the match is highlighted (${marks})`);
  check(await page.locator("aside.facets").innerText().then((t) => t.includes("Kind")), "facets shown");
});

await step("03-opic-thread-timeline", page, async () => {
  await page.goto(base + "/threads");
  await page.locator("a", { hasText: "OPIC" }).first().click();
  await page.waitForURL(/\/threads\/t-/);
  const labels = await page.locator("svg.timeline text").allTextContents();
  check(labels.includes("2017-11-06"), `2017-11-06 on the timeline (${labels})`);
  check(labels.some((l) => l.startsWith("2018")), `2018 on the timeline (${labels})`);
  check(await page.locator("svg.timeline circle").count() >= 2, "one mark per member");
  check(labels.includes("done"), "the change of status is marked");
});

await step("04-compare-november-2017", page, async () => {
  await page.goto(base + "/");
  await page.locator("a", { hasText: "2017-11-06" }).first().click();
  await page.waitForURL(/\/compare\?a=/);
  check(await page.locator("h2", { hasText: "Reported by both" }).count() === 1, "aligned rows");
  check(await page.locator("table tbody tr").count() >= 1, "at least one aligned row");
  check(await page.locator("h2", { hasText: "Only in A" }).count() === 1, "what A alone reported");
});

await step("05-document-quantity-focus", page, async () => {
  await page.goto(base + "/documents");
  await page.locator("a", { hasText: "001_" }).first().click();
  await page.waitForURL(/\/documents\/d-/);
  const q = page.locator("mark.item.qty").first();
  check(await q.count() === 1, "a quantity is marked");
  await q.focus();
  const shown = await q.evaluate((el) => getComputedStyle(el, "::after").content);
  const value = await q.getAttribute("data-value");
  check(value && /\d/.test(value), `a normalised value (${value})`);
  check(shown.includes(value), `focus shows the value (${shown})`);
  const outline = await q.evaluate((el) => getComputedStyle(el).outlineStyle);
  check(outline !== "none", "focus is visible");
});

await step("06-narrow-screen", page, async () => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ["/", "/search?q=energy", "/figures"]) {
    await page.goto(base + path);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    check(wide <= 362, `${path} fits 360px (scroll width ${wide})`);
  }
  await page.setViewportSize({ width: 1200, height: 900 });
});

const noJs = await browser.newContext({ javaScriptEnabled: false });
const plain = await noJs.newPage();
await step("07-without-javascript", plain, async () => {
  await plain.goto(base + "/search?q=energy&kind=commitment");
  check(await plain.locator("ol.hits li").count() >= 1, "results without JavaScript");
});

await step("08-keyboard", page, async () => {
  await page.goto(base + "/");
  await page.keyboard.press("Tab");
  const first = await page.evaluate(() => document.activeElement.className);
  check(first === "skip", `Tab first reaches the skip link (${first})`);
  const box = await page.locator("a.skip").boundingBox();
  check(box && box.x >= 0 && box.y >= 0, "the focused skip link is on screen");
  check(await page.locator("a.skip").evaluate((el) => getComputedStyle(el).outlineStyle) !== "none", "visible focus");
  await page.keyboard.press("Enter");
  check(await page.evaluate(() => document.activeElement.id) === "main", "Enter skips to the content");
  await page.keyboard.press("Tab");
  const next = await page.evaluate(() => document.activeElement.tagName);
  check(next === "A", `Tab goes on to the first link of the content (${next})`);
});

// WCAG 2 A/AA rules (contrast among them) with axe-core, injected into a
// context that lets the test script past the page's CSP.
const audit = await browser.newContext({ bypassCSP: true, viewport: { width: 1200, height: 900 } });
const auditPage = await audit.newPage();
await step("09-accessibility", auditPage, async () => {
  const docs = await (await fetch(base + "/api/documents?limit=100")).json();
  const threads = await (await fetch(base + "/api/threads?limit=100")).json();
  const ids = docs.items.map((d) => d.id);
  const pages = ["/", "/search?q=energy", "/documents", "/figures", "/threads", `/documents/${ids[1]}`,
                 `/threads/${threads.items[0].id}`, `/compare?a=${ids[0]}&b=${ids[2]}`];
  const found = [];
  for (const path of pages) {
    await auditPage.goto(base + path);
    await auditPage.addScriptTag({ content: axeSource });
    const result = await auditPage.evaluate(async () =>
      await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
    for (const v of result.violations) {
      found.push(`${path}: ${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes[0].target.join(" ")} — ${v.nodes[0].failureSummary.split("\n").slice(0, 2).join(" ")}`);
    }
  }
  check(found.length === 0, "axe-core found:\n  " + found.join("\n  "));
});

if (problems.length) {
  failed = true;
  for (const p of problems) console.log(`FAIL ${p}`);
}
await browser.close();
process.exit(failed ? 1 : 0);
