// The three faces of every operation agree: the declarations in Rust (as
// `tests/operations.json`, generated from them), the client object the
// `.wasm` builds at run time, and the TypeScript in the shipped index.d.ts,
// read with the TypeScript compiler's own checker.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import ts from "typescript";
import { createClient } from "turso-platform-wasm";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const declared = JSON.parse(readFileSync(`${root}/tests/operations.json`, "utf8"));
// The steps on a database's own server are no methods; the workflows are.
const operations = declared.operations.filter(({ base }) => base !== "database");
const { workflows } = declared;
const LIMITS = ["signal", "timeoutMs", "maxRetries"];

/**
 * `resource.method` for every declared call, `resource.all` for a paged one,
 * and `resource.ensure` for a resource with `create` and `get`.
 */
function declaredCalls() {
  const calls = operations.flatMap(({ call, pages }) => {
    const [resource] = call.split(".");
    return pages ? [call, `${resource}.all`] : [call];
  });
  const ensured = [...new Set(calls.map((call) => call.split(".")[0]))].filter(
    (resource) => calls.includes(`${resource}.create`) && calls.includes(`${resource}.get`),
  );
  return [...calls, ...ensured.map((resource) => `${resource}.ensure`), ...workflows.map(({ call }) => call)];
}

test("the client the .wasm builds has exactly the declared calls", () => {
  const client = createClient({ org: "acme", token: "t" });
  const built = Object.entries(client).flatMap(([resource, methods]) =>
    Object.keys(methods).map((method) => `${resource}.${method}`),
  );
  assert.deepEqual(built.sort(), declaredCalls().sort());
});

/** The shipped declarations, through the compiler's checker, read once. */
let shipped;
function shippedTypes() {
  shipped ??= readShippedTypes();
  return shipped;
}

function readShippedTypes() {
  const file = `${root}/pkg/index.d.ts`;
  const program = ts.createProgram([file], { strict: true, noEmit: true, skipLibCheck: false });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  assert.equal(diagnostics.length, 0, ts.formatDiagnostics(diagnostics, ts.createCompilerHost({})));
  const checker = program.getTypeChecker();
  const exports = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(file)));
  const exported = (name) => {
    const symbol = exports.find((candidate) => candidate.name === name);
    assert.ok(symbol, `index.d.ts exports ${name}`);
    return checker.getDeclaredTypeOfSymbol(symbol);
  };
  /** Every property name of a type, of any member of a union or intersection. */
  const propertyNames = (type) => {
    const names = new Set(checker.getPropertiesOfType(type).map((property) => property.name));
    for (const part of type.types ?? []) for (const name of propertyNames(part)) names.add(name);
    return names;
  };
  return { checker, exported, propertyNames };
}

test("the TypeScript client has exactly the declared calls", () => {
  const { checker, exported } = shippedTypes();
  const client = exported("TursoClient");
  const typed = checker.getPropertiesOfType(client).flatMap((resource) => {
    const methods = checker.getTypeOfSymbol(resource);
    return checker.getPropertiesOfType(methods).map((method) => `${resource.name}.${method.name}`);
  });
  assert.deepEqual(typed.sort(), declaredCalls().sort());
});

test("every method's hover says what it does, what it resolves to and when it rejects; every code has a line", () => {
  const { checker, exported } = shippedTypes();
  const client = exported("TursoClient");
  for (const resource of checker.getPropertiesOfType(client)) {
    for (const method of checker.getPropertiesOfType(checker.getTypeOfSymbol(resource))) {
      // `all` walks the pages of the method it sits beside, and says so.
      if (method.name === "all") continue;
      const call = `${resource.name}.${method.name}`;
      const summary = ts.displayPartsToString(method.getDocumentationComment(checker));
      assert.ok(summary.length > 20, `${call}: what it does`);
      const tags = Object.fromEntries(method.getJsDocTags(checker).map((tag) => [tag.name, ts.displayPartsToString(tag.text)]));
      assert.ok(tags.returns, `${call}: @returns`);
      assert.match(tags.throws ?? "", /^\{TursoClientError\} `invalid_argument`, with nothing sent, when .* is refused;/, `${call}: @throws`);
    }
  }
  // Each member of the code union has its line: `/** … */` above `| "code"`.
  const text = readFileSync(`${root}/pkg/index.d.ts`, "utf8");
  const union = text.slice(text.indexOf("export type TursoClientErrorCode ="), text.indexOf("export type TursoClientErrorField ="));
  const members = [...union.matchAll(/^ {2}\| "(\w+)"$/gm)].map(([, code]) => code);
  const documented = [...union.matchAll(/^ {2}\/\*\* .+ \*\/\n {2}\| "(\w+)"$/gm)].map(([, code]) => code);
  assert.ok(members.length >= 16, members.join());
  assert.deepEqual(documented, members);
});

test("each call's TypeScript options are exactly its declared options and the limits", () => {
  const { checker, exported, propertyNames } = shippedTypes();
  const client = exported("TursoClient");
  for (const { call, args, options } of operations) {
    const [resource, method] = call.split(".");
    const resourceType = checker.getTypeOfSymbol(checker.getPropertyOfType(client, resource));
    const signatures = checker.getTypeOfSymbol(checker.getPropertyOfType(resourceType, method)).getCallSignatures();
    assert.equal(signatures.length, 1, `${call}: one signature, so that a mistake is reported as itself`);
    const [signature] = signatures;
    const required = args.filter((arg) => !arg.endsWith("?"));
    const optional = args.filter((arg) => arg.endsWith("?"));
    assert.equal(signature.parameters.length, args.length + 1, `${call}: its positional arguments`);
    // An argument that may be left out is typed as itself or the options
    // object that then holds it (`locationOrOptions`); else the options are
    // the last, rest, parameter.
    const optionsType = optional.length
      ? checker
          .getBaseConstraintOfType(checker.getTypeOfSymbol(signature.parameters[required.length]))
          .types.find((type) => !(type.flags & ts.TypeFlags.StringLike))
      : checker.getNonNullableType(checker.getTypeArguments(checker.getTypeOfSymbol(signature.parameters.at(-1)))[0]);
    assert.deepEqual(
      [...propertyNames(optionsType)].sort(),
      [...options, ...LIMITS].sort(),
      `${call}: the options in index.d.ts`,
    );
  }
  for (const { call, args, options } of workflows) {
    const [resource, method] = call.split(".");
    const resourceType = checker.getTypeOfSymbol(checker.getPropertyOfType(client, resource));
    const [signature] = checker.getTypeOfSymbol(checker.getPropertyOfType(resourceType, method)).getCallSignatures();
    assert.deepEqual(signature.parameters.map((parameter) => parameter.name), [...args, "options"], `${call}: its arguments`);
    const optionsType = checker.getNonNullableType(checker.getTypeOfSymbol(signature.parameters.at(-1)));
    assert.deepEqual([...propertyNames(optionsType)].sort(), [...options, ...LIMITS].sort(), `${call}: the options in index.d.ts`);
  }
});
