// A caller in a file of its own, for where.test.mjs: it awaits failing calls
// of every kind and prints each rejection's stack as JSON, so that the test
// can look for this file in them. With "uncaught", it then lets one reject
// unhandled, for Node to print.
//
//   node tests/js/errors/caller.mjs <stand-in URL> [uncaught]
import { createClient, createGroup } from "turso-platform-wasm";

const [url, then] = process.argv.slice(2);
// Every request of this organization is answered 500 by the stand-in.
const org = "fault-html-500";
const token = "standin-token";
const turso = createClient({ org, token, baseUrl: url, maxRetries: 0 });
const calls = {
  "a client's call": () => turso.groups.get("g"),
  "a bad argument": () => turso.groups.get(""),
  "the flat createGroup": () => createGroup(org, token, "g", "lhr", undefined, { baseUrl: url, maxRetries: 0 }),
  "ensure": () => turso.groups.ensure("g", "lhr"),
  "a list that follows pages": () => turso.databases.list(),
  "a client with a token function": () => createClient({ org, token: async () => token, baseUrl: url, maxRetries: 0 }).groups.list(),
};
const stacks = {};
for (const [what, call] of Object.entries(calls)) {
  try {
    await call();
    stacks[what] = "it resolved";
  } catch (error) {
    stacks[what] = error.stack;
  }
}
console.log(JSON.stringify(stacks));
if (then === "uncaught") await turso.groups.get("g");
