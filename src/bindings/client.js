import { enterExport, errorText } from "./calls.js";
import { createTursoClientError, TursoClientError } from "./turso_client_error.js";

// Builds a client's resources from the operations' names. Every method is an
// arrow function over its index, so it needs no `this`: a destructured
// `const { create } = client.groups` works as well as the method.
//
// A method calls `Calls.run`, a static method of the module's exported class,
// with the client's checked `settings`: an export, so that after a failure
// the glue starts the fresh instance on the way in, and the client holds
// nothing of the instance that made it. `calls` is an instance of that
// class, only to reach it; it is freed at once.
export function buildClient(names, pages, steps, workflows, settings, calls) {
  const { run, checkWorkflow } = calls.constructor;
  calls.free();
  const client = {};
  // With a token function, each call runs with the settings and the token it
  // gives, for that call alone.
  const tokenFunction = settings[6];
  const runWith =
    typeof tokenFunction === "function"
      ? async (index, args, walk) => {
          const own = await withToken(settings, tokenFunction, names[index]);
          return enterExport(() => run(own, index, args, walk));
        }
      : (index, args, walk) => enterExport(() => run(settings, index, args, walk));
  names.forEach((name, index) => {
    // A step of a workflow, found in `steps`.
    if (name === undefined) return;
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
      const every = (options) => everyItemByCursor(name, page, items, options);
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
  }
  const workflow = {
    // A step on a database's server: its settings are the server's URL and
    // a token of that database (calls.rs reads and checks both).
    step: (id, server, options) => enterExport(() => run(server, steps[id], [options], undefined)),
    server: (call, hostname, token) => serverSettings(call, settings, hostname, token),
    check: (call, options, data, head, size) =>
      enterExport(async () => checkWorkflow(workflows.indexOf(call), options, data, head, size)),
  };
  client.databases.upload = (name, data, options) => upload(client.databases, workflow, name, data, options);
  client.databases.export = (name, options) => exportFile(client.databases, workflow, name, options);
  for (const methods of Object.values(client)) Object.freeze(methods);
  return Object.freeze(client);
}

// The settings with the token the token function gives now, for the call
// `operation`. A function that throws or rejects fails the call as an
// argument would, before anything is sent; what it gives is checked in wasm
// as a config's token is.
async function withToken(settings, tokenFunction, operation) {
  let token;
  try {
    token = await tokenFunction();
  } catch (thrown) {
    throw clientError(
      operation,
      `the token function failed: ${errorText(thrown) ?? "it threw a value that is no Error"}`,
      "invalid_argument",
      { field: "token" },
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
async function* everyItemByCursor(operation, send, items, options) {
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
      throw clientError(
        operation,
        `the Turso API gave the page cursor ${JSON.stringify(cursor.slice(0, 100))} twice; the list stops rather than repeat itself`,
        "decode_error",
        { status: 200, attempts: 1 },
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

// Where `databases.upload` and `databases.export` go unless `databaseUrl`
// says otherwise: the database's own server, as turso-cli reaches it.
const defaultDatabaseUrl = (hostname) => `https://${hostname}`;

/** Where in a client's settings its `databaseUrl` function is (bindings.rs). */
const DATABASE_URL_FUNCTION_AT = 8;
/** Where the settings of a step hold its server's URL (bindings.rs). */
const DATABASE_URL_AT = 7;

// The settings of the steps of `call` on the server `hostname`, with a token
// of its database. A `databaseUrl` that throws fails the call as an argument
// would; what it gives is checked in wasm as `baseUrl` is.
function serverSettings(call, settings, hostname, token) {
  const databaseUrl = settings[DATABASE_URL_FUNCTION_AT] ?? defaultDatabaseUrl;
  const own = [...settings];
  own[1] = token;
  try {
    own[DATABASE_URL_AT] = databaseUrl(hostname);
  } catch (thrown) {
    throw clientError(call, `databaseUrl threw: ${errorText(thrown) ?? "a value that is no Error"}`, "invalid_argument", { field: "databaseUrl" });
  }
  return own;
}

// An error of the call `operation` found in JavaScript, before or between
// its requests; its message starts with the call, as wasm's do.
function clientError(operation, message, code, { field, status, attempts = 0 } = {}) {
  return createTursoClientError(`${operation}: ${message}`, code, status, field, undefined, undefined, attempts, operation);
}

// The token each step on a database's server sends: turso-cli mints one of
// 5 minutes, with full access, before every chunk of an upload
// (internal/turso/databases.go, UploadDatabaseAWS, at e149f69); an export
// needs one only until its two requests have started.
const SERVER_TOKEN = { expiration: "5m", authorization: "full-access" };

/** How often a chunk is retried unless `maxRetries` says: turso-cli's `defaultMaxRetries`. */
const CHUNK_RETRIES = 15;

// `data` as the bytes an upload reads: its size, its first bytes, and a way
// to cut a chunk out of it without copying. Blob's own methods are used, not
// the value's, which may be a subclass or a proxy; anything that is not bytes
// is `undefined`, for wasm to refuse by its type.
async function fileSource(data) {
  try {
    if (data instanceof Blob) {
      const slice = (start, end) => Blob.prototype.slice.call(data, start, end);
      const head = new Uint8Array(await slice(0, 100).arrayBuffer());
      return { size: Blob.prototype.slice.call(data).size, head, slice };
    }
    const bytes =
      data instanceof ArrayBuffer ? new Uint8Array(data) : data instanceof Uint8Array ? data : undefined;
    if (bytes === undefined) return undefined;
    const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { size: view.length, head: view.subarray(0, 100), slice: (start, end) => view.subarray(start, end) };
  } catch (thrown) {
    throw clientError("databases.upload", `data could not be read: ${errorText(thrown) ?? "it threw a value that is no Error"}`, "invalid_argument", { field: "data" });
  }
}

// The options of the workflow `call`, read once, after wasm has checked
// them; a read that throws is refused as that option.
function readOptions(call, options, names) {
  const read = {};
  for (const name of names) {
    try {
      read[name] = options?.[name];
    } catch {
      throw clientError(call, `${name} could not be read`, "invalid_argument", { field: name });
    }
  }
  return read;
}

const LIMITS = ["signal", "timeoutMs", "maxRetries"];

// `databases.upload`: as turso-cli's `Create` with a `database_upload` seed.
// The file is checked in wasm before anything is sent; the database is
// created, and its file uploaded to its own server a chunk at a time; should
// anything fail after the create, the signal included, the database is
// deleted again, and the error says so.
async function upload(databases, workflow, name, data, options) {
  const source = await fileSource(data);
  await workflow.check("databases.upload", options, data, source?.head, source?.size ?? 0);
  const given = readOptions("databases.upload", options, ["group", "use_tursodb", "remote_encryption", "onProgress", ...LIMITS]);
  const { signal, timeoutMs, maxRetries } = given;
  const created = await databases.create(name, {
    group: given.group,
    use_tursodb: given.use_tursodb,
    remote_encryption: given.remote_encryption,
    seed: { type: "database_upload" },
    signal,
    timeoutMs,
    maxRetries,
  });
  try {
    const server = async () => {
      const { jwt } = await databases.createToken(created.Name, { ...SERVER_TOKEN, signal, timeoutMs, maxRetries });
      return workflow.server("databases.upload", created.Hostname, jwt);
    };
    const encryption = {
      encryption_key: given.remote_encryption?.encryption_key,
      encryption_cipher: given.remote_encryption?.encryption_cipher,
    };
    const limits = { signal, timeoutMs, maxRetries };
    let host = await server();
    const { upload_id, chunk_size } = await workflow.step("startDatabaseUpload", host, {
      db_size_bytes: source.size,
      ...limits,
    });
    for (let chunk = 0, start = 0; start < source.size; chunk += 1) {
      if (chunk > 0) host = await server();
      const end = Math.min(start + chunk_size, source.size);
      await workflow.step("uploadDatabaseChunk", host, {
        upload_id,
        chunk,
        bytes: source.slice(start, end),
        ...encryption,
        ...limits,
        maxRetries: maxRetries ?? CHUNK_RETRIES,
      });
      start = end;
      report(given.onProgress, start, source.size);
    }
    host = await server();
    await workflow.step("finalizeDatabaseUpload", host, { upload_id, ...limits });
  } catch (error) {
    throw await withDeleted(databases, created.Name, error, { timeoutMs });
  }
  return created;
}

// Calls the caller's `onProgress`; a throw stops the upload.
function report(onProgress, uploadedBytes, totalBytes) {
  if (onProgress == null) return;
  try {
    onProgress({ uploadedBytes, totalBytes });
  } catch (thrown) {
    throw clientError(
      "databases.upload",
      `onProgress threw, so the upload stopped: ${errorText(thrown) ?? "a value that is no Error"}`,
      "invalid_argument",
      { field: "onProgress" },
    );
  }
}

// Deletes the database an upload created, and gives the upload's error with
// what became of it; the caller's signal may have fired, so the delete has
// none.
async function withDeleted(databases, name, error, limits) {
  const failure =
    error instanceof TursoClientError
      ? error
      : clientError("databases.upload", `the upload failed: ${errorText(error) ?? "with a value that is no Error"}`, "internal");
  let outcome;
  try {
    await databases.delete(name, limits);
    outcome = `the database ${JSON.stringify(name)} that the upload created was deleted`;
  } catch (deleting) {
    outcome = `deleting the database ${JSON.stringify(name)} that the upload created failed too (${deleting?.code}: ${deleting?.message}); delete it with databases.delete`;
  }
  return createTursoClientError(
    `${failure.message}; ${outcome}`,
    failure.code,
    failure.status,
    failure.field,
    failure.body,
    failure.apiCode,
    failure.attempts,
    failure.operation,
  );
}

// `databases.export`: as turso-cli's `Export`, the file of the current
// generation, from the database's own server, as a stream.
async function exportFile(databases, workflow, name, options) {
  await workflow.check("databases.export", options);
  const given = readOptions("databases.export", options, ["encryption_key", ...LIMITS]);
  const { signal, timeoutMs, maxRetries } = given;
  const limits = { signal, timeoutMs, maxRetries };
  const database = await databases.get(name, limits);
  const { jwt } = await databases.createToken(name, { ...SERVER_TOKEN, ...limits });
  const host = workflow.server("databases.export", database.Hostname, jwt);
  const { encryption_key } = given;
  const { current_generation } = await workflow.step("getDatabaseInfo", host, { encryption_key, ...limits });
  const body = await workflow.step("exportDatabase", host, { generation: current_generation, encryption_key, ...limits });
  return untilAborted(body, signal);
}

// The bytes of `body`, read as they are asked for, so nothing is buffered
// whole; `signal` stops them, and a failure of the read is a
// `TursoClientError`.
function untilAborted(body, signal) {
  const reader = body?.getReader();
  let aborted = false;
  const abort = () => {
    aborted = true;
    reader?.cancel().catch(() => {});
  };
  // The caller's signal, checked by wasm to be an AbortSignal; its methods
  // may still throw.
  const listen = (method) => {
    try {
      signal?.[method]("abort", abort);
    } catch {
      // One that can't be listened to was refused by the steps before.
    }
  };
  listen("addEventListener");
  const finish = () => listen("removeEventListener");
  return new ReadableStream(
    {
      async pull(controller) {
        let read;
        try {
          read = aborted ? { done: true } : await (reader?.read() ?? { done: true });
        } catch (thrown) {
          read = { failed: thrown };
        }
        if (aborted || read.failed !== undefined) {
          finish();
          controller.error(
            aborted
              ? clientError("databases.export", "the file's read was aborted", "aborted")
              : clientError("databases.export", `the database's file could not be read: ${errorText(read.failed) ?? "the stream failed"}`, "network_error"),
          );
        } else if (read.done) {
          finish();
          controller.close();
        } else {
          controller.enqueue(read.value);
        }
      },
      cancel(reason) {
        finish();
        return reader?.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}
