import { enterExport } from "./calls.js";

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
  names.forEach((name, index) => {
    const [resource, method] = name.split(".");
    client[resource] ??= {};
    // A call always answers with a promise, even should wasm fail.
    const send = (...args) => enterExport(() => run(settings, index, args));
    client[resource][method] = send;
    if (pages[index] !== undefined) client[resource].all = (options) => everyItem(send, pages[index], options);
  });
  for (const resource of Object.values(client)) Object.freeze(resource);
  return Object.freeze(client);
}

// The items of every page, fetched one page at a time as they are consumed,
// from the first page to the last the answers report. `options` are the
// paged call's, but for `page`; its `signal` is checked before each page.
async function* everyItem(send, items, options) {
  for (let page = 1; ; page += 1) {
    const answer = await send(withPage(options, page));
    const found = answer[items];
    yield* found;
    if (found.length === 0 || !(page < answer.pagination.total_pages)) return;
  }
}

// `options` with `page` set, as a copy that keeps every key, so that the call
// checks them all; a value that is no options object, or one whose keys or
// getters throw, is passed on as it is, for the call to refuse or report.
function withPage(options, page) {
  if (options === undefined || options === null) return { page };
  try {
    if (typeof options !== "object" || Array.isArray(options)) return options;
    return { ...options, page };
  } catch {
    return options;
  }
}
