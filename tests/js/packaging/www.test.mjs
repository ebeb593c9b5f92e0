// The www/ console in headless Chromium (Debian's), driven by Playwright at
// 1280×720 and at 390×844: connect, "connected as" and the organization
// switcher; groups (create, conflict, field error, protection, rename,
// tokens with their options, delete); a group's databases (create, upload,
// download, delete); every database with search; a database's URL, usage,
// configuration and token; the organization's usage and plan; members and
// invites; API tokens; the audit log; a failed connect and a failed switch,
// which leave nothing of the organization before. After each action its
// result must be in the viewport, beside the action, and the page must never
// scroll sideways. Screenshots go to tests/out/.
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

before(async () => {
  standin.server = await startStandin({ token: TOKEN });
  standin.url = standin.server.url;
  demo = await serveDemo({ apiBaseUrl: standin.url });
  browser = await launchChromium();
  await mkdir(OUT, { recursive: true });
});

after(async () => {
  await browser?.close();
  await demo?.close();
  await standin.server?.close();
});

/** The console at one size, driven from connecting to deleting; `large` adds the 1,050-database walk. */
function consoleAt({ width, height, label, large }) {
  describe(`the www console at ${width}×${height}`, () => {
    const org = freshOrg(`www-${label}`);
    let page;

    before(async () => {
      const context = await browser.newContext({ viewport: { width, height }, permissions: ["clipboard-read", "clipboard-write"] });
      page = await context.newPage();
      page.on("pageerror", (error) => assert.fail(`page error: ${error}`));
      await page.goto(demo.url);
      await page.waitForFunction(() => document.querySelector("input[name=baseUrl]").value !== "");
    });

    const shot = (name) => page.screenshot({ path: new URL(`www-${label}-${name}.png`, OUT).pathname, fullPage: true });

    /** Whether the element is inside the viewport as the page is scrolled now. */
    const inViewport = (selector) =>
      page.$eval(selector, (element) => {
        const { top, bottom } = element.getBoundingClientRect();
        return top >= 0 && bottom <= window.innerHeight;
      });

    async function neverSideways() {
      const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      assert.ok(scrollWidth <= innerWidth, `the page is ${scrollWidth} px wide in a ${innerWidth} px viewport`);
    }

    /**
     * Runs `action`, then reads the result that `where` (a card, or the bar)
     * shows of it, once the page's buttons settle; it must be in the viewport.
     */
    async function outcome(where, action) {
      const result = `${where} > .result`;
      await page.$eval(result, (element) => {
        element.hidden = true;
        delete element.dataset.state;
      });
      await action();
      await page.waitForSelector(`${result}[data-state]:not([hidden])`);
      await page.waitForFunction(() => !document.querySelector("[aria-busy]"));
      assert.ok(await inViewport(result), `the result of the action in ${where} is in view`);
      await neverSideways();
      return page.$eval(result, (element) => ({
        title: element.querySelector(".result-title")?.textContent,
        body: element.querySelector(".result-body")?.textContent,
        secret: element.querySelector(".secret-value")?.textContent,
        fields: Object.fromEntries([...element.querySelectorAll(".error-fields dd")].map((dd) => [dd.dataset.key, dd.textContent])),
      }));
    }

    const rowOf = (name) => `#groups tr[data-group="${name}"]`;
    const groupsShown = () => page.$$eval("#groups tbody tr", (rows) => rows.map((row) => row.dataset.group));

    async function connect(slug, token = TOKEN) {
      await page.fill("#connect input[name=org]", slug);
      await page.fill("#connect input[name=token]", token);
      await page.click("#connect button[type=submit]");
    }

    async function createGroup({ name, location = "lhr", extensions = [] }) {
      await page.fill("#create-group input[name=name]", name);
      await page.selectOption("#create-group select[name=location]", location);
      for (const box of await page.$$("#create-group input[type=checkbox]")) await box.uncheck();
      for (const extension of extensions) await page.check(`input[value=${extension}]`);
      return outcome("#create-group", () => page.click("#create-group button[type=submit]"));
    }

    test("the base URL is prefilled with the stand-in", async () => {
      assert.equal(await page.inputValue("input[name=baseUrl]"), standin.url);
      await neverSideways();
    });

    test("connecting says who is connected, offers the organizations and the API's locations, and folds the form away", async () => {
      await connect(org);
      await page.waitForSelector("#bar:not([hidden])");
      assert.equal(await page.textContent("#user"), "standin-user");
      assert.ok(await inViewport("#bar"));
      assert.equal(await page.isHidden("#connect"), true, "the connect form is folded away");
      assert.equal(await page.inputValue("#org-switch"), org);
      assert.equal(await page.isVisible("#no-groups"), true);
      const offered = await page.$$eval("select[name=location] option", (options) => options.map((o) => o.value));
      assert.deepEqual(offered, ["ams", "aws-ap-northeast-1", "aws-eu-west-1", "aws-us-east-1", "aws-us-west-2", "lhr"]);
      await neverSideways();
    });

    test("a call in flight marks its button and card busy", async () => {
      const atClick = await page.$eval("#load-usage", (button) => {
        button.click();
        return [button.getAttribute("aria-busy"), button.disabled, button.closest(".card").getAttribute("aria-busy")];
      });
      assert.deepEqual(atClick, ["true", true, "true"]);
      await page.waitForFunction(() => !document.querySelector("[aria-busy]"));
    });

    test("creates a group with a picked location, beside the form, and lists it", async () => {
      const shown = await createGroup({ name: "from-the-page", location: "aws-eu-west-1", extensions: ["vector", "uuid"] });
      assert.equal(shown.title, "Group created");
      assert.equal(JSON.parse(shown.body).primary, "aws-eu-west-1");
      const request = standin.server.requestsFor(org).find((r) => r.method === "POST");
      assert.deepEqual(JSON.parse(request.body), { name: "from-the-page", location: "aws-eu-west-1", extensions: ["vector", "uuid"] });
      await page.waitForSelector(rowOf("from-the-page"));
      const cells = await page.$$eval(`${rowOf("from-the-page")} td`, (tds) => tds.map((td) => td.textContent));
      assert.deepEqual(cells.slice(0, 2), ["from-the-page", "aws-eu-west-1"]);
      assert.match(cells[2], /^[0-9a-f-]{36}$/);
    });

    test("the same group again shows a conflict, and a bad name a field error with nothing sent", async () => {
      const conflict = await createGroup({ name: "from-the-page" });
      assert.equal(conflict.title, "Error: conflict");
      assert.deepEqual(conflict.fields, { code: "conflict", operation: "groups.create", status: "409" });
      assert.equal(conflict.body, `groups.create: POST /v1/organizations/${org}/groups answered HTTP 409: group already exists`);
      await shot("conflict");
      const before = standin.server.requests.length;
      const invalid = await createGroup({ name: ".." });
      assert.deepEqual(invalid.fields, { code: "invalid_argument", operation: "groups.create", field: "name" });
      assert.match(invalid.body, /name must not be/);
      assert.equal(standin.server.requests.length, before);
    });

    test("delete protection is toggled, and holds", async () => {
      const on = await outcome("#groups-card", () => page.check(`${rowOf("from-the-page")} input.protection`));
      assert.equal(on.title, "Delete protection on");
      const patch = standin.server.requestsFor(org).filter((r) => r.method === "PATCH").at(-1);
      assert.deepEqual(JSON.parse(patch.body), { delete_protection: true });
      await page.waitForSelector(`${rowOf("from-the-page")} input.protection:checked`);

      page.once("dialog", (dialog) => dialog.accept());
      const refused = await outcome("#groups-card", () => page.click(`${rowOf("from-the-page")} button[data-action=delete]`));
      assert.equal(refused.title, "Error: bad_request");
      assert.match(refused.body, /protected from deletion/);
      assert.deepEqual(await groupsShown(), ["from-the-page"]);
      const off = await outcome("#groups-card", () => page.uncheck(`${rowOf("from-the-page")} input.protection`));
      assert.equal(off.title, "Delete protection off");
    });

    test("mints a group token with the options picked, shown once beside the group, with a copy button", async () => {
      await page.selectOption("#groups-card select[name=expiration]", "1w");
      await page.selectOption("#groups-card select[name=authorization]", "full-access");
      const shown = await outcome("#groups-card", () => page.click(`${rowOf("from-the-page")} button[data-action=mint]`));
      assert.equal(shown.title, "full-access token for the group from-the-page");
      assert.equal(claimsOf(shown.secret).a, "rw");
      const minted = standin.server.requestsFor(org).at(-1);
      assert.match(minted.path, /\/groups\/from-the-page\/auth\/tokens\?expiration=1w&authorization=full-access$/);
      await page.click("#groups-card .result button[data-action=copy]");
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), shown.secret);
      await shot("group-token");
      await page.click("#groups-card .result button[data-action=dismiss]");
      assert.equal(await page.$$eval("#groups-card .secret-value", (values) => values.length), 0, "Done forgets it");
    });

    test("a group's databases: listed, created, and deleted after a confirmation", async () => {
      await page.click(`${rowOf("from-the-page")} button[data-action=databases]`);
      await page.waitForSelector("#databases:not([hidden])");
      assert.equal(await page.textContent("#databases-group"), "from-the-page");
      assert.equal(await page.isVisible("#no-databases"), true);

      await page.fill("#create-database input[name=name]", "Orders!");
      const refused = await outcome("#databases", () => page.click("#create-database button"));
      assert.deepEqual(refused.fields, { code: "invalid_argument", operation: "databases.create", field: "name" });

      await page.fill("#create-database input[name=name]", "orders");
      const created = await outcome("#databases", () => page.click("#create-database button"));
      assert.equal(created.title, "Database created");
      const { DbId, Hostname } = JSON.parse(created.body);
      assert.equal(Hostname, `orders-${org}.turso.io`);
      const sent = standin.server.requestsFor(org).findLast((r) => r.method === "POST" && r.path.endsWith("/databases"));
      assert.deepEqual(JSON.parse(sent.body), { name: "orders", group: "from-the-page" });
      const row = '#database-list tr[data-database="orders"]';
      await page.waitForSelector(row);
      assert.equal(await page.$eval(`${row} td`, (td) => td.textContent), "orders");
      if (width > 640) {
        const cells = await page.$$eval(`${row} td`, (tds) => tds.map((td) => td.textContent));
        assert.deepEqual(cells.slice(0, 3), ["orders", Hostname, DbId]);
      }
      // The console lists a group's databases as databases.list does: every page, 1000 a page.
      assert.match(standin.server.requestsFor(org).at(-1).path, /\/databases\?group=from-the-page&limit=1000$/);
      await shot("databases");

      page.once("dialog", (dialog) => dialog.dismiss());
      await page.click(`${row} button[data-action=delete]`);
      assert.equal(await page.isVisible(row), true, "a dismissed confirmation keeps it");
      page.once("dialog", (dialog) => {
        assert.match(dialog.message(), /Delete the database orders/);
        dialog.accept();
      });
      const deleted = await outcome("#databases", () => page.click(`${row} button[data-action=delete]`));
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
      await shot("upload");

      const [download] = await Promise.all([page.waitForEvent("download"), page.click(`${row} button[data-action=download]`)]);
      assert.equal(download.suggestedFilename(), "from-a-file.db");
      assert.deepEqual(await readFile(await download.path()), file);
      await page.waitForSelector("#databases > .result[data-state]:not([hidden])");
      assert.equal(await page.textContent("#databases > .result .result-body"), "from-a-file.db, 20480 bytes");

      // A file dropped onto the form; one Turso would refuse is refused with the fix, and nothing is created.
      const drop = (bytes, name) =>
        page.evaluate(([bytes, name]) => {
          const data = new DataTransfer();
          data.items.add(new File([new Uint8Array(bytes)], name));
          document.querySelector("#upload-database").dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
        }, [[...bytes], name]);
      const before = standin.server.requestsFor(org).length;
      await page.fill("#upload-database input[name=name]", "dropped");
      await outcome("#databases", () => drop(sqliteFile({ pageSize: 1024 }), "old.db"));
      assert.match(await page.textContent("#upload-status"), /^Not uploaded: databases\.upload: data has a page size of 1024; Turso needs 4096/);
      assert.equal(standin.server.requestsFor(org).length, before, "nothing was sent for a refused file");
      await drop(sqliteFile({ pages: 2 }), "dropped.db");
      await page.waitForFunction(() => document.querySelector("#upload-status").textContent.startsWith("Created dropped"));
      await page.waitForSelector('#database-list tr[data-database="dropped"]');
    });

    test("a database's libsql URL, usage and configuration, beside its row, and a read-only token with an expiry", async () => {
      const row = '#database-list tr[data-database="from-a-file"]';
      await page.click(`${row} button[data-action=details]`);
      await page.waitForSelector('#database-detail[data-database="from-a-file"]:not([hidden])');
      await page.waitForFunction(() => !document.querySelector("[aria-busy]"));
      assert.ok(await page.$eval("#databases", (card) => card.nextElementSibling?.id === "database-detail"), "right after the card it was asked from");
      assert.ok(await inViewport("#detail-name"));
      const url = `libsql://from-a-file-${org}.turso.io`;
      assert.equal(await page.textContent("#detail-url"), url);
      const facts = Object.fromEntries(
        await page.$$eval("#detail-facts dt", (terms) => terms.map((dt) => [dt.textContent, dt.nextElementSibling.textContent])),
      );
      assert.equal(facts.group, "from-the-page");
      assert.equal(facts["rows read"], "42");
      assert.equal(facts["delete protection"], "off");
      await page.click("#copy-url");
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);

      await page.selectOption("#database-detail select[name=expiration]", "1d");
      const shown = await outcome("#database-detail", () => page.click("#detail-mint"));
      assert.equal(shown.title, "read-only token for from-a-file");
      assert.equal(claimsOf(shown.secret).a, "ro");
      assert.match(standin.server.requestsFor(org).at(-1).path, /\/databases\/from-a-file\/auth\/tokens\?expiration=1d&authorization=read-only$/);
      await shot("database");
      await page.click("#database-detail .result button[data-action=dismiss]");
    });

    test("renames a group", async () => {
      await createGroup({ name: "old-name" });
      await page.waitForSelector(rowOf("old-name"));
      page.once("dialog", (dialog) => dialog.accept("new-name"));
      const renamed = await outcome("#groups-card", () => page.click(`${rowOf("old-name")} button[data-action=rename]`));
      assert.equal(renamed.body, "old-name → new-name");
      await page.waitForSelector(rowOf("new-name"));
      const sent = standin.server.requestsFor(org).find((r) => r.path.endsWith("/groups/old-name/rename"));
      assert.deepEqual(JSON.parse(sent.body), { Name: "new-name" });
      page.once("dialog", (dialog) => dialog.accept());
      await outcome("#groups-card", () => page.click(`${rowOf("new-name")} button[data-action=delete]`));
      await page.waitForSelector(rowOf("new-name"), { state: "detached" });
    });

    test("lists every database of the organization with search, and opens one's details beside the list", async () => {
      const turso = createClient({ org, token: TOKEN, baseUrl: standin.url });
      // At the large size, 1,050 more, made through the package in Node: two pages of the API's 1,000.
      const extra = large ? 1050 : 0;
      for (let start = 0; start < extra; start += 50) {
        await Promise.all(Array.from({ length: 50 }, (_, i) => turso.databases.create(`tenant-${start + i}`, { group: "from-the-page" })));
      }
      const pagesBefore = standin.server.requestsFor(org).filter((r) => /\/databases\?limit=1000/.test(r.path)).length;
      await page.click("#list-all");
      await page.waitForFunction((count) => document.querySelector("#all-count").textContent.startsWith(`${count} databases`), extra + 2);
      const pages = standin.server.requestsFor(org).filter((r) => /\/databases\?limit=1000/.test(r.path));
      assert.equal(pages.length - pagesBefore, large ? 2 : 1);
      if (large) {
        assert.match(pages.at(-1).path, /&cursor=/);
        await page.fill("#search-databases", "tenant-104");
        assert.deepEqual(
          (await page.$$eval("#all-list tbody tr", (rows) => rows.map((row) => row.dataset.database))).sort(),
          ["tenant-104", "tenant-1040", "tenant-1041", "tenant-1042", "tenant-1043", "tenant-1044", "tenant-1045", "tenant-1046", "tenant-1047", "tenant-1048", "tenant-1049"],
        );
        assert.equal(await page.textContent("#all-count"), "1052 databases, 11 matching");
      }
      await page.fill("#search-databases", "drop");
      assert.deepEqual(await page.$$eval("#all-list tbody tr", (rows) => rows.map((row) => row.dataset.database)), ["dropped"]);
      await page.click('#all-list tr[data-database="dropped"] button[data-action=details]');
      await page.waitForSelector('#database-detail[data-database="dropped"]:not([hidden])');
      await page.waitForFunction(() => !document.querySelector("[aria-busy]"));
      assert.ok(await page.$eval("#all-databases", (card) => card.nextElementSibling?.id === "database-detail"));
      assert.ok(await inViewport("#detail-name"));
      await neverSideways();
      await shot("every-database");
      await page.fill("#search-databases", "");
      // The group goes in the last test, which only an empty group allows.
      const names = [...Array.from({ length: extra }, (_, i) => `tenant-${i}`), "from-a-file", "dropped"];
      await Promise.all(names.map((name) => turso.databases.delete(name)));
    });

    test("shows the organization's usage and plan", async () => {
      const shown = await outcome("#organization", () => page.click("#load-usage"));
      assert.equal(shown.title, "Usage and plan this period");
      const facts = await page.$$eval("#organization .facts dt", (terms) => Object.fromEntries(terms.map((dt) => [dt.textContent, dt.nextElementSibling.textContent])));
      assert.equal(facts.plan, "scaler (monthly)");
      assert.equal(facts.groups, "1");
    });

    test("members and invites: listed, invited and withdrawn", async () => {
      await page.click("#load-people");
      await page.waitForSelector('#members tr[data-member="standin-user"]');
      await page.fill("#invite input[name=email]", "new@example.com");
      await page.selectOption("#invite select[name=role]", "viewer");
      const invited = await outcome("#people", () => page.click("#invite button"));
      assert.deepEqual([invited.title, invited.body], ["Invited", "new@example.com as viewer"]);
      await page.waitForSelector('#invites tr[data-invite="new@example.com"]');
      const withdrawn = await outcome("#people", () => page.click('#invites tr[data-invite="new@example.com"] button'));
      assert.equal(withdrawn.title, "Invite withdrawn");
      await page.waitForSelector("#invites", { state: "hidden" });
    });

    test("API tokens: created, its secret shown once, listed and revoked", async () => {
      const name = `www-${label}-bot`;
      await page.fill("#create-api-token input[name=name]", name);
      const created = await outcome("#api-tokens", () => page.click("#create-api-token button"));
      assert.equal(created.title, `API token ${name} created`);
      assert.equal(created.secret.split(".").length, 3);
      await page.waitForSelector(`#api-token-list tr[data-token="${name}"]`);
      await shot("api-token");
      page.once("dialog", (dialog) => dialog.accept());
      const revoked = await outcome("#api-tokens", () => page.click(`#api-token-list tr[data-token="${name}"] button`));
      assert.equal(revoked.title, "API token revoked");
      await page.waitForSelector(`#api-token-list tr[data-token="${name}"]`, { state: "detached" });
    });

    test("the audit log, every page through all()", async () => {
      const shown = await outcome("#audit", () => page.click("#load-audit"));
      const entries = Number(shown.title.split(" ")[0]);
      assert.ok(entries > 0, shown.title);
      assert.equal(await page.$$eval("#audit-list tbody tr", (rows) => rows.length), Math.min(entries, 200));
      assert.ok(standin.server.requestsFor(org).some((r) => /\/audit-logs\?page=1$/.test(r.path) || /\/audit-logs\?page_size=\d+&page=1$/.test(r.path)));
    });

    test("deletes a group only after the confirmation", async () => {
      const deletes = () => standin.server.requestsFor(org).filter((r) => r.method === "DELETE" && r.path.includes("/groups/"));
      const before = deletes().length;
      page.once("dialog", (dialog) => dialog.dismiss());
      await page.click(`${rowOf("from-the-page")} button[data-action=delete]`);
      assert.equal(deletes().length, before, "a dismissed confirmation sends nothing");
      page.once("dialog", (dialog) => {
        assert.match(dialog.message(), /Delete the group from-the-page/);
        dialog.accept();
      });
      const deleted = await outcome("#groups-card", () => page.click(`${rowOf("from-the-page")} button[data-action=delete]`));
      assert.equal(deleted.title, "Group deleted");
      await page.waitForSelector(rowOf("from-the-page"), { state: "detached" });
      assert.deepEqual(await groupsShown(), []);
      assert.equal(await page.isHidden("#databases"), true, "the deleted group's databases are closed");
      assert.equal(deletes().length, before + 1);
    });

    test("a failed switch, and a failed connect, leave nothing of the organization before", async () => {
      await createGroup({ name: "left-behind" });
      await page.waitForSelector(rowOf("left-behind"));
      // An organization the list offers but the token cannot reach: this one answers 401.
      const refusing = "fault-echo-token--www";
      await page.$eval("#org-switch", (select, slug) => select.append(new Option(slug, slug)), refusing);
      const switched = await outcome("#bar", () => page.selectOption("#org-switch", refusing));
      assert.equal(switched.fields.code, "unauthorized");
      assert.deepEqual(await groupsShown(), []);
      assert.equal(await page.isHidden("#console"), true);
      assert.deepEqual(await page.$$eval(".org-name", (names) => names.filter((name) => name.textContent !== "").length), 0);
      await shot("failed-switch");

      await page.selectOption("#org-switch", org);
      await page.waitForSelector(rowOf("left-behind"));
      await page.click("#disconnect");
      assert.equal(await page.isVisible("#connect"), true);
      assert.equal(await page.isHidden("#bar"), true);
      const failed = await outcome("#connect", () => connect(freshOrg("www-other"), "not-the-token"));
      assert.equal(failed.fields.code, "unauthorized");
      assert.deepEqual(await groupsShown(), [], "the old organization's groups are gone");
      assert.equal(await page.isHidden("#console"), true);
      assert.equal(await page.isHidden("#bar"), true);
      await shot("failed-connect");

      await connect(org);
      await page.waitForSelector(rowOf("left-behind"));
      await outcome("#groups-card", async () => {
        page.once("dialog", (dialog) => dialog.accept());
        await page.click(`${rowOf("left-behind")} button[data-action=delete]`);
      });
    });

    test("the API token is neither stored nor shown", async () => {
      const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
      assert.ok(!stored.includes(TOKEN));
      assert.ok(!(await page.content()).includes(TOKEN));
      assert.equal(await page.inputValue("input[name=token]"), "", "the field is cleared once the client holds it");
      assert.equal(await page.getAttribute("input[name=token]", "type"), "password");
    });
  });
}

consoleAt({ width: 1280, height: 720, label: "desktop", large: true });
consoleAt({ width: 390, height: 844, label: "phone", large: false });
