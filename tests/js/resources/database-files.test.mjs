// databases.upload and databases.export, through the built package against
// the stand-in, which serves each database's own server under /hosts with
// chunks of 8192 bytes: the file check before anything is sent, the chunks
// and their retries, the database deleted again when an upload fails, the
// file exported byte for byte, and no secret in any error.
import assert from "node:assert/strict";
import { openAsBlob, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { assertNeverShown, claimsOf, clientFor, freshOrg, rejection, TOKEN, useStandin } from "../helpers.mjs";
import { pythonSqliteFile, sqliteFile } from "../files.mjs";

const standin = useStandin();
const base = clientFor(standin);
/** A client whose database servers are the stand-in's. */
const client = (org, extra) => base(org, { databaseUrl: (hostname) => `${standin.url}/hosts/${hostname}`, ...extra });

/** A client of a fresh organization with a group "g". */
async function withGroup(label, extra) {
  const org = freshOrg(label);
  const turso = client(org, extra);
  await turso.groups.create("g", { location: "lhr" });
  return { org, turso };
}

/** The requests sent to the database `name`'s own server. */
const hostRequests = (org, name) =>
  standin.server.requests.filter((request) => request.path.startsWith(`/hosts/${name}-${org}.turso.io/`));

/** The bytes of an export's stream. */
const collected = async (stream) => new Uint8Array(await new Response(stream).arrayBuffer());

describe("databases.upload", () => {
  test("creates the database as turso-cli does, uploads the file in chunks, and exports it back byte for byte", async () => {
    const { org, turso } = await withGroup("upload");
    // 5 pages: chunks of 8192, 8192 and 4096 bytes.
    const file = sqliteFile({ pages: 5 });
    const progress = [];
    const created = await turso.databases.upload("tenant", file, {
      group: "g",
      use_tursodb: true,
      onProgress: (report) => progress.push(report),
    });
    assert.deepEqual(Object.keys(created).sort(), ["DbId", "Hostname", "Name"]);
    assert.deepEqual(progress, [
      { uploadedBytes: 8192, totalBytes: 20480 },
      { uploadedBytes: 16384, totalBytes: 20480 },
      { uploadedBytes: 20480, totalBytes: 20480 },
    ]);

    const api = standin.server.requestsFor(org);
    const create = api.find((request) => request.method === "POST" && request.path.endsWith("/databases"));
    assert.deepEqual(JSON.parse(create.body), { name: "tenant", group: "g", seed: { type: "database_upload" }, use_tursodb: true });
    const mints = api.filter((request) => request.path.includes("/databases/tenant/auth/tokens"));
    // A fresh token before the start, each chunk after the first, and the finalize.
    assert.equal(mints.length, 4);
    for (const mint of mints) assert.match(mint.path, /\?expiration=5m&authorization=full-access$/);

    const server = hostRequests(org, "tenant");
    assert.deepEqual(
      server.map(({ method, path }) => `${method} ${path.replace(/^\/hosts\/[^/]+/, "").replace(/upload\/[^/]+\//, "upload/{id}/")}`),
      [
        "PUT /v2/upload/start",
        "PUT /v2/upload/{id}/chunk/0",
        "PUT /v2/upload/{id}/chunk/1",
        "PUT /v2/upload/{id}/chunk/2",
        "PUT /v2/upload/{id}/finalize",
      ],
    );
    assert.deepEqual(JSON.parse(server[0].body), { db_size_bytes: 20480 });
    assert.deepEqual(server.slice(1, 4).map((request) => request.bytes.length), [8192, 8192, 4096]);
    for (const request of server) {
      const { id } = claimsOf(request.headers.authorization.replace("Bearer ", ""));
      assert.equal(id, created.DbId, "every step sends a token of the database, never the API token");
      assert.notEqual(request.headers.authorization, `Bearer ${TOKEN}`);
    }
    assert.equal(server[1].headers["content-type"], "application/octet-stream");

    const exported = await collected(await turso.databases.export("tenant"));
    assert.deepEqual(exported, file);
  });

  test("takes an ArrayBuffer, a Blob, and a file on disk as a Blob, and a real database that Python's sqlite3 wrote", async () => {
    const { turso } = await withGroup("upload-kinds");
    const made = pythonSqliteFile(["page_size = 4096", "journal_mode = WAL"], 200);
    assert.ok(made.length > 8192 * 2, "several chunks");
    const dir = mkdtempSync(join(tmpdir(), "upload-"));
    try {
      writeFileSync(join(dir, "tenant.db"), made);
      const onDisk = await openAsBlob(join(dir, "tenant.db"));
      const sources = {
        "as-buffer": made.buffer.slice(made.byteOffset, made.byteOffset + made.length),
        "as-blob": new Blob([made]),
        "on-disk": onDisk,
        // A view into a larger buffer: only its own bytes go.
        "as-view": new Uint8Array([9, 9, ...made, 9]).subarray(2, 2 + made.length),
      };
      for (const [name, data] of Object.entries(sources)) {
        await turso.databases.upload(name, data, { group: "g" });
        assert.deepEqual(await collected(await turso.databases.export(name)), made, name);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a file Turso would refuse is refused in wasm, with the fix, and nothing is sent", async () => {
    const { org, turso } = await withGroup("upload-refused");
    const before = standin.server.requestsFor(org).length;
    const refused = [
      [sqliteFile({ pageSize: 1024 }), /page size of 1024; Turso needs 4096/],
      [sqliteFile({ wal: false }), /not in WAL mode.*journal_mode = WAL/],
      [sqliteFile({ autoVacuum: true }), /auto-vacuum on/],
      [sqliteFile({ encoding: 2 }), /UTF-16/],
      [sqliteFile({ reserved: 28 }), /keeps 28 reserved bytes a page; a database without remote_encryption needs 0/],
      [sqliteFile({ pages: 3 }).subarray(0, 8192), /header says 3 pages/],
      [new TextEncoder().encode("PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n"), /SQL text/],
      [new Uint8Array(0), /not a SQLite database file/],
      [pythonSqliteFile(["page_size = 1024", "journal_mode = WAL"]), /page size of 1024/],
      [pythonSqliteFile(["journal_mode = DELETE"]), /not in WAL mode/],
      [pythonSqliteFile(["auto_vacuum = FULL", "journal_mode = WAL"]), /auto-vacuum on/],
    ];
    for (const [data, message] of refused) {
      const error = await rejection(turso.databases.upload("refused", data, { group: "g" }), {
        code: "invalid_argument",
        field: "data",
        attempts: 0,
      });
      assert.match(error.message, message);
    }
    // The cipher's reserved bytes: 48 for aegis256, and 28 is wrong for it.
    const encryption = { encryption_key: "c2VjcmV0LWtleQ==", encryption_cipher: "aegis256" };
    const error = await rejection(
      turso.databases.upload("refused", sqliteFile({ reserved: 28 }), { group: "g", remote_encryption: encryption }),
      { field: "data" },
    );
    assert.match(error.message, /remote_encryption's cipher aegis256 needs 48/);
    for (const [data, field, message] of [
      [42, "data", /must be a Uint8Array, an ArrayBuffer, a Blob or a File; got number/],
      ["SQLite format 3", "data", /got string/],
      [new Uint16Array(8), "data", /got object/],
    ]) {
      assert.match((await rejection(turso.databases.upload("refused", data, { group: "g" }), { field })).message, message);
    }
    const file = sqliteFile();
    for (const [options, field, message] of [
      [{ group: "g", location: "lhr" }, "location", /^databases\.upload: options\.location is not an option it takes/],
      [{ group: "g", onProgress: "yes" }, "onProgress", /must be a function; got string/],
      [{ group: "g", seed: { type: "database" } }, "seed", /not an option/],
      [{}, "group", /group is required/],
      [undefined, "group", /group is required/],
    ]) {
      assert.match((await rejection(turso.databases.upload("refused", file, options), { field, attempts: 0 })).message, message);
    }
    const emptyKey = { group: "g", remote_encryption: { encryption_key: "", encryption_cipher: "aes256gcm" } };
    await rejection(turso.databases.upload("refused", sqliteFile({ reserved: 28 }), emptyKey), { field: "remote_encryption", attempts: 0 });
    await rejection(turso.databases.upload("Not_A_Name", file, { group: "g" }), { field: "name", attempts: 0 });
    assert.equal(standin.server.requestsFor(org).length, before, "nothing was sent");
  });

  test("a chunk that fails for good deletes the database again, and the error says so", async () => {
    const { org, turso } = await withGroup("upload-fails");
    const progress = [];
    const error = await rejection(
      turso.databases.upload("chunk-refused-1", sqliteFile({ pages: 4 }), { group: "g", onProgress: (p) => progress.push(p.uploadedBytes) }),
      { code: "bad_request", status: 400, attempts: 1 },
    );
    assert.match(error.message, /chunk 1 is corrupt; the database "chunk-refused-1" that the upload created was deleted/);
    assert.deepEqual(progress, [8192]);
    await rejection(turso.databases.get("chunk-refused-1"), { code: "not_found" });
    assert.deepEqual(await turso.databases.list(), []);
    const deletes = standin.server.requestsFor(org).filter((request) => request.method === "DELETE");
    assert.deepEqual(deletes.map((request) => request.path), [`/v1/organizations/${org}/databases/chunk-refused-1`]);

    // A file the server refuses at the end is deleted the same way.
    const refused = await rejection(turso.databases.upload("finalize-refused-1", sqliteFile(), { group: "g" }), { status: 400 });
    assert.match(refused.message, /failed validation; the database "finalize-refused-1" that the upload created was deleted/);
    await rejection(turso.databases.get("finalize-refused-1"), { code: "not_found" });
  });

  test("a chunk answered 5xx is sent again, as turso-cli retries it, and the file arrives whole", async () => {
    const { org, turso } = await withGroup("upload-retries");
    const file = sqliteFile({ pages: 5, fill: 0x33 });
    await turso.databases.upload("chunk-flaky-1", new Blob([file]), { group: "g" });
    const chunks = hostRequests(org, "chunk-flaky-1").filter((request) => request.path.includes("/chunk/"));
    // Each chunk: one 503 or 500, then 200.
    assert.deepEqual(chunks.map((request) => request.status), [503, 200, 500, 200, 503, 200]);
    assert.deepEqual(await collected(await turso.databases.export("chunk-flaky-1")), file);

    // maxRetries 0: the first 5xx ends it, and the database goes.
    const error = await rejection(
      turso.databases.upload("chunk-flaky-2", file, { group: "g", maxRetries: 0 }),
      { status: 503, attempts: 1 },
    );
    assert.match(error.message, /was deleted$/);
  });

  test("the caller's signal stops the upload between chunks, and the database is deleted", async () => {
    const { org, turso } = await withGroup("upload-abort");
    const controller = new AbortController();
    const error = await rejection(
      turso.databases.upload("stopped", sqliteFile({ pages: 6 }), {
        group: "g",
        signal: controller.signal,
        onProgress: ({ uploadedBytes }) => uploadedBytes >= 8192 && controller.abort(),
      }),
      { code: "aborted" },
    );
    assert.match(error.message, /the database "stopped" that the upload created was deleted/);
    assert.equal(hostRequests(org, "stopped").filter((request) => request.path.includes("/chunk/")).length, 1);
    await rejection(turso.databases.get("stopped"), { code: "not_found" });
  });

  test("an onProgress that throws stops the upload as a typed error, and the database is deleted", async () => {
    const { turso } = await withGroup("upload-progress-throws");
    const error = await rejection(
      turso.databases.upload("thrown", sqliteFile({ pages: 3 }), {
        group: "g",
        onProgress: () => {
          throw new RangeError("the bar broke");
        },
      }),
      { code: "invalid_argument", field: "onProgress" },
    );
    assert.match(error.message, /onProgress threw, so the upload stopped: the bar broke; the database "thrown" that the upload created was deleted/);
    await rejection(turso.databases.get("thrown"), { code: "not_found" });
  });

  test("the encryption key goes in headers, and neither it nor a database token appears in any error", async () => {
    const { org, turso } = await withGroup("upload-secrets");
    const key = "c3VwZXItc2VjcmV0LWVuY3J5cHRpb24ta2V5";
    const remote_encryption = { encryption_key: key, encryption_cipher: "aes256gcm" };
    const file = sqliteFile({ pages: 2, reserved: 28 });
    await turso.databases.upload("encrypted", file, { group: "g", remote_encryption });
    const chunk = hostRequests(org, "encrypted").find((request) => request.path.includes("/chunk/0"));
    assert.equal(chunk.headers["x-turso-encryption-key"], key);
    assert.equal(chunk.headers["x-turso-encryption-cipher"], "aes256gcm");
    const exported = await turso.databases.export("encrypted", { encryption_key: key });
    assert.deepEqual(await collected(exported), file);

    // A server that quotes the request's token and key back.
    const errors = [
      await rejection(turso.databases.upload("echo-secrets-1", file, { group: "g", remote_encryption }), { status: 400 }),
    ];
    const echoed = hostRequests(org, "echo-secrets-1")[0];
    const databaseToken = echoed.headers.authorization.replace("Bearer ", "");
    assert.match(errors[0].message, /refused Bearer \[redacted\] with key \[redacted\]/);
    await turso.databases.create("echo-secrets-2", { group: "g" });
    errors.push(await rejection(turso.databases.export("echo-secrets-2", { encryption_key: key }), { status: 400 }));
    for (const secret of [key, databaseToken, TOKEN]) assertNeverShown(secret, errors);
    await rejection(turso.databases.export("encrypted", { encryption_key: "bad\nkey" }), { field: "encryption_key", attempts: 0 });
  });
});

describe("databases.export", () => {
  test("streams the file a chunk at a time; a database made without a file exports SQLite's empty database", async () => {
    const { turso } = await withGroup("export");
    await turso.databases.create("plain", { group: "g" });
    const stream = await turso.databases.export("plain");
    const reader = stream.getReader();
    const { value } = await reader.read();
    assert.equal(new TextDecoder().decode(value.subarray(0, 15)), "SQLite format 3");
    await reader.cancel();
    await rejection(turso.databases.export("missing"), { code: "not_found", status: 404 });
    await rejection(turso.databases.export("plain", { what: 1 }), { field: "what", attempts: 0 });
  });

  test("the signal stops the stream with a typed error", async () => {
    const { turso } = await withGroup("export-abort");
    await turso.databases.upload("big", sqliteFile({ pages: 64 }), { group: "g" });
    const controller = new AbortController();
    const reader = (await turso.databases.export("big", { signal: controller.signal })).getReader();
    await reader.read();
    controller.abort();
    let error;
    try {
      for (;;) if ((await reader.read()).done) break;
    } catch (caught) {
      error = caught;
    }
    assert.equal(error?.code, "aborted", String(error));
  });

  test("databaseUrl says where the database's server is; one that throws or gives no URL is refused", async () => {
    // Without it, https://{hostname}: seen by a fetch that records the URL
    // and fails, so that nothing leaves this machine.
    const { org, turso: standard } = await withGroup("export-url", { databaseUrl: undefined });
    await standard.databases.create("db", { group: "g" });
    const hostFetch = globalThis.fetch;
    const asked = [];
    globalThis.fetch = (url, init) => {
      if (String(url).startsWith(standin.url)) return hostFetch(url, init);
      asked.push(String(url));
      return Promise.reject(new TypeError("fetch failed"));
    };
    try {
      await rejection(standard.databases.export("db", { maxRetries: 0 }), { code: "network_error" });
    } finally {
      globalThis.fetch = hostFetch;
    }
    assert.deepEqual(asked, [`https://db-${org}.turso.io/info`]);
    for (const [databaseUrl, message] of [
      [() => {
        throw new Error("no map");
      }, /databaseUrl threw: no map/],
      [() => "ftp://elsewhere", /databaseUrl/],
      [() => 42, /databaseUrl must be a string/],
    ]) {
      const org = freshOrg("export-url-bad");
      const turso = client(org, { databaseUrl });
      await turso.groups.create("g", { location: "lhr" });
      await turso.databases.create("db", { group: "g" });
      assert.match((await rejection(turso.databases.export("db"), { field: "databaseUrl" })).message, message);
    }
    for (const databaseUrl of ["https://example.com", {}]) {
      assert.throws(() => client(freshOrg("x"), { databaseUrl }), { code: "invalid_argument", field: "databaseUrl" });
    }
  });
});
