// The README of @tursodatabase/api 2.0.5, its own examples one statement at
// a time, ported as this package's README section "Moving from
// @tursodatabase/api" says, and run against the stand-in. Each statement
// runs in an organization of its own, which holds what it names (a group
// "default", a database "my-db", …) and not what it creates. Every port is
// a row of that section; every statement not ported must fail loudly.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import { createClient, TursoClientError } from "turso-platform-wasm";
import { freshOrg, operations, TOKEN, useStandin } from "../helpers.mjs";

const standin = useStandin();
const sdkReadme = new URL("../../../node_modules/@tursodatabase/api/README.md", import.meta.url);

/**
 * Each difference the section lists that the SDK's examples meet: the row
 * as its first cell reads, and the change, as a rewrite of a statement.
 */
const PORTS = [
  { row: "`organizations.members()`", from: /organizations\.members\(\)/, to: "members.list()" },
  {
    row: "`organizations.addMember(username, role)`",
    from: /organizations\.addMember\(("[^"]*"), ("[^"]*")\)/,
    to: "members.add({ username: $1, role: $2 })",
  },
  {
    row: "`organizations.removeMember(username)` resolves to `{ member }`",
    from: /organizations\.removeMember\(/,
    to: "members.remove(",
  },
  {
    row: "`organizations.listInvites()`, `inviteUser(email, role)`, `deleteInvite(email)`",
    from: /organizations\.inviteUser\(\s*("[^"]*"),\s*("[^"]*")\s*\)/,
    to: "invites.create({ email: $1, role: $2 })",
  },
  {
    row: "`organizations.listInvites()`, `inviteUser(email, role)`, `deleteInvite(email)`",
    from: /organizations\.deleteInvite\(/,
    to: "invites.delete(",
  },
  {
    row: "`apiTokens.validate(token)` resolves to `{ valid, expiry }`",
    from: /turso\.apiTokens\.validate\(("[^"]*")\)/,
    to: "createClient({ ...config, token: $1 }).apiTokens.validate()",
  },
  { row: "`databases.create(name, { groupId })` (API v3)", from: /groupId: "my-group-id"/, to: 'group: "my-group"' },
  {
    row: "`databases.create(name)` without a `group`",
    from: /databases\.create\(("[^"]*")\)/,
    to: 'databases.create($1, { group: "default" })',
  },
];

/** The statements the section says are not offered, and how each fails. */
const NOT_OFFERED = [
  { row: "`organizations.delete()`", from: /organizations\.delete\(\)/, fails: { name: "TypeError" } },
  { row: "`databases.create(name, { is_schema })`, `{ schema }`", from: /is_schema: true/, fails: { code: "invalid_argument", field: "is_schema" } },
  { row: "`databases.create(name, { is_schema })`, `{ schema }`", from: /schema: "parent-db"/, fails: { code: "invalid_argument", field: "schema" } },
];

/**
 * The statements that, ported, reject as they should: the SDK's README
 * validates the text "token", which is no token; and it has a duration unit
 * `n`, a mistake the SDK sends as it is and this package refuses first.
 */
const REFUSED = [
  { from: /apiTokens\.validate\("token"\)/, fails: { code: "unauthorized", status: 401 } },
  { from: /expiration: "1w2d6h3n"/, fails: { code: "invalid_argument", field: "expiration" } },
];

/** The first cells of the section's table. */
async function migrationRows() {
  const readme = await readFile(new URL("../../../README.md", import.meta.url), "utf8");
  const section = readme.slice(readme.indexOf("## Moving from `@tursodatabase/api`"), readme.indexOf("## Compared with"));
  return section.split("\n").filter((line) => line.startsWith("| `")).map((line) => line.slice(2, line.indexOf(" | ")));
}

/** The SDK README's `ts` blocks, each cut into its statements, comments left out. */
async function sdkStatements() {
  const readme = await readFile(sdkReadme, "utf8");
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map(([, code]) => code);
  return blocks.map((code) =>
    code
      .split(/;\n/)
      .map((statement) => statement.replace(/^\s*\/\/.*$/gm, "").replace(/\s*\/\/[^"\n]*$/gm, "").trim())
      .filter(Boolean),
  );
}

/** The statement as an expression to await: `const x = await e` → `e`. */
function expression(statement) {
  return statement.replace(/^(const \w+ = )?await /, "");
}

/** An organization with the groups, databases, member, invite and API token the examples name. */
async function seeded(statement) {
  const org = freshOrg("migration");
  const config = { org, token: TOKEN, baseUrl: standin.url, regionUrl: `${standin.url}/region` };
  const turso = createClient(config);
  const created = statement.match(/\.create\("([^"]+)"/)?.[1];
  for (const group of ["default", "my-group", "customgroup"]) {
    if (group !== created) await turso.groups.create(group, "lhr");
  }
  for (const database of ["my-db", "my-existing-db"]) await turso.databases.create(database, { group: "default" });
  if (!statement.includes("addMember")) await turso.members.add({ username: "username", role: "member" });
  if (!statement.includes("inviteUser")) await turso.invites.create({ email: "jamie@turso.tech", role: "member" });
  // API tokens are the user's, not an organization's.
  const tokens = (await turso.apiTokens.list()).map(({ name }) => name);
  const wanted = statement.includes("apiTokens.revoke");
  if (wanted && !tokens.includes("superdupertokenname")) await turso.apiTokens.create("superdupertokenname");
  if (!wanted && tokens.includes("superdupertokenname")) await turso.apiTokens.revoke("superdupertokenname");
  return { config, turso };
}

async function run(code, { config, turso }) {
  const AsyncFunction = (async () => {}).constructor;
  return new AsyncFunction("turso", "createClient", "config", `return await ${code};`)(turso, createClient, config);
}

test("every difference the ported examples meet is a row of the README's migration section", async () => {
  const rows = await migrationRows();
  for (const { row } of [...PORTS, ...NOT_OFFERED]) assert.ok(rows.includes(row), `no row ${row} in the section`);
});

test("the SDK's own README examples, ported as the README says, run against the stand-in", async () => {
  const [setup, byId, tokenFunction, ...calls] = await sdkStatements();
  assert.match(setup.join(";"), /import \{ createClient \} from "@tursodatabase\/api"/);

  // createClient({ org, token }), and a token function, as the SDK takes them.
  const org = freshOrg("migration-setup");
  const fresh = async () => TOKEN;
  const viaFunction = createClient({ org, token: fresh, baseUrl: standin.url });
  assert.deepEqual(await viaFunction.groups.list(), []);
  assert.match(tokenFunction.join(";"), /token: async \(\) => await getFreshToken\(\)/);
  // orgId is API v3's, not offered, and refused rather than ignored.
  assert.match(byId.join(";"), /orgId: "\.\.\."/);
  assert.throws(() => createClient({ orgId: "...", token: TOKEN }), (error) => error instanceof TursoClientError && error.code === "invalid_argument");

  let ran = 0;
  for (const statement of calls.flat()) {
    const context = await seeded(statement);
    const notOffered = NOT_OFFERED.find(({ from }) => from.test(statement));
    const refused = REFUSED.find(({ from }) => from.test(statement));
    const ported = PORTS.reduce((code, { from, to }) => code.replace(from, to), expression(statement));
    const failure = notOffered?.fails ?? refused?.fails;
    if (failure) {
      await assert.rejects(run(ported, context), (error) => {
        for (const [key, value] of Object.entries(failure)) assert.equal(error[key], value, `${statement}: ${error.message}`);
        return true;
      });
      continue;
    }
    let answer;
    try {
      answer = await run(ported, context);
    } catch (error) {
      assert.fail(`${statement}\nported as ${ported}\nfailed: ${error.message}`);
    }
    const call = ported.match(/\.(\w+\.\w+)\(/)[1];
    const resolvesToNothing = operations.find((operation) => operation.call === call)?.answer.type === "void";
    assert.equal(answer === undefined, resolvesToNothing, `${ported} resolved to ${JSON.stringify(answer)}`);
    ran += 1;
  }
  assert.equal(ran, 36, "every statement of the SDK's examples that is offered ran");
});
