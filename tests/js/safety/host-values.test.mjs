// One caller's or host's bad value fails that call, with a typed error, and
// nothing else: each case runs in a Node process of its own (see
// host-values-child.mjs) with --unhandled-rejections=strict, which must
// exit 0 with nothing on stderr, and calls after it must still work.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { dirname, join } from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { useStandin } from "../helpers.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const standin = useStandin();

/** The child's report on `which`, once it exited 0 with an empty stderr. */
function child(which) {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--unhandled-rejections=strict", "--expose-gc", join(ROOT, "tests/js/safety/host-values-child.mjs"), join(ROOT, "pkg"), standin.url, which],
      { maxBuffer: 1 << 20 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`${which}: ${error.message}\n${stderr}`));
        assert.equal(stderr, "", `${which}: nothing reaches stderr`);
        resolve(JSON.parse(stdout));
      },
    );
  });
}

/** Runs `which`, and checks its call failed as `expected` and later calls work. */
async function failsAlone(which, expected) {
  const report = await child(which);
  assert.ok(report.error, `${which}: the call rejects (it resolved to ${JSON.stringify(report.value)})`);
  assert.equal(report.error.typed, true, `${which}: ${report.error.message}`);
  for (const [key, value] of Object.entries(expected)) assert.equal(report.error[key], value, `${which}: ${key} (${report.error.message})`);
  assert.equal(report.later, "resolved", `${which}: a client made before still works`);
  assert.equal(report.laterNewClient, "resolved", `${which}: a new client works`);
  return report;
}

describe("a Date argument is read where whatever it runs may throw", () => {
  for (const which of ["date-proxy", "date-throwing-toISOString", "date-toISOString-number", "date-invalid-getTime-overridden"]) {
    test(which, async () => {
      await failsAlone(which, { code: "invalid_argument", field: "from" });
    });
  }

  test("its text is measured before it is copied into wasm", async () => {
    const report = await failsAlone("date-huge-toISOString", { code: "invalid_argument", field: "from" });
    assert.match(report.error.message, /^databases\.usage: from is longer than \d+ characters$/);
    assert.ok(report.memoryGrowth < 1 << 20, `wasm memory grew by ${report.memoryGrowth} bytes`);
  });
});

describe("a replaced fetch that gives what no fetch does", () => {
  for (const which of [
    "fetch-returns-number",
    "fetch-returns-undefined",
    "fetch-thenable-of-number",
    "fetch-status-getter-throws",
    "fetch-headers-getter-throws",
  ]) {
    test(which, async () => {
      await failsAlone(which, { code: "network_error" });
    });
  }
});

describe("what a replaced fetch throws is read safely", () => {
  for (const which of [
    "fetch-rejects-message-number",
    "fetch-rejects-message-getter-throws",
    "fetch-rejects-cause-getter-throws",
    "fetch-rejects-proxy-of-error",
    "fetch-throws-message-getter-throws",
    "fetch-throws-proxy-of-error",
  ]) {
    test(which, async () => {
      await failsAlone(which, { code: "network_error" });
    });
  }

  test("so is a signal whose addEventListener throws", async () => {
    await failsAlone("signal-addEventListener-throws", { code: "invalid_argument", field: "signal" });
  });
});

describe("a response body whose reader throws at once", () => {
  for (const [which, code] of [
    ["body-getReader-throws", "network_error"],
    ["body-read-throws", "network_error"],
    ["body-cancel-throws", "server_error"],
  ]) {
    test(which, async () => {
      await failsAlone(which, { code });
    });
  }
});

describe("memory held per call", () => {
  test("is bounded by the body cap and a constant, however finely the body is chunked", async () => {
    const report = await child("body-in-one-byte-chunks");
    assert.deepEqual(report.value?.answer, { name: "g", uuid: "u" }, JSON.stringify(report.error));
    // 300,000 chunks: at the 0.6 KB each that racing every read against the
    // call's cut-off kept, this was 180 MB.
    const megabytes = report.value.peakHeapGrowth / 2 ** 20;
    assert.ok(megabytes < 48, `the heap grew by ${megabytes.toFixed(1)} MB`);
  });
});
