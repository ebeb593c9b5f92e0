import { enterExport, errorText } from "./calls.js";
import { createTursoClientError } from "./turso_client_error.js";

// Builds a client's resources from the operations' names. Every method is an
// arrow function over its index, so it needs no `this`: a destructured
// `const { create } = client.groups` works as well as the method.
//
// A method calls `Calls.run`, a static method of the module's exported class,
// with the client's checked `settings`: an export, so that after a failure
// the glue starts the fresh instance on the way in, and the client holds
// nothing of the instance that made it. `calls` is an instance of that
// class, only to reach it; it is freed at once.
export function buildClient(names, pages, settings, calls) {
  const run = calls.constructor.run;
  calls.free();
  const client = {};
  // With a token function, each call runs with the settings and the token it
  // gives, for that call alone.
  const tokenFunction = settings[6];
  const runWith =
    typeof tokenFunction === "function"
      ? async (index, args, walk) => {
          const own = await withToken(settings, tokenFunction);
          return enterExport(() => run(own, index, args, walk));
        }
      : (index, args, walk) => enterExport(() => run(settings, index, args, walk));
  names.forEach((name, index) => {
    const [resource, method] = name.split(".");
    client[resource] ??= {};
    // A call always answers with a promise, even should wasm fail.
    client[resource][method] = (...args) => runWith(index, args, undefined);
    if (pages[index] === undefined) return;
    // One page of a walk: the caller's options as given, and the walk's own
    // values, which the call reads first.
    const page = (options, walk) => runWith(index, [options], walk);
    const [items, paging] = pages[index];
    if (paging === "cursor") {
      const every = (options) => everyItemByCursor(page, items, options);
      client[resource][method] = async (options) => {
        const found = [];
        for await (const item of every(options)) found.push(item);
        return found;
      };
      client[resource].all = every;
    } else {
      client[resource].all = (options) => everyItemByPage(page, items, options);
    }
  });
  for (const [resource, methods] of Object.entries(client)) {
    if (methods.create && methods.get) methods.ensure = ensure(methods, resource.replace(/s$/, ""));
    Object.freeze(methods);
  }
  return Object.freeze(client);
}

// The settings with the token the token function gives now. A function that
// throws or rejects fails the call as an argument would, before anything is
// sent; what it gives is checked in wasm as a config's token is.
async function withToken(settings, tokenFunction) {
  let token;
  try {
    token = await tokenFunction();
  } catch (thrown) {
    throw createTursoClientError(
      `the token function failed: ${errorText(thrown) ?? "it threw a value that is no Error"}`,
      "invalid_argument", undefined, "token", undefined, undefined, 0,
    );
  }
  const own = [...settings];
  own[1] = token;
  return own;
}

// `ensure`: what provisioning code needs, for a resource with `create` and
// `get`. It creates; on `conflict`, one of that name exists, and it is got.
// Either way it resolves to what `get` answers, under the resource's
// singular name, and whether it was created. Any other failure rejects as
// it came.
function ensure({ create, get }, singular) {
  return async (name, ...rest) => {
    let created = true;
    try {
      await create(name, ...rest);
    } catch (error) {
      if (error?.code !== "conflict") throw error;
      created = false;
    }
    return { [singular]: await get(name, callOptions(rest.at(-1))), created };
  };
}

// The options every call takes, out of a create's options, for the `get`
// that follows it; a value that is no options object, or one whose reads
// throw, is passed on as it is, for the call to refuse or report.
function callOptions(options) {
  if (options === null || typeof options !== "object") return undefined;
  try {
    const { signal, timeoutMs, maxRetries } = options;
    return { signal, timeoutMs, maxRetries };
  } catch {
    return options;
  }
}

// The items of every page, fetched one page at a time as they are consumed,
// from the first page to the last the answers report. `options` are the
// paged call's, but for `page`; its `signal` is checked before each page.
async function* everyItemByPage(send, items, options) {
  for (let page = 1; ; page += 1) {
    const answer = await send(options, { page });
    const found = answer[items];
    yield* found;
    if (found.length === 0 || !(page < answer.pagination.total_pages)) return;
  }
}

/** Databases a page, when the caller does not say: as turso-cli lists them. */
const CURSOR_PAGE_SIZE = 1000;

// The items of every page, fetched one page at a time as they are consumed:
// each page after the first is asked for with the `pagination.next` of the
// one before, until a page has none (turso-cli, internal/cmd/list_databases.go
// at e149f69). `options` are the paged call's; `limit` is 1000 unless given,
// and a `cursor` given starts the walk there.
async function* everyItemByCursor(send, items, options) {
  const walk = givesLimit(options) ? {} : { limit: CURSOR_PAGE_SIZE };
  const seen = new Set();
  for (;;) {
    const answer = await send(options, walk);
    yield* answer[items];
    const cursor = answer.pagination?.next;
    if (typeof cursor !== "string" || cursor === "") return;
    // A server that gives a cursor twice would have the walk go round for
    // ever, or hand over items twice: that is refused, not ended quietly.
    if (seen.has(cursor)) {
      throw createTursoClientError(
        `the Turso API gave the page cursor ${JSON.stringify(cursor.slice(0, 100))} twice; the list stops rather than repeat itself`,
        "decode_error", 200, undefined, undefined, undefined, 1,
      );
    }
    seen.add(cursor);
    walk.cursor = cursor;
  }
}

// Whether the caller gives a `limit`, read where a throw is caught. A read
// that throws counts as given, so that the call reads it again and reports
// it, as it refuses a limit that is wrong.
function givesLimit(options) {
  try {
    return options?.limit != null;
  } catch {
    return true;
  }
}
