// Every kind of bad argument: a typed invalid_argument naming it, and nothing sent.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createClient, createGroup, TursoClientError } from "turso-platform-wasm";
import { assertNeverShown, rejection, said, TOKEN, useStandin } from "../helpers.mjs";

const standin = useStandin();
const ORG = "acme";
const good = () => ({ org: ORG, token: TOKEN, name: "g", location: "lhr", extensions: undefined });
const flat = (args, options = {}) =>
  createGroup(args.org, args.token, args.name, args.location, args.extensions, { baseUrl: standin.url, ...options });

/** [field, override of the good arguments, what the message must say] */
const BAD_ARGUMENTS = [
  ["org", { org: "" }, /^org must not be empty$/],
  ["org", { org: "." }, /must not be "\." or "\.\."/],
  ["org", { org: ".." }, /must not be "\." or "\.\."/],
  ["org", { org: 42 }, /org must be a string; got number/],
  ["org", { org: undefined }, /org must be a string; got undefined/],
  ["token", { token: "" }, /token must not be empty/],
  ["token", { token: `Bearer ${TOKEN}` }, /drop the leading "Bearer "/],
  ["token", { token: "abc\r\nX-Injected: 1" }, /visible ASCII/],
  ["token", { token: "has space" }, /visible ASCII/],
  ["token", { token: "tökén" }, /visible ASCII/],
  ["token", { token: null }, /token must be a string; got null/],
  ["name", { name: "" }, /^name must not be empty$/],
  ["name", { name: ".." }, /must not be "\." or "\.\."/],
  ["name", { name: { toString: () => "g" } }, /^name or a value in it must be a string; got \{\}$/],
  ["name", { name: "\uD800bad" }, /^name must be well-formed Unicode: it has a lone surrogate/],
  ["org", { org: "acme\uDFFF" }, /^org must be well-formed Unicode: it has a lone surrogate/],
  ["location", { location: "." }, /location must not be/],
  ["location", { location: ["lhr"] }, /^location or a value in it must be a string; got \["lhr"\]$/],
  ["location", { location: undefined }, /^location is required$/],
  ["extensions", { extensions: ["postgis"] }, /^extensions or a value in it must be one of `vector`, `vec`, `crypto`, `fuzzy`, `math`, `stats`, `text`, `unicode`, `uuid`, `regexp`; got \["postgis"\]$/],
  ["extensions", { extensions: ["vector", "uuid", "uuid"] }, /^extensions\[2\] repeats an extension listed before it/],
  ["extensions", { extensions: ["vector", 1] }, /^extensions or a value in it must be one of vector, vec, .*; got \["vector",1\]$/],
  ["extensions", { extensions: "none" }, /extensions must be "all" or an array of distinct values from vector, .*; got "none"$/],
  ["extensions", { extensions: "ALL" }, /got "ALL"/],
  ["extensions", { extensions: 3 }, /got 3$/],
  ["extensions", { extensions: { vector: true } }, /got \{"vector":true\}$/],
];

const BAD_OPTIONS = [
  ["options", "fast", /options must be an object; got string/],
  ["options", [], /options must be an object; got an array/],
  ["baseUrl", { baseUrl: "http://api.turso.tech" }, /plain http: is allowed only for localhost/],
  ["baseUrl", { baseUrl: "http://10.0.0.1:8080" }, /plain http:/],
  ["baseUrl", { baseUrl: "ftp://api.turso.tech" }, /only http: and https:/],
  ["baseUrl", { baseUrl: "api.turso.tech" }, /a URL parser refuses it/],
  ["baseUrl", { baseUrl: "https://api.turso.tech?x=1" }, /query or fragment/],
  ["baseUrl", { baseUrl: "https://user:pw@api.turso.tech" }, /credentials/],
  ["baseUrl", { baseUrl: 8080 }, /baseUrl must be a string; got number/],
  ["timeoutMs", { timeoutMs: 0 }, /timeoutMs must be a number of milliseconds from 1/],
  ["timeoutMs", { timeoutMs: -1 }, /from 1/],
  ["timeoutMs", { timeoutMs: Number.NaN }, /from 1/],
  ["timeoutMs", { timeoutMs: "100" }, /timeoutMs must be a number; got string/],
  ["signal", { signal: "stop" }, /signal must be an AbortSignal; got string/],
  ["signal", { signal: { aborted: false } }, /signal must be an AbortSignal; got object/],
];

describe("createGroup rejects bad arguments before sending", () => {
  for (const [field, override, message] of BAD_ARGUMENTS) {
    const shown = JSON.stringify(override).slice(0, 60);
    test(`${field}: ${shown}`, async () => {
      const before = standin.server.requests.length;
      const error = await rejection(flat({ ...good(), ...override }), { code: "invalid_argument", field, attempts: 0 });
      assert.match(said(error), message);
      assert.equal(error.status, undefined);
      assert.equal(standin.server.requests.length, before, "nothing may be sent");
    });
  }

  for (const [field, options, message] of BAD_OPTIONS) {
    test(`${field}: ${JSON.stringify(options)}`, async () => {
      const before = standin.server.requests.length;
      const error = await rejection(
        createGroup(ORG, TOKEN, "g", "lhr", undefined, typeof options === "object" && !Array.isArray(options) ? { baseUrl: standin.url, ...options } : options),
        { code: "invalid_argument", field, attempts: 0 },
      );
      assert.match(said(error), message);
      assert.equal(standin.server.requests.length, before, "nothing may be sent");
    });
  }

  test("a getter that throws is reported, not raised", async () => {
    const options = { baseUrl: standin.url };
    Object.defineProperty(options, "timeoutMs", {
      get() {
        throw new Error("boom");
      },
    });
    await rejection(createGroup(ORG, TOKEN, "g", "lhr", undefined, options), {
      code: "invalid_argument",
      field: "timeoutMs",
    });
  });

  test("a body argument that can't be read as JSON is reported by name", async () => {
    const throwing = { toJSON() { throw new Error("boom"); } };
    for (const [field, value] of [["name", 42n], ["location", throwing], ["extensions", [throwing]]]) {
      const args = { ...good(), [field]: value };
      const error = await rejection(flat(args), { code: "invalid_argument", field, attempts: 0 });
      assert.equal(error.message, `groups.create: ${field} could not be read as JSON`);
    }
  });

  test("invalid calls never throw synchronously", async () => {
    let pending;
    assert.doesNotThrow(() => {
      pending = createGroup();
    });
    assert.ok(pending instanceof Promise);
    await rejection(pending, { code: "invalid_argument", field: "org" });
  });

  test("nothing reached the server in this file", () => {
    assert.equal(standin.server.requests.length, 0);
  });
});

describe("createClient", () => {
  const config = () => ({ org: ORG, token: TOKEN, baseUrl: standin.url });

  const BAD_CONFIGS = [
    ["config", undefined, /createClient needs a config object/],
    ["config", "acme", /config must be an object; got string/],
    ["org", { token: TOKEN }, /org must be a string; got undefined/],
    ["token", { org: ORG }, /token must be a string/],
    ["token", { ...config(), token: `Bearer ${TOKEN}` }, /drop the leading "Bearer "/],
    ["baseUrl", { ...config(), baseUrl: "http://example.com" }, /plain http:/],
    ["timeoutMs", { ...config(), timeoutMs: Infinity }, /from 1/],
  ];

  for (const [field, given, message] of BAD_CONFIGS) {
    test(`throws for a bad ${field}`, () => {
      assert.throws(
        () => createClient(given),
        (error) => {
          assert.ok(error instanceof TursoClientError);
          assert.equal(error.code, "invalid_argument");
          assert.equal(error.field, field);
          assert.match(said(error), message);
          assertNeverShown(TOKEN, [error]);
          return true;
        },
      );
    });
  }

  const turso = () => createClient(config());
  const BAD_CREATES = [
    ["location", () => turso().groups.create("g"), /^location is required$/],
    ["location", () => turso().groups.create("g", {}), /^location is required$/],
    ["location", () => turso().groups.create("g", { location: 7 }), /^location must be a string; got 7$/],
    ["name", () => turso().groups.create("", "lhr"), /^name must not be empty$/],
    ["options", () => turso().groups.create("g", 5), /options must be an object; got number/],
    ["options", () => turso().groups.create("g", "lhr", "vector"), /options must be an object; got string/],
    ["extensions", () => turso().groups.create("g", "lhr", { extensions: ["nope"] }), /got \["nope"\]/],
    ["extensions", () => turso().groups.create("g", { location: "lhr", extensions: "some" }), /got "some"/],
    ["timeoutMs", () => turso().groups.create("g", "lhr", { timeoutMs: 0 }), /from 1/],
    ["signal", () => turso().groups.create("g", { location: "lhr", signal: 1 }), /AbortSignal/],
  ];

  for (const [field, run, message] of BAD_CREATES) {
    test(`groups.create rejects a bad ${field}: ${run.toString().slice(24, 80)}`, async () => {
      const before = standin.server.requests.length;
      const error = await rejection(run(), { code: "invalid_argument", field, attempts: 0 });
      assert.match(said(error), message);
      assert.equal(standin.server.requests.length, before, "nothing may be sent");
    });
  }

  // The field at fault is found by structure (src/bindings/body.rs): the
  // field serde was reading, or the one its missing_field names, whether it
  // comes first, last, or after fields left out.
  const BAD_DATABASE_CREATES = [
    ["group", {}, /^group is required$/],
    ["group", { group: 7 }, /^group must be a string; got 7$/],
    ["seed", { group: "g", seed: {} }, /^seed\.type is required$/],
    ["seed", { group: "g", seed: { type: "fork" } }, /^seed or a value in it must be/],
    ["size_limit", { group: "g", size_limit: 5 }, /^size_limit must be a string; got 5$/],
    ["remote_encryption", { group: "g", remote_encryption: "aes" }, /^remote_encryption must be/],
  ];

  for (const [field, options, message] of BAD_DATABASE_CREATES) {
    test(`databases.create names ${field} at fault: ${JSON.stringify(options)}`, async () => {
      const before = standin.server.requests.length;
      const error = await rejection(turso().databases.create("db", options), {
        code: "invalid_argument",
        field,
        attempts: 0,
      });
      assert.match(said(error), message);
      assert.equal(standin.server.requests.length, before, "nothing may be sent");
    });
  }

  test("no error shows the token anywhere", () => assertNeverShown(TOKEN));
});

describe("an option the call does not know is refused, not dropped", () => {
  const turso = (org) => createClient({ org, token: TOKEN, baseUrl: standin.url });
  // [call, options as given, the unknown key, the suggestion]
  const TYPOS = [
    [(t, o) => t.databases.updateConfiguration("db", o), { block_write: true }, "block_write", "block_writes"],
    [(t, o) => t.databases.create("x", o), { group: "g", size_limt: "1gb" }, "size_limt", "size_limit"],
    [(t, o) => t.groups.create("g", o), { location: "lhr", extensoins: ["vector"] }, "extensoins", "extensions"],
    [(t, o) => t.groups.list(o), { timeoutMS: 10 }, "timeoutMS", "timeoutMs"],
    [(t, o) => t.databases.list(o), { grup: "g" }, "grup", "group"],
    [(t, o) => t.groups.createToken("g", o), { expiraton: "1d" }, "expiraton", "expiration"],
  ];
  for (const [call, options, key, nearest] of TYPOS) {
    test(`${key}: did you mean ${nearest}?`, async () => {
      const org = `unknown-option-${key}`;
      const error = await rejection(call(turso(org), options), { code: "invalid_argument", field: key, attempts: 0 });
      assert.match(said(error), new RegExp(`^options\\.${key} is not an option it takes; did you mean ${nearest}\\?$`));
      assert.equal(standin.server.requestsFor(org).length, 0, "nothing is sent");
    });
  }

  test("so is an option given positionally too, and one in all()'s options", async () => {
    const org = "unknown-option-positional";
    await rejection(turso(org).groups.create("g", "lhr", { location: "ams" }), { field: "location", attempts: 0 });
    await rejection(turso(org).groups.get("g", { name: "h" }), { field: "name", attempts: 0 });
    const pages = turso(org).auditLogs.all({ page_sise: 5 });
    await rejection(pages.next(), { field: "page_sise", attempts: 0 });
    assert.equal(standin.server.requestsFor(org).length, 0);
  });

  test("so is a setting createClient or createGroup does not know", () => {
    assert.throws(
      () => createClient({ org: ORG, token: TOKEN, baseURL: standin.url }),
      (error) => error instanceof TursoClientError && error.field === "baseURL" && error.message === "createClient: config.baseURL is not an option it takes; did you mean baseUrl?",
    );
    return rejection(flat(good(), { regionUrl: "http://127.0.0.1:9" }), { field: "regionUrl", attempts: 0 });
  });

  test("an options object whose keys can't be listed is reported, not raised", async () => {
    const keysThrow = new Proxy({}, { ownKeys: () => { throw new Error("no keys"); } });
    await rejection(turso("unknown-option-proxy").groups.list(keysThrow), { field: "options", attempts: 0 });
  });

  test("an update with nothing to change is refused", async () => {
    const org = "unknown-option-empty-update";
    await rejection(turso(org).databases.updateConfiguration("db", {}), { field: "options", attempts: 0 });
    await rejection(turso(org).databases.updateConfiguration("db"), { field: "options", attempts: 0 });
    await rejection(turso(org).groups.updateConfiguration("g", {}), { field: "options", attempts: 0 });
    await rejection(turso(org).organizations.update({}), { field: "options", attempts: 0 });
    assert.equal(standin.server.requestsFor(org).length, 0);
  });
});
