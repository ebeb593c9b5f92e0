// The www/ console in headless Chromium (Debian's), driven by Playwright:
// connect, list, create a group with a location from locations.list(), see a
// conflict and a field error, toggle delete protection, mint a read-only
// token and copy it, list, create, mint for and delete a group's databases,
// and delete the group after a confirmation.
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import { serveDemo } from "../../../www/serve.mjs";
import { startStandin } from "../../standin/server.mjs";
import { createClient } from "turso-platform-wasm";
import { claimsOf, freshOrg, launchChromium } from "../helpers.mjs";
import { sqliteFile } from "../files.mjs";

const OUT = new URL("../../out/", import.meta.url);
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
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  page = await context.newPage();
  page.on("pageerror", (error) => assert.fail(`page error: ${error}`));
  await page.goto(demo.url);
  await page.waitForFunction(() => document.querySelector("input[name=baseUrl]").value !== "");
});

after(async () => {
  await browser?.close();
  await demo?.close();
  await standin.server?.close();
});

/** Waits for the page's buttons to settle, then reads the result panel. */
async function result() {
  await page.waitForSelector("#result:not([hidden])");
  await page.waitForFunction(() => [...document.querySelectorAll("button, input")].every((b) => !b.disabled));
  return {
    title: await page.textContent("#result-title"),
    body: await page.textContent("#result-body"),
    fields: Object.fromEntries(
      await page.$$eval("#error-fields dd", (items) => items.map((dd) => [dd.dataset.key, dd.textContent])),
    ),
  };
}

async function create({ name, location = "lhr", extensions = [] }) {
  await page.fill("#create-group input[name=name]", name);
  await page.selectOption("#create-group select[name=location]", location);
  for (const box of await page.$$("#create-group input[type=checkbox]")) await box.uncheck();
  for (const extension of extensions) await page.check(`input[value=${extension}]`);
  await page.click("#create-group button[type=submit]");
  return result();
}

/** Whether the element is inside the viewport as the page is scrolled now. */
const inViewport = (selector) =>
  page.$eval(selector, (element) => {
    const { top, bottom } = element.getBoundingClientRect();
    return top >= 0 && bottom <= window.innerHeight;
  });

const rowOf = (name) => `#groups tr[data-group="${name}"]`;
const groupsShown = () => page.$$eval("#groups tbody tr", (rows) => rows.map((row) => row.dataset.group));

describe("the www console", () => {
  const org = freshOrg("www");

  test("the base URL is prefilled with the stand-in", async () => {
    assert.equal(await page.inputValue("input[name=baseUrl]"), standin.url);
  });

  test("connecting lists the groups and offers the API's locations", async () => {
    await page.fill("input[name=org]", org);
    await page.fill("input[name=token]", TOKEN);
    await page.click("#connect button[type=submit]");
    const shown = await result();
    assert.equal(shown.title, "Connected");
    assert.equal(await page.isVisible("#no-groups"), true);
    const offered = await page.$$eval("select[name=location] option", (options) => options.map((o) => o.value));
    assert.deepEqual(offered, ["ams", "aws-ap-northeast-1", "aws-eu-west-1", "aws-us-east-1", "aws-us-west-2", "lhr"]);
  });

  test("creates a group with a picked location and lists it", async () => {
    const shown = await create({ name: "from-the-page", location: "aws-eu-west-1", extensions: ["vector", "uuid"] });
    assert.equal(shown.title, "Group created");
    assert.equal(JSON.parse(shown.body).primary, "aws-eu-west-1");
    const request = standin.server.requestsFor(org).find((r) => r.method === "POST");
    assert.deepEqual(JSON.parse(request.body), { name: "from-the-page", location: "aws-eu-west-1", extensions: ["vector", "uuid"] });
    await page.waitForSelector(rowOf("from-the-page"));
    const cells = await page.$$eval(`${rowOf("from-the-page")} td`, (tds) => tds.map((td) => td.textContent));
    assert.deepEqual(cells.slice(0, 2), ["from-the-page", "aws-eu-west-1"]);
    assert.match(cells[2], /^[0-9a-f-]{36}$/);
  });

  test("the same group again shows a conflict", async () => {
    const shown = await create({ name: "from-the-page" });
    assert.equal(shown.title, "Error: conflict");
    assert.deepEqual(shown.fields, { code: "conflict", operation: "groups.create", status: "409" });
    assert.equal(shown.body, `groups.create: POST /v1/organizations/${org}/groups answered HTTP 409: group already exists`);
    await mkdir(OUT, { recursive: true });
    await page.screenshot({ path: new URL("www-conflict.png", OUT).pathname, fullPage: true });
  });

  test("an invalid name shows the field error and sends nothing", async () => {
    const before = standin.server.requests.length;
    const shown = await create({ name: ".." });
    assert.deepEqual(shown.fields, { code: "invalid_argument", operation: "groups.create", field: "name" });
    assert.match(shown.body, /name must not be/);
    assert.equal(standin.server.requests.length, before);
  });

  test("delete protection is toggled, and holds", async () => {
    await page.check(`${rowOf("from-the-page")} input.protection`);
    assert.equal((await result()).title, "Delete protection on");
    const patch = standin.server.requestsFor(org).filter((r) => r.method === "PATCH").at(-1);
    assert.deepEqual(JSON.parse(patch.body), { delete_protection: true });
    await page.waitForSelector(`${rowOf("from-the-page")} input.protection:checked`);

    page.once("dialog", (dialog) => dialog.accept());
    await page.click(`${rowOf("from-the-page")} button[data-action=delete]`);
    const refused = await result();
    assert.equal(refused.title, "Error: bad_request");
    assert.match(refused.body, /protected from deletion/);
    assert.deepEqual(await groupsShown(), ["from-the-page"]);

    await page.uncheck(`${rowOf("from-the-page")} input.protection`);
    assert.equal((await result()).title, "Delete protection off");
  });

  test("mints a read-only token, shown once with a copy button", async () => {
    await page.click(`${rowOf("from-the-page")} button[data-action=mint]`);
    await page.waitForSelector("#token:not([hidden])");
    const jwt = await page.textContent("#token-value");
    assert.equal(jwt.split(".").length, 3);
    assert.equal(claimsOf(jwt).a, "ro");
    const minted = standin.server.requestsFor(org).at(-1);
    assert.match(minted.path, /\/groups\/from-the-page\/auth\/tokens\?authorization=read-only$/);
    await page.click("#copy-token");
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), jwt);
    await page.screenshot({ path: new URL("www-console.png", OUT).pathname, fullPage: true });
    await page.click("#dismiss-token");
    assert.equal(await page.isHidden("#token"), true);
    assert.equal(await page.textContent("#token-value"), "");
  });

  test("a group's databases: listed, created, minted for, and deleted after a confirmation", async () => {
    await page.click(`${rowOf("from-the-page")} button[data-action=databases]`);
    await page.waitForSelector("#databases:not([hidden])");
    assert.equal(await page.textContent("#databases-group"), "from-the-page");
    assert.equal(await page.isVisible("#no-databases"), true);

    await page.fill("#create-database input[name=name]", "Orders!");
    await page.click("#create-database button");
    assert.deepEqual((await result()).fields, { code: "invalid_argument", operation: "databases.create", field: "name" });

    await page.fill("#create-database input[name=name]", "orders");
    await page.click("#create-database button");
    const created = await result();
    assert.equal(created.title, "Database created");
    const { DbId, Hostname } = JSON.parse(created.body);
    assert.equal(Hostname, `orders-${org}.turso.io`);
    const sent = standin.server.requestsFor(org).findLast((r) => r.method === "POST" && r.path.endsWith("/databases"));
    assert.deepEqual(JSON.parse(sent.body), { name: "orders", group: "from-the-page" });
    const row = '#database-list tr[data-database="orders"]';
    await page.waitForSelector(row);
    const cells = await page.$$eval(`${row} td`, (tds) => tds.map((td) => td.textContent));
    assert.deepEqual(cells.slice(0, 3), ["orders", Hostname, DbId]);
    // The console lists a group's databases as databases.list does: every page, 1000 a page.
    assert.match(standin.server.requestsFor(org).at(-1).path, /\/databases\?group=from-the-page&limit=1000$/);

    await page.click(`${row} button[data-action=mint]`);
    await page.waitForSelector("#token:not([hidden])");
    assert.equal(await page.textContent("#token-for"), "orders");
    const jwt = await page.textContent("#token-value");
    assert.deepEqual(claimsOf(jwt), { a: "ro", id: DbId, gen: "0.0" });
    await page.screenshot({ path: new URL("www-databases.png", OUT).pathname, fullPage: true });
    await page.click("#dismiss-token");

    page.once("dialog", (dialog) => dialog.dismiss());
    await page.click(`${row} button[data-action=delete]`);
    assert.equal(await page.isVisible(row), true, "a dismissed confirmation keeps it");
    page.once("dialog", (dialog) => {
      assert.match(dialog.message(), /Delete the database orders/);
      dialog.accept();
    });
    await page.click(`${row} button[data-action=delete]`);
    const deleted = await result();
    assert.deepEqual([deleted.title, deleted.body], ["Database deleted", "orders"]);
    await page.waitForSelector(row, { state: "detached" });
    assert.equal(await page.isVisible("#no-databases"), true);
  });

  test("creates a database from a picked or a dropped SQLite file, with progress, and downloads it byte for byte", async () => {
    // 5 pages, in the stand-in's chunks of 8192 bytes: three chunks.
    const file = Buffer.from(sqliteFile({ pages: 5, fill: 0x41 }));
    await page.fill("#upload-database input[name=name]", "from-a-file");
    await page.setInputFiles("#upload-database input[type=file]", { name: "tenant.db", mimeType: "application/vnd.sqlite3", buffer: file });
    await page.click("#upload-database button");
    await page.waitForFunction(() => document.querySelector("#upload-status").textContent.startsWith("Created"));
    assert.equal(await page.textContent("#upload-status"), "Created from-a-file from tenant.db (20480 bytes).");
    assert.equal(await page.$eval("#upload-progress", (bar) => bar.value), 1);
    const chunks = standin.server.requests.filter((r) => r.path.startsWith(`/hosts/from-a-file-${org}.turso.io/`) && r.path.includes("/chunk/"));
    assert.deepEqual(chunks.map((r) => r.bytes.length), [8192, 8192, 4096]);
    const row = '#database-list tr[data-database="from-a-file"]';
    await page.waitForSelector(row);
    assert.ok(await inViewport("#upload-status"), "the upload's result shows beside it");
    await page.screenshot({ path: new URL("www-upload.png", OUT).pathname, fullPage: true });

    const [download] = await Promise.all([page.waitForEvent("download"), page.click(`${row} button[data-action=download]`)]);
    assert.equal(download.suggestedFilename(), "from-a-file.db");
    assert.deepEqual(await readFile(await download.path()), file);
    assert.equal((await result()).body, "from-a-file.db, 20480 bytes");

    // A file dropped onto the form; one Turso would refuse is refused with the fix, and nothing is created.
    const drop = (bytes, name) =>
      page.evaluate(([bytes, name]) => {
        const data = new DataTransfer();
        data.items.add(new File([new Uint8Array(bytes)], name));
        document.querySelector("#upload-database").dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
      }, [[...bytes], name]);
    const before = standin.server.requestsFor(org).length;
    await page.fill("#upload-database input[name=name]", "dropped");
    await drop(sqliteFile({ pageSize: 1024 }), "old.db");
    await result();
    assert.match(await page.textContent("#upload-status"), /^Not uploaded: databases\.upload: data has a page size of 1024; Turso needs 4096/);
    assert.equal(standin.server.requestsFor(org).length, before, "nothing was sent for a refused file");
    await drop(sqliteFile({ pages: 2 }), "dropped.db");
    await page.waitForFunction(() => document.querySelector("#upload-status").textContent.startsWith("Created dropped"));
    await page.waitForSelector('#database-list tr[data-database="dropped"]');
  });

  test("renames a group", async () => {
    await page.fill("#create-group input[name=name]", "old-name");
    await page.click("#create-group button[type=submit]");
    await page.waitForSelector(rowOf("old-name"));
    page.once("dialog", (dialog) => dialog.accept("new-name"));
    await page.click(`${rowOf("old-name")} button[data-action=rename]`);
    assert.equal((await result()).body, "old-name → new-name");
    await page.waitForSelector(rowOf("new-name"));
    const renamed = standin.server.requestsFor(org).find((r) => r.path.endsWith("/groups/old-name/rename"));
    assert.deepEqual(JSON.parse(renamed.body), { Name: "new-name" });
    page.once("dialog", (dialog) => dialog.accept());
    await page.click(`${rowOf("new-name")} button[data-action=delete]`);
    await page.waitForSelector(rowOf("new-name"), { state: "detached" });
  });

  test("lists every database of a large organization, page after page, with search", async () => {
    // 1,050 more databases, made through the package in Node: two pages of the API's 1,000.
    const turso = createClient({ org, token: TOKEN, baseUrl: standin.url });
    for (let start = 0; start < 1050; start += 50) {
      await Promise.all(
        Array.from({ length: 50 }, (_, i) => turso.databases.create(`tenant-${start + i}`, { group: "from-the-page" })),
      );
    }
    const pagesBefore = standin.server.requestsFor(org).filter((r) => /\/databases\?limit=1000/.test(r.path)).length;
    await page.click("#list-all");
    await page.waitForFunction(() => /^1052 databases/.test(document.querySelector("#all-count").textContent));
    const pages = standin.server.requestsFor(org).filter((r) => /\/databases\?limit=1000/.test(r.path));
    assert.equal(pages.length - pagesBefore, 2, "two pages");
    assert.match(pages.at(-1).path, /&cursor=/);
    await page.fill("#search-databases", "tenant-104");
    assert.deepEqual(
      (await page.$$eval("#all-list tbody tr", (rows) => rows.map((row) => row.dataset.database))).sort(),
      ["tenant-104", "tenant-1040", "tenant-1041", "tenant-1042", "tenant-1043", "tenant-1044", "tenant-1045", "tenant-1046", "tenant-1047", "tenant-1048", "tenant-1049"],
    );
    assert.equal(await page.textContent("#all-count"), "1052 databases, 11 matching");
    await page.screenshot({ path: new URL("www-every-database.png", OUT).pathname, fullPage: true });
    await page.fill("#search-databases", "");
    // The group goes in the next test, which only an empty group allows.
    const names = [...Array.from({ length: 1050 }, (_, i) => `tenant-${i}`), "from-a-file", "dropped"];
    await Promise.all(names.map((name) => turso.databases.delete(name)));
  });

  test("deletes a group only after the confirmation", async () => {
    const deletes = () => standin.server.requestsFor(org).filter((r) => r.method === "DELETE");
    const before = deletes().length;
    page.once("dialog", (dialog) => dialog.dismiss());
    await page.click(`${rowOf("from-the-page")} button[data-action=delete]`);
    assert.equal(deletes().length, before, "a dismissed confirmation sends nothing");

    page.once("dialog", (dialog) => {
      assert.match(dialog.message(), /Delete the group from-the-page/);
      dialog.accept();
    });
    await page.click(`${rowOf("from-the-page")} button[data-action=delete]`);
    assert.equal((await result()).title, "Group deleted");
    await page.waitForSelector(rowOf("from-the-page"), { state: "detached" });
    assert.deepEqual(await groupsShown(), []);
    assert.equal(await page.isHidden("#databases"), true, "the deleted group's databases are closed");
    assert.equal(deletes().length, before + 1);
    assert.equal(deletes().at(-1).path, `/v1/organizations/${org}/groups/from-the-page`);
  });

  test("the API token is neither stored nor shown", async () => {
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
    assert.ok(!stored.includes(TOKEN));
    assert.ok(!(await page.textContent("body")).includes(TOKEN));
    assert.equal(await page.inputValue("input[name=token]"), "", "the field is cleared once the client holds it");
    assert.equal(await page.getAttribute("input[name=token]", "type"), "password");
  });
});
