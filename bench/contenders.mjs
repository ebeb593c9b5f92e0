// The three ways of creating a group that the benchmark compares, each as
// `create(name)` against the stand-in at `baseUrl`.
export const TOKEN = "standin-token";
export const CONTENDERS = ["fetch", "sdk", "wasm"];

export async function load(contender, baseUrl, org) {
  switch (contender) {
    case "fetch": {
      const url = `${baseUrl}/v1/organizations/${encodeURIComponent(org)}/groups`;
      const headers = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };
      return async (name) => {
        const response = await fetch(url, { method: "POST", headers, body: JSON.stringify({ name, location: "lhr" }) });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return (await response.json()).group;
      };
    }
    case "sdk": {
      const { createClient } = await import("@tursodatabase/api");
      const turso = createClient({ org, token: TOKEN, baseUrl: `${baseUrl}/v1/` });
      return (name) => turso.groups.create(name, "lhr");
    }
    case "wasm": {
      const { createClient } = await import("turso-platform-wasm");
      const turso = createClient({ org, token: TOKEN, baseUrl });
      return (name) => turso.groups.create(name, "lhr");
    }
    default:
      throw new Error(`unknown contender ${contender}`);
  }
}
