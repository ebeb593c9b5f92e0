// The fault matrix: every way the server or the network can misbehave, each
// with the exact code, status and attempts, and the requests the server saw.
// Retries happen only where the server said it did not act (429, 503 with
// Retry-After), so no case may ever create a group twice.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, test } from "node:test";
import { createClient, createGroup } from "turso-platform-wasm";
import { assertNeverShown, clientFor, refusedPort, rejection, TOKEN, useStandin } from "../helpers.mjs";

const standin = useStandin();
const client = clientFor(standin);
const call = (org, options = {}) =>
  createGroup(org, TOKEN, "fault-group", "lhr", undefined, { baseUrl: standin.url, ...options });
const seen = (org) => standin.server.requestsFor(org).map((r) => r.status ?? "no answer");

/** [org, expected error fields, statuses the server answered, options] */
const FAILURES = [
  ["fault-html-500", { code: "server_error", status: 500, attempts: 1 }, [500]],
  ["fault-502", { code: "server_error", status: 502, attempts: 1 }, [502]],
  ["fault-504", { code: "server_error", status: 504, attempts: 1 }, [504]],
  ["fault-503", { code: "server_error", status: 503, attempts: 1, message: "groups.create: POST /v1/organizations/fault-503/groups answered HTTP 503: service unavailable" }, [503]],
  ["fault-429-always", { code: "rate_limited", status: 429, attempts: 3 }, [429, 429, 429]],
  ["fault-429-always--none", { code: "rate_limited", attempts: 1 }, [429], { maxRetries: 0 }],
  ["fault-429-always--four", { code: "rate_limited", attempts: 5 }, [429, 429, 429, 429, 429], { maxRetries: 4 }],
  ["fault-429-too-long", { code: "rate_limited", status: 429, attempts: 1 }, [429]],
  ["fault-409-retry-after", { code: "conflict", status: 409, attempts: 1 }, [409]],
  ["fault-reset", { code: "network_error", attempts: 1 }, ["no answer"]],
  ["fault-reset-mid-body", { code: "network_error", attempts: 1 }, [200]],
  ["fault-slow", { code: "timeout", attempts: 1 }, ["no answer"], { timeoutMs: 200 }],
  ["fault-stall-body", { code: "timeout", attempts: 1 }, [200], { timeoutMs: 200 }],
  ["fault-truncated-json", { code: "decode_error", status: 200, attempts: 1 }, [200]],
  ["fault-wrong-shape", { code: "decode_error", status: 200, attempts: 1 }, [200]],
  ["fault-html-labelled-json", { code: "decode_error", status: 200, attempts: 1 }, [200]],
];

describe("failures", () => {
  for (const [org, expected, statuses, options] of FAILURES) {
    test(`${org} ${options ? JSON.stringify(options) : ""}`, async () => {
      await rejection(call(org, options), expected);
      assert.deepEqual(seen(org), statuses);
    });
  }

  test("invalid UTF-8 in a success is a decode_error", async () => {
    const error = await rejection(call("fault-invalid-utf8"), { code: "decode_error", status: 200, attempts: 1 });
    assert.match(error.message, /not valid UTF-8/);
  });

  test("a 10 MiB body is a decode_error, read no further than 1 MiB", async () => {
    const before = process.memoryUsage().rss;
    const error = await rejection(call("fault-huge-body"), { code: "decode_error", status: 200, attempts: 1 });
    assert.match(error.message, /larger than 1048576 bytes/);
    assert.ok(error.body.length <= 4096, `body kept: ${error.body.length}`);
    assert.ok(process.memoryUsage().rss - before < 64 * 1024 * 1024);
  });

  test("a gzip body that inflates to 10 MiB is a decode_error, read no further than 1 MiB", async () => {
    const error = await rejection(call("fault-gzip-bomb"), { code: "decode_error", status: 200, attempts: 1 });
    assert.match(error.message, /larger than 1048576 bytes/);
  });

  test("a refused connection is a network_error after one attempt", async () => {
    const port = await refusedPort();
    await rejection(createGroup("acme", TOKEN, "g", "lhr", null, { baseUrl: `http://127.0.0.1:${port}` }), {
      code: "network_error",
      attempts: 1,
    });
  });

  test("an abort during a body read is aborted", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await rejection(call("fault-stall-body--abort", { signal: controller.signal }), { code: "aborted", attempts: 1 });
  });
});

describe("retries that succeed", () => {
  const RECOVERIES = [
    ["fault-503-retry-after-then-ok", 1_000],
    ["fault-429-seconds-then-ok", 1_000],
    ["fault-429-date-then-ok", 1_000],
    ["fault-429-backoff-then-ok", 0],
  ];
  for (const [org, minimumWaitMs] of RECOVERIES) {
    test(`${org} creates the group once, after waiting`, async () => {
      const started = Date.now();
      const group = await call(org);
      assert.equal(group.name, "fault-group");
      assert.ok(Date.now() - started >= minimumWaitMs - 50, `waited ${Date.now() - started} ms`);
      const [first, second, ...rest] = seen(org);
      assert.deepEqual([second, rest], [200, []]);
      assert.ok(first === 429 || first === 503);
    });
  }

  test("a content-type that lies is ignored: a JSON body labelled text/html is read", async () => {
    const group = await call("fault-json-labelled-html");
    assert.equal(group.name, "labelled");
  });

  test("the client's maxRetries applies, and a call's own overrides it", async () => {
    const turso = createClient({ org: "fault-429-always--client", token: TOKEN, baseUrl: standin.url, maxRetries: 1 });
    await rejection(turso.groups.create("g", "lhr"), { code: "rate_limited", attempts: 2 });
    await rejection(turso.groups.create("g", "lhr", { maxRetries: 0 }), { code: "rate_limited", attempts: 1 });
  });
});

describe("retries within the call's limits", () => {
  test("a Retry-After that would pass the deadline is not waited for", async () => {
    const started = Date.now();
    await rejection(call("fault-429-seconds-then-ok--deadline", { timeoutMs: 500 }), {
      code: "rate_limited",
      attempts: 1,
    });
    assert.ok(Date.now() - started < 450, `gave up after ${Date.now() - started} ms`);
    assert.deepEqual(seen("fault-429-seconds-then-ok--deadline"), [429]);
  });

  test("an abort during the wait before a retry is aborted, with no second request", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const started = Date.now();
    await rejection(call("fault-429-seconds-then-ok--abort", { signal: controller.signal }), {
      code: "aborted",
      attempts: 1,
    });
    assert.ok(Date.now() - started < 900);
    assert.deepEqual(seen("fault-429-seconds-then-ok--abort"), [429]);
  });
});

describe("afterwards", () => {
  test("no group was ever created twice", () => {
    const created = new Map();
    for (const request of standin.server.requests) {
      if (request.status !== 200) continue;
      const key = `${request.path} ${JSON.parse(request.body).name}`;
      created.set(key, (created.get(key) ?? 0) + 1);
    }
    assert.ok(created.size >= 5);
    for (const [key, count] of created) assert.equal(count, 1, key);
  });

  test("a finished call leaves no timer behind: the process exits at once", async () => {
    const root = fileURLToPath(new URL("../../../", import.meta.url));
    const script = `
      import { createGroup } from "turso-platform-wasm";
      await createGroup("exit-check", "${TOKEN}", "g", "lhr", null, { baseUrl: "${standin.url}" });
      await createGroup("fault-429-always--exit", "${TOKEN}", "g", "lhr", null, { baseUrl: "${standin.url}" }).catch(() => {});
    `;
    const started = Date.now();
    await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], { cwd: root });
    assert.ok(Date.now() - started < 10_000, `exited after ${Date.now() - started} ms; the default timeout is 60 s`);
  });
});

describe("retries by method, on every resource", () => {
  test("a GET is retried after a 502; a POST, PATCH or DELETE is not", async () => {
    assert.deepEqual(await client("fault-502-then-ok--dblist").databases.list(), []);
    assert.equal(standin.server.requestsFor("fault-502-then-ok--dblist").length, 2);
    await rejection(client("fault-502-then-ok--dbcreate").databases.create("db", { group: "g" }), {
      code: "server_error",
      attempts: 1,
    });
    await rejection(client("fault-502-then-ok--member").members.updateRole("iku", "admin"), { code: "server_error", attempts: 1 });
    await rejection(client("fault-502-then-ok--invite").invites.delete("iku@turso.tech"), { code: "server_error", attempts: 1 });
  });

  test("an error body that is not JSON keeps its status; an API code is kept", async () => {
    await rejection(client("fault-html-500").members.list(), { code: "server_error", status: 500 });
    const error = await rejection(client("fault-echo-token").auditLogs.list(), { code: "unauthorized", status: 401 });
    assertNeverShown(TOKEN, [error]);
  });
});

test("no error of this file shows the token", () => assertNeverShown(TOKEN));
