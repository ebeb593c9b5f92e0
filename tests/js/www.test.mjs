// The www/ demo page in headless Chromium (Debian's), driven by Playwright:
// create a group, see a conflict, see a field error with nothing sent.
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import { serveDemo } from "../../www/serve.mjs";
import { startStandin } from "../standin/server.mjs";
import { freshOrg, launchChromium } from "./helpers.mjs";

const OUT = new URL("../out/", import.meta.url);
// Its own token, so that finding it on the page means the typed one leaked.
const TOKEN = "www-typed-secret-4f9c";
const standin = {};
let demo;
let browser;
let page;

before(async () => {
  standin.server = await startStandin({ token: TOKEN });
  standin.url = standin.server.url;
  demo = await serveDemo({ apiBaseUrl: standin.url });
  browser = await launchChromium();
  page = await browser.newPage();
  page.on("pageerror", (error) => assert.fail(`page error: ${error}`));
  await page.goto(demo.url);
  await page.waitForFunction(() => document.querySelector("input[name=baseUrl]").value !== "");
});

after(async () => {
  await browser?.close();
  await demo?.close();
  await standin.server?.close();
});

async function submit({ org, name, extensions = [] }) {
  await page.fill("input[name=org]", org);
  await page.fill("input[name=token]", TOKEN);
  await page.fill("input[name=name]", name);
  await page.fill("input[name=location]", "lhr");
  for (const box of await page.$$("input[type=checkbox]")) await box.uncheck();
  for (const extension of extensions) await page.check(`input[value=${extension}]`);
  await page.click("button[type=submit]");
  await page.waitForSelector("#result:not([hidden])");
  await page.waitForFunction(() => !document.querySelector("button[type=submit]").disabled);
  return {
    title: await page.textContent("#result-title"),
    body: await page.textContent("#result-body"),
    fields: Object.fromEntries(
      await page.$$eval("#error-fields dd", (items) => items.map((dd) => [dd.dataset.key, dd.textContent])),
    ),
  };
}

describe("the www demo", () => {
  const org = freshOrg("www");

  test("the base URL is prefilled with the stand-in", async () => {
    assert.equal(await page.inputValue("input[name=baseUrl]"), standin.url);
  });

  test("creates a group and shows it", async () => {
    const shown = await submit({ org, name: "from-the-page", extensions: ["vector", "uuid"] });
    assert.equal(shown.title, "Group created");
    const group = JSON.parse(shown.body);
    assert.equal(group.name, "from-the-page");
    const [request] = standin.server.requestsFor(org);
    assert.deepEqual(JSON.parse(request.body).extensions, ["vector", "uuid"]);
    await mkdir(OUT, { recursive: true });
    await page.screenshot({ path: new URL("www-created.png", OUT).pathname, fullPage: true });
  });

  test("the same group again shows a conflict", async () => {
    const shown = await submit({ org, name: "from-the-page" });
    assert.equal(shown.title, "Error: conflict");
    assert.deepEqual(shown.fields, { code: "conflict", status: "409" });
    assert.equal(shown.body, "group already exists");
    await page.screenshot({ path: new URL("www-conflict.png", OUT).pathname, fullPage: true });
  });

  test("an invalid name shows the field error and sends nothing", async () => {
    const before = standin.server.requests.length;
    const shown = await submit({ org, name: "Not Valid" });
    assert.deepEqual(shown.fields, { code: "invalid_argument", field: "name" });
    assert.match(shown.body, /name must be/);
    assert.equal(standin.server.requests.length, before);
  });

  test("the token is neither stored nor shown", async () => {
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
    assert.ok(!stored.includes(TOKEN));
    assert.ok(!(await page.textContent("body")).includes(TOKEN));
    assert.equal(await page.getAttribute("input[name=token]", "type"), "password");
  });
});
