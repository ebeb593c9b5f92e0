// What every call of a client shares, every declared one (tests/operations.json)
// and the paged auditLogs.all():
// limits and cancellation, and typed rejections for values that throw on
// any read, with nothing sent.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { clientFor, freshOrg, operations, rejection, useStandin } from "../helpers.mjs";

const standin = useStandin();

const client = clientFor(standin);

/** The arguments, valid for the stand-in, of each call that takes any. */
const ARGUMENTS = {
  "organizations.update": [{ overages: true }],
  "organizations.invoices": [{ type: "all" }],
  "groups.get": ["g"],
  "groups.create": ["g", { location: "lhr" }],
  "groups.delete": ["g"],
  "groups.getConfiguration": ["g"],
  "groups.updateConfiguration": ["g", { delete_protection: true }],
  "groups.transfer": ["g", { organization: "other" }],
  "groups.unarchive": ["g"],
  "groups.addLocation": ["g", "ams"],
  "groups.removeLocation": ["g", "ams"],
  "groups.updateDatabases": ["g"],
  "groups.createToken": ["g", {}],
  "groups.rotateTokens": ["g"],
  "groups.rename": ["g", "h"],
  "groups.waitForLocation": ["g", "lhr"],
  "groups.awsMigration": ["g"],
  "groups.startAwsMigration": ["g"],
  "groups.abortAwsMigration": ["g"],
  "databases.list": [{ group: "g" }],
  "databases.get": ["db"],
  "databases.create": ["db", { group: "g" }],
  "databases.delete": ["db"],
  "databases.getConfiguration": ["db"],
  "databases.updateConfiguration": ["db", { block_writes: true }],
  "databases.listInstances": ["db"],
  "databases.getInstance": ["db", "lhr"],
  "databases.createToken": ["db", { authorization: "read-only" }],
  "databases.rotateTokens": ["db"],
  "databases.wakeup": ["db"],
  "databases.transfer": ["db", { org: "other" }],
  "databases.waitForInstance": ["db", "lhr"],
  "databases.usage": ["db", { from: "2026-01-01T00:00:00Z" }],
  "databases.stats": ["db"],
  "members.get": ["iku"],
  "members.add": [{ username: "iku" }],
  "members.updateRole": ["iku", "viewer"],
  "members.remove": ["iku"],
  "invites.create": [{ email: "iku@turso.tech" }],
  "invites.delete": ["iku@turso.tech"],
  "apiTokens.create": ["ci"],
  "apiTokens.revoke": ["ci"],
  "apiTokens.revokeForOrganization": ["clGFZ4STEe6fljpFzIum8A"],
  "auditLogs.list": [{ pageSize: 10 }],
};

/** Every declared call, from the list generated from the declarations, with its arguments. */
const EVERY_CALL = operations.map(({ call }) => [...call.split("."), ARGUMENTS[call] ?? []]);

/** The call's arguments with `extra` merged into its options object. */
function withOptions(args, extra) {
  const last = args.at(-1);
  return typeof last === "object" ? [...args.slice(0, -1), { ...last, ...extra }] : [...args, extra];
}

describe("what every call shares", () => {
  test("each call with required arguments has them here, and each entry names a call", () => {
    for (const { call, args } of operations) {
      const needs = args.some((arg) => !arg.endsWith("?"));
      assert.ok(!needs || call in ARGUMENTS, `${call} needs its arguments in ARGUMENTS`);
    }
    const calls = operations.map(({ call }) => call);
    for (const call of Object.keys(ARGUMENTS)) assert.ok(calls.includes(call), `${call} is declared`);
  });

  test("an aborted signal sends nothing, from every call", async () => {
    const org = freshOrg("aborted");
    const turso = client(org);
    const controller = new AbortController();
    controller.abort();
    const before = standin.server.requests.length;
    for (const [resource, method, args] of EVERY_CALL) {
      const call = turso[resource][method](...withOptions(args, { signal: controller.signal }));
      await rejection(call, { code: "aborted", attempts: 0 });
    }
    await rejection(turso.auditLogs.all({ signal: controller.signal }).next(), { code: "aborted", attempts: 0 });
    assert.equal(standin.server.requests.length, before, "nothing was sent");
  });

  test("timeoutMs and maxRetries are checked on every call", async () => {
    const turso = client(freshOrg("limits"));
    for (const [resource, method, args] of EVERY_CALL) {
      await rejection(turso[resource][method](...withOptions(args, { timeoutMs: 0 })), { field: "timeoutMs" });
      await rejection(turso[resource][method](...withOptions(args, { maxRetries: 16 })), { field: "maxRetries" });
    }
  });

  test("a getter that throws, in any call's options, is reported, not raised", async () => {
    const turso = client(freshOrg("getter"));
    for (const [resource, method, args] of EVERY_CALL) {
      const options = Object.defineProperty({}, "signal", {
        get() {
          throw new Error("boom");
        },
      });
      let pending;
      assert.doesNotThrow(() => {
        pending = turso[resource][method](...withOptions(args, {}).slice(0, -1), options);
      });
      await rejection(pending, { code: "invalid_argument", field: "signal" });
    }
  });

  test("values that throw on any read are typed rejections, from every call", async () => {
    const org = freshOrg("hostile");
    const turso = client(org);
    const before = standin.server.requests.length;
    const revoked = () => {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      return proxy;
    };
    const throwingSignal = new AbortController().signal;
    Object.defineProperty(throwingSignal, "aborted", {
      get() {
        throw new Error("aborted getter");
      },
    });
    const traps = new Proxy([], {
      get() {
        throw new Error("get trap");
      },
      getPrototypeOf() {
        throw new Error("prototype trap");
      },
    });
    for (const [resource, method, args] of EVERY_CALL) {
      const positional = withOptions(args, {}).slice(0, -1);
      const hostile = [
        [...positional, revoked()],
        [...positional, { signal: throwingSignal }],
        [...positional, traps],
        ...positional.map((_, at) => positional.map((arg, i) => (i === at ? revoked() : arg))),
      ];
      for (const call of hostile) {
        const error = await rejection(turso[resource][method](...call), { code: "invalid_argument", attempts: 0 });
        assert.ok(error.field, `${resource}.${method}: ${error.message}`);
      }
    }
    const bodies = [
      ["updateConfiguration", ["g", { delete_protection: revoked() }], "delete_protection"],
      ["createToken", ["g", { permissions: { read_attach: traps } }], "permissions"],
      ["create", ["g", { location: "lhr", extensions: traps }], "extensions"],
    ];
    for (const [method, args, field] of bodies) {
      await rejection(turso.groups[method](...args), { code: "invalid_argument", field, attempts: 0 });
    }
    assert.equal(standin.server.requests.length, before, "nothing was sent");
    assert.deepEqual(await turso.groups.list(), [], "the module still works");
  });

});
