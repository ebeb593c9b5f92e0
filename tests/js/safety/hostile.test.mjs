// What a hostile server, or a host whose fetch misbehaves, gets from the
// package: typed errors, with no secret in them.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createClient, createGroup, TursoClientError } from "turso-platform-wasm";
import { assertNeverShown, rejection, said, TOKEN, useStandin } from "../helpers.mjs";

const standin = useStandin();

describe("secrets in errors", () => {
  test("a server that echoes the token gets it redacted from message and body", async () => {
    const turso = createClient({ org: "fault-echo-token", token: TOKEN, baseUrl: standin.url });
    for (const call of [() => turso.groups.list(), () => turso.groups.create("g", "lhr")]) {
      const error = await rejection(call(), { code: "unauthorized", status: 401 });
      assert.match(error.message, /^groups\.(list|create): (GET|POST) \/v1\/organizations\/fault-echo-token\/groups answered HTTP 401: bad credentials: Bearer \[redacted\]$/);
      assert.equal(error.body, '{"error":"bad credentials: Bearer [redacted]"}');
      assertNeverShown(TOKEN, [error]);
    }
    const cut = createClient({ org: "fault-echo-token-cut", token: TOKEN, baseUrl: standin.url });
    const error = await rejection(cut.groups.get("g"), { code: "unauthorized", status: 401 });
    assert.match(error.body, /"tail":"Bearer \[redacted\]$/, "the token's start, where the body was cut, is redacted");
    assertNeverShown(TOKEN.slice(0, 5), [error]);
  });

  test("no secret a call holds is in any field of its error, whichever way it got there", async () => {
    const KEY = "c2VjcmV0LWtleS1tYXRlcmlhbC0wMTIzNDU2Nzg5";
    const MINTED = "eyJhbGciOiJFZERTQSJ9.minted-bare.signature";
    const encrypted = (cipher) => ({ group: "g", remote_encryption: { encryption_key: KEY, encryption_cipher: cipher } });
    const client = (org) => createClient({ org, token: TOKEN, baseUrl: standin.url, maxRetries: 0 });
    // [secret, how it got into the error, the call]
    const CASES = [
      [KEY, "argument: a misspelt cipher", () => client("acme").databases.create("x", encrypted("aes-256-gcm"))],
      [KEY, "argument: a cipher of the wrong type", () => client("acme").databases.create("x", encrypted(256))],
      [KEY, "echo: in the error's text, body and code", () => client("fault-echo-request").databases.create("x", encrypted("aes256gcm"))],
      [KEY, "answer: a success that echoes the body", () => client("fault-echo-request-as-answer").databases.create("x", encrypted("aes256gcm"))],
      [TOKEN, "argument: a token with a space", () => createGroup("acme", `${TOKEN} x`, "g", "lhr", null, { baseUrl: standin.url })],
      [TOKEN, "echo: in the error's text, body and code", () => client("fault-echo-request").groups.create("g", "lhr")],
      [MINTED, "answer: groups.createToken", () => client("fault-token-bare-string").groups.createToken("g")],
      [MINTED, "answer: databases.createToken", () => client("fault-token-bare-string").databases.createToken("db")],
      [MINTED, "answer: apiTokens.create", () => client("acme").apiTokens.create("fault-token-bare-string")],
    ];
    for (const [secret, how, call] of CASES) {
      const error = await call().then(
        () => assert.fail(`${how}: resolved`),
        (error) => error,
      );
      assert.ok(error instanceof TursoClientError, `${how}: ${error}`);
      assertNeverShown(secret, [error]);
      assertNeverShown(secret.slice(0, 12), [error]);
    }
  });

  test("a rejected baseUrl is shown without its credentials, query or fragment", async () => {
    for (const baseUrl of ["https://user:pass-secret@api.turso.tech", "http://api.turso.tech/?key=query-secret", "ftp://h/#frag-secret"]) {
      const error = await rejection(createGroup("acme", TOKEN, "g", "lhr", null, { baseUrl }), { field: "baseUrl" });
      assert.doesNotMatch(error.message, /secret/, error.message);
    }
  });
});

describe("answers that are not what the types say", () => {
  test("an array where an object belongs is a decode_error, even where every field is optional", async () => {
    const turso = createClient({ org: "fault-array-answers", token: TOKEN, baseUrl: standin.url, maxRetries: 0 });
    for (const call of [
      () => turso.groups.getConfiguration("g"),
      () => turso.databases.getConfiguration("db"),
      () => turso.organizations.subscription(),
      () => turso.databases.usage("db"),
    ]) {
      const error = await rejection(call(), { code: "decode_error", status: 200 });
      assert.match(error.message, /it is an array, where an object belongs$/);
    }
  });
});

describe("redirects, which the API never sends", () => {
  test("are not followed: one request, a typed error, whatever maxRetries says", async () => {
    for (const org of ["fault-redirect-same", "fault-redirect-cross-origin"]) {
      const turso = createClient({ org, token: TOKEN, baseUrl: standin.url, maxRetries: 10 });
      for (const [call, status] of [
        [() => turso.groups.create("g", "lhr"), org === "fault-redirect-same" ? 307 : 308],
        [() => turso.groups.list(), org === "fault-redirect-same" ? 307 : 308],
      ]) {
        const before = standin.server.requests.length;
        const error = await rejection(call(), { code: "http_error", status, attempts: 1 });
        assert.match(error.message, /a redirect \(HTTP 30[78]\), which this client does not follow/);
        assert.equal(standin.server.requests.length, before + 1, `${org}: nothing is sent again`);
      }
    }
    assert.ok(!standin.server.requests.some((r) => r.path.includes("/redirected/")), "the other origin got nothing");
  });
});

// The cases that must not reach the host run each in a process of their own:
// host-values.test.mjs.
describe("a replaced fetch that misbehaves", () => {
  const group = JSON.stringify({ group: { name: "g", uuid: "u" } });
  const sized = { headers: { "content-length": String(group.length) } };
  /** Runs `call` with `fake` as the global fetch, then checks a real call still works. */
  async function withFetch(fake, call) {
    const real = globalThis.fetch;
    globalThis.fetch = fake;
    try {
      return await call(createClient({ org: "acme", token: TOKEN, baseUrl: standin.url, maxRetries: 0 }));
    } finally {
      globalThis.fetch = real;
      const healthy = createClient({ org: "hostile-fetch-after", token: TOKEN, baseUrl: standin.url });
      assert.ok(Array.isArray(await healthy.groups.list()), "the module still works");
    }
  }

  test("one that ignores its signal is cut short by the call's own timer, or by the caller's signal", async () => {
    const hangs = () => new Promise(() => {});
    const bodyHangs = async () => new Response(new ReadableStream({ pull: () => new Promise(() => {}) }));
    for (const fake of [hangs, bodyHangs]) {
      await withFetch(fake, async (turso) => {
        const started = Date.now();
        await rejection(turso.groups.get("g", { timeoutMs: 150 }), { code: "timeout", attempts: 1 });
        assert.ok(Date.now() - started < 2_000);
        const controller = new AbortController();
        setTimeout(() => controller.abort(), 50);
        await rejection(turso.groups.create("g", { location: "lhr", signal: controller.signal }), { code: "aborted" });
      });
    }
  });

  test("one that returns a thenable calling back at once works", async () => {
    const thenable = () => ({ then: (resolve) => resolve(new Response(group, sized)) });
    const got = await withFetch(thenable, (turso) => turso.groups.get("g"));
    assert.deepEqual(got, { name: "g", uuid: "u" });
  });
});

describe("arguments are measured before they are copied", () => {
  test("huge strings and a huge sparse array are refused, and leave wasm memory as it was", async () => {
    const { initSync } = await import("../../../pkg/turso_platform_wasm.js");
    const memory = () => initSync().memory.buffer.byteLength;
    const huge = "a".repeat(5e7);
    const sparse = [];
    sparse.length = 2e7;
    const cases = [
      ["org", () => createGroup(huge, TOKEN, "g", "lhr"), /^org is longer than 8192 characters$/],
      ["token", () => createGroup("acme", huge, "g", "lhr"), /^token is longer than 8192 characters$/],
      ["baseUrl", () => createGroup("acme", TOKEN, "g", "lhr", null, { baseUrl: huge }), /^baseUrl is longer/],
      ["name", () => createClient({ org: "acme", token: TOKEN }).groups.get(huge), /^name is longer/],
      ["name", () => createGroup("acme", TOKEN, huge, "lhr"), /^name is larger than 65536 characters/],
      ["extensions", () => createGroup("acme", TOKEN, "g", "lhr", sparse), /^extensions is larger than/],
      ["permissions", () => createClient({ org: "acme", token: TOKEN }).groups.createToken("g", { permissions: { read_attach: { databases: sparse } } }), /^permissions is larger than/],
    ];
    await createGroup("acme", TOKEN, "warm-up", "lhr", null, { baseUrl: "http://127.0.0.1:9", maxRetries: 0 }).catch(() => {});
    const before = memory();
    for (const [field, call, message] of cases) {
      const error = await rejection(call(), { code: "invalid_argument", field, attempts: 0 });
      assert.match(said(error), message);
    }
    assert.equal(memory(), before, "no argument grew wasm memory");
  });
});

describe("baseUrl is split by the host's URL parser", () => {
  test("what the WHATWG parser refuses is invalid_argument, with nothing sent", async () => {
    for (const baseUrl of ["https://api.turso.tech:+443", "http://127.0.0.08", "https://999.1.1.1", "https://[1]"]) {
      assert.throws(() => new URL(baseUrl), TypeError, `${baseUrl} is one the parser refuses`);
      const error = await rejection(createGroup("acme", TOKEN, "g", "lhr", null, { baseUrl }), {
        code: "invalid_argument",
        field: "baseUrl",
        attempts: 0,
      });
      assert.match(error.message, /a URL parser refuses it/);
      assert.throws(() => createClient({ org: "acme", token: TOKEN, baseUrl }), { field: "baseUrl" });
      assert.throws(() => createClient({ org: "acme", token: TOKEN, regionUrl: baseUrl }), { field: "regionUrl" });
    }
  });

  test("what it normalizes is called as normalized", async () => {
    const port = new URL(standin.url).port;
    const turso = createClient({ org: "normalized-url", token: TOKEN, baseUrl: `http://127.1:${port}//` });
    assert.deepEqual(await turso.groups.list(), []);
    assert.equal(standin.server.requestsFor("normalized-url").at(-1).path, "/v1/organizations/normalized-url/groups");
  });
});
