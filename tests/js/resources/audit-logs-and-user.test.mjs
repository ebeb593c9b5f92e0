// Audit logs and the user, through the built package against the stateful stand-in: what
// each call resolves to, what went on the wire, and what is refused before
// sending.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { assertNeverShown, clientFor, freshOrg, rejection, TOKEN, useStandin } from "../helpers.mjs";

const standin = useStandin();
const client = clientFor(standin);

describe("audit logs and the user", () => {
  test("one page, and all() walks every page one at a time", async () => {
    const org = freshOrg("audit");
    const turso = client(org);
    for (const name of ["a", "b", "c", "d", "e"]) await turso.groups.create(name, { location: "lhr" });
    const page = await turso.auditLogs.list({ pageSize: 2, page: 2 });
    assert.deepEqual(page.pagination, { page: 2, page_size: 2, total_pages: 3, total_rows: 5 });
    assert.deepEqual(page.audit_logs.map((entry) => entry.data.group), ["c", "b"]);

    const before = standin.server.requestsFor(org).length;
    const seen = [];
    for await (const entry of turso.auditLogs.all({ pageSize: 2 })) {
      seen.push(entry.data.group);
      // Pages are fetched as they are consumed: never more than one ahead.
      assert.equal(standin.server.requestsFor(org).length - before, Math.ceil(seen.length / 2));
    }
    assert.deepEqual(seen, ["e", "d", "c", "b", "a"]);
    assert.deepEqual(
      standin.server.requestsFor(org).slice(before).map((r) => new URL(r.path, "http://x").search),
      ["?page_size=2&page=1", "?page_size=2&page=2", "?page_size=2&page=3"],
    );
  });

  test("all() stops when asked to, and honours its signal", async () => {
    const org = freshOrg("audit-stop");
    const turso = client(org);
    for (const name of ["a", "b", "c"]) await turso.groups.create(name, { location: "lhr" });
    const before = standin.server.requestsFor(org).length;
    for await (const entry of turso.auditLogs.all({ pageSize: 1 })) {
      assert.equal(entry.data.group, "c");
      break;
    }
    assert.equal(standin.server.requestsFor(org).length - before, 1, "breaking out fetches no further page");

    const controller = new AbortController();
    const pages = turso.auditLogs.all({ pageSize: 1, signal: controller.signal });
    assert.equal((await pages.next()).value.data.group, "c");
    controller.abort();
    await rejection(pages.next(), { code: "aborted", attempts: 0 });
    await rejection(turso.auditLogs.all({ pageSize: 0 }).next(), { code: "invalid_argument", field: "pageSize" });
    await rejection(turso.auditLogs.all(42).next(), { code: "invalid_argument", field: "options" });
    // The caller's options reach each page as given, not as a copy that
    // would drop what is not enumerable.
    const hidden = Object.defineProperty({ pageSize: 1 }, "signal", { value: AbortSignal.abort() });
    await rejection(turso.auditLogs.all(hidden).next(), { code: "aborted", attempts: 0 });
    await rejection(turso.databases.list(hidden), { code: "invalid_argument", field: "pageSize" });
    const other = client(freshOrg("hidden-option"));
    await other.groups.create("g", "lhr");
    await other.databases.create("db", { group: "g" });
    const hiddenGroup = Object.defineProperty({}, "group", { value: "none-such" });
    assert.deepEqual(await other.databases.list(hiddenGroup), []);
    assert.equal((await other.databases.list()).length, 1);
  });

  test("user.get() is the token's user", async () => {
    const user = await client(freshOrg("user")).user.get();
    assert.equal(user.username, "standin-user");
    assert.equal(standin.server.requests.at(-1).path, "/v1/user");
  });
});

test("the token appears in no error of this file", () => assertNeverShown(TOKEN));
