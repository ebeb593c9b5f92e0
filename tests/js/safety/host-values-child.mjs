// One hostile value of a caller or a host, in a Node process of its own,
// run by host-values.test.mjs with --unhandled-rejections=strict: the call
// that meets it must reject with a TursoClientError, and a later call, of a
// client made before and of one made after, must still work. Prints a JSON
// report; anything that escapes the calls' promises ends the process first.
//
//   node --unhandled-rejections=strict --expose-gc host-values-child.mjs <package dir> <stand-in URL> <case>
import { pathToFileURL } from "node:url";

const [pkgDir, baseUrl, which] = process.argv.slice(2);
const { createClient, TursoClientError } = await import(pathToFileURL(`${pkgDir}/node.js`).href);
const { initSync } = await import(pathToFileURL(`${pkgDir}/turso_platform_wasm.js`).href);
const TOKEN = "standin-token";

const client = () => createClient({ org: "acme", token: TOKEN, baseUrl, maxRetries: 0 });
const before = client();

/** An Error whose `message` is read through `get`. */
const errorWith = (get, cause) => {
  const error = new Error("placeholder");
  Object.defineProperty(error, "message", { get });
  if (cause) Object.defineProperty(error, "cause", { get: cause });
  return error;
};
const throws = () => {
  throw new Error("a getter that throws");
};
const throwsBadly = () => {
  throw errorWith(throws);
};
const proxyOfError = () =>
  new Proxy(new Error("proxied"), {
    get() {
      throw new Error("a proxy trap that throws");
    },
  });

/** A usage call whose `from` is `value`. */
const usageFrom = (value) => (turso) => turso.databases.usage("db", { from: value });

/** A groups.get whose fetch is `fake`. */
const withFetch = (fake) => async (turso) => {
  const real = globalThis.fetch;
  globalThis.fetch = fake;
  try {
    return await turso.groups.get("g");
  } finally {
    globalThis.fetch = real;
  }
};

/** A Response whose body stream is `stream`, declared by no Content-Length. */
const responseWith = (stream, status = 200) => {
  const response = new Response("{}", { status });
  Object.defineProperty(response, "body", { value: stream });
  return response;
};
/** A readable stream of `chunks`, whose reader's `method` throws at once. */
const readerThrowing = (method, chunks = [new TextEncoder().encode("{}")]) => {
  const stream = new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  if (method === "getReader") {
    stream.getReader = throws;
    return stream;
  }
  const getReader = stream.getReader.bind(stream);
  stream.getReader = () => {
    const reader = getReader();
    reader[method] = throws;
    return reader;
  };
  return stream;
};

/**
 * groups.get of an answer sent a byte at a time, 300,000 chunks: the
 * answer and how far the heap grew while it was read.
 */
const oneByteChunks = async (turso) => {
  const text = new TextEncoder().encode(JSON.stringify({ group: { name: "g", uuid: "u" } }).padEnd(300_000, " "));
  globalThis.gc();
  const base = process.memoryUsage().heapUsed;
  let sent = 0;
  let peakHeapGrowth = 0;
  const stream = new ReadableStream({
    pull(controller) {
      controller.enqueue(text.subarray(sent, sent + 1));
      sent += 1;
      if (sent % 10_000 === 0) peakHeapGrowth = Math.max(peakHeapGrowth, process.memoryUsage().heapUsed - base);
      if (sent === text.length) controller.close();
    },
  });
  const answer = await withFetch(async () => new Response(stream))(turso);
  return { answer, peakHeapGrowth };
};

const CASES = {
  // Dates in databases.usage.
  "date-proxy": usageFrom(new Proxy(new Date(), {})),
  "date-throwing-toISOString": usageFrom(new (class extends Date {
    toISOString() {
      throw new Error("no ISO text");
    }
  })()),
  "date-toISOString-number": usageFrom(Object.assign(new Date(), { toISOString: () => 42 })),
  "date-invalid-getTime-overridden": usageFrom(Object.assign(new Date(NaN), { getTime: () => 5 })),
  "date-huge-toISOString": usageFrom(Object.assign(new Date(), { toISOString: () => "2".repeat(5e7) })),
  // A replaced fetch that gives what no fetch does.
  "fetch-returns-number": withFetch(() => 42),
  "fetch-returns-undefined": withFetch(() => undefined),
  "fetch-thenable-of-number": withFetch(() => ({ then: (resolve) => resolve(42) })),
  "fetch-status-getter-throws": withFetch(async () => {
    const response = new Response("{}");
    Object.defineProperty(response, "status", { get: throws });
    return response;
  }),
  "fetch-headers-getter-throws": withFetch(async () => {
    const response = new Response("{}");
    Object.defineProperty(response, "headers", { get: throws });
    return response;
  }),
  // The text of what a replaced fetch throws or rejects with.
  "fetch-rejects-message-number": withFetch(async () => {
    throw errorWith(() => 42);
  }),
  "fetch-rejects-message-getter-throws": withFetch(async () => {
    throw errorWith(throws);
  }),
  "fetch-rejects-cause-getter-throws": withFetch(async () => {
    throw errorWith(() => "fine", throwsBadly);
  }),
  "fetch-rejects-proxy-of-error": withFetch(async () => {
    throw proxyOfError();
  }),
  "fetch-throws-message-getter-throws": withFetch(() => {
    throw errorWith(throws);
  }),
  "fetch-throws-proxy-of-error": withFetch(() => {
    throw proxyOfError();
  }),
  "signal-addEventListener-throws": (turso) => {
    const signal = new AbortController().signal;
    signal.addEventListener = () => {
      throw errorWith(throws);
    };
    return turso.groups.get("g", { signal });
  },
  // A body whose reader throws at once, as a wrapper or polyfill may.
  "body-getReader-throws": withFetch(async () => responseWith(readerThrowing("getReader"))),
  "body-read-throws": withFetch(async () => responseWith(readerThrowing("read"))),
  "body-in-one-byte-chunks": oneByteChunks,
  "body-cancel-throws": withFetch(async () => responseWith(readerThrowing("cancel", [new Uint8Array(8 * 1024)]), 500)),
};

const call = CASES[which];
if (!call) throw new Error(`no case ${which}`);
const memoryBefore = initSync().memory.buffer.byteLength;
const report = {};
try {
  report.value = await call(before);
} catch (error) {
  report.error = { typed: error instanceof TursoClientError, code: error?.code, field: error?.field, message: error?.message };
}
report.memoryGrowth = initSync().memory.buffer.byteLength - memoryBefore;
const outcome = (promise) => promise.then(() => "resolved", (error) => `${error?.code}: ${error?.message}`);
report.later = await outcome(before.groups.list());
report.laterNewClient = await outcome(client().groups.list());
console.log(JSON.stringify(report));
