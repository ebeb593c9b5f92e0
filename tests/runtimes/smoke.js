// One smoke test for every runtime: Node, Bun, Deno, workerd, a browser with
// an import map, and a Vite build. It gets the package's exports and the
// stand-in's URL, and returns a report or throws with what went wrong.

export async function smoke({ createGroup, createClient, TursoClientError }, { baseUrl, org, token = "standin-token" }) {
  const check = (ok, what) => {
    if (!ok) throw new Error(`smoke check failed: ${what}`);
  };

  const group = await createGroup(org, token, "smoke-group", "lhr", ["vector", "uuid"], { baseUrl });
  check(Object.getPrototypeOf(group) === Object.prototype, "the group is a plain object");
  check(group.name === "smoke-group", "the group has its name");
  check(typeof group.uuid === "string" && group.uuid.length > 0, "the group has a uuid");
  check(group.primary === "lhr", "the group has its primary location");

  const turso = createClient({ org, token, baseUrl });
  const conflict = await turso.groups.create("smoke-group", { location: "lhr" }).then(
    () => undefined,
    (error) => error,
  );
  check(conflict instanceof TursoClientError, "a second create rejects with a TursoClientError");
  check(conflict instanceof Error && conflict.name === "TursoClientError", "it is an Error named TursoClientError");
  check(conflict.code === "conflict" && conflict.status === 409, "it is a 409 conflict");

  const invalid = await createGroup(org, token, "..", "lhr", null, { baseUrl }).then(
    () => undefined,
    (error) => error,
  );
  check(invalid instanceof TursoClientError, "an invalid name rejects with a TursoClientError");
  check(invalid.code === "invalid_argument" && invalid.field === "name", "it is invalid_argument for name");

  const seen = await fetch(`${baseUrl}/__standin/requests?org=${encodeURIComponent(org)}`).then((r) => r.json());
  check(seen.length === 2, `the stand-in saw 2 requests, not ${seen.length}: the invalid one was never sent`);

  // A redirect, which the API never sends, is not followed: a browser shows
  // it as status 0, other runtimes as the 3xx itself.
  const redirectOrg = `fault-redirect-same--${org}`;
  const redirect = await createGroup(redirectOrg, token, "g", "lhr", null, { baseUrl, maxRetries: 5 }).then(
    () => undefined,
    (error) => error,
  );
  check(redirect instanceof TursoClientError && redirect.code === "http_error", "a redirect is an http_error");
  check([0, 307].includes(redirect.status) && redirect.attempts === 1, `it was sent once, not followed (${redirect.status})`);
  const redirected = await fetch(`${baseUrl}/__standin/requests?org=${encodeURIComponent(redirectOrg)}`).then((r) => r.json());
  check(redirected.length === 1, `the stand-in saw the redirected create ${redirected.length} times`);

  // A replaced fetch that never answers, nor honours its signal, is cut
  // short by the call's own timer; one that returns a non-promise is a
  // typed error; and the next call works.
  const realFetch = globalThis.fetch;
  let hung;
  let odd;
  try {
    globalThis.fetch = () => new Promise(() => {});
    hung = await createGroup(org, token, "hung", "lhr", null, { baseUrl, timeoutMs: 100 }).then(() => undefined, (error) => error);
    globalThis.fetch = () => 42;
    odd = await createGroup(org, token, "odd", "lhr", null, { baseUrl }).then(() => undefined, (error) => error);
  } finally {
    globalThis.fetch = realFetch;
  }
  check(hung instanceof TursoClientError && hung.code === "timeout", `a hung fetch times out (${hung?.code})`);
  check(odd instanceof TursoClientError && odd.code === "network_error", `a fetch giving 42 is a network_error (${odd?.code})`);
  const after = await createGroup(org, token, "after-hostile-fetch", "lhr", null, { baseUrl });
  check(after.name === "after-hostile-fetch", "the next call works");

  return { ok: true, group: group.name, conflict: conflict.code, invalid: invalid.field, requests: seen.length };
}

/** In a page: runs the smoke test with `?api=…&org=…` and leaves the report in `window.smokeResult`. */
export function smokeInPage(turso) {
  const params = new URLSearchParams(location.search);
  window.smokeResult = smoke(turso, { baseUrl: params.get("api"), org: params.get("org") }).catch((error) => ({
    ok: false,
    error: String(error?.stack ?? error),
  }));
}
