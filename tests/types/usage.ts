// Compiled by `tsc --strict` in the tests: the lines must type-check, and
// each `@ts-expect-error` line must be an error, or tsc fails.
import {
  createClient,
  createGroup,
  TursoClientError,
  type AddedMember,
  type ApiToken,
  type AuditLogPage,
  type CreatedApiToken,
  type CreatedDatabase,
  type CreatedInvite,
  type Database,
  type DatabaseConfiguration,
  type AuthToken,
  type DatabaseUsage,
  type Instance,
  type Invite,
  type Invoice,
  type Member,
  type Organization,
  type OrganizationUsage,
  type Plan,
  type QueryStats,
  type Subscription,
  type TokenValidity,
  type User,
  type ClosestLocation,
  type Extension,
  type Extensions,
  type Group,
  type GroupConfiguration,
  type Location,
  type TursoClientErrorCode,
  type WithUnknownFields,
} from "turso-platform-wasm";

declare const org: string;
declare const token: string;

async function flatCalls(): Promise<void> {
  const group: Group = await createGroup(org, token, "new-group", "aws-us-east-1", ["vector", "uuid"]);
  const name: string = group.name;
  const uuid: string = group.uuid;
  const primary: string | undefined = group.primary;
  const locations: string[] | undefined = group.locations;
  const protectedGroup: boolean | undefined = group.delete_protection;
  const extra: unknown = group["archived"];
  void [name, uuid, primary, locations, protectedGroup, extra];

  await createGroup(org, token, "g", "lhr");
  await createGroup(org, token, "g", "lhr", "all");
  await createGroup(org, token, "g", "lhr", null, { baseUrl: "http://127.0.0.1:8787", timeoutMs: 5_000 });
  await createGroup(org, token, "g", "lhr", [], { signal: new AbortController().signal, maxRetries: 0 });

  // @ts-expect-error extensions are a known union
  await createGroup(org, token, "g", "lhr", ["postgis"]);
  // @ts-expect-error "all" is the only string form
  await createGroup(org, token, "g", "lhr", "none");
  // @ts-expect-error location is required
  await createGroup(org, token, "g");
  // @ts-expect-error org is a string
  await createGroup(42, token, "g", "lhr");
  // @ts-expect-error unknown option
  await createGroup(org, token, "g", "lhr", undefined, { retries: 3 });
  // @ts-expect-error timeoutMs is a number
  await createGroup(org, token, "g", "lhr", undefined, { timeoutMs: "5s" });
}

async function clientCalls(): Promise<void> {
  const turso = createClient({ org, token });
  const docs: Group = await turso.groups.create("new-group", { location: "lhr", extensions: ["vector", "uuid"] });
  const v2: Group = await turso.groups.create("new-group", "lhr", { extensions: "all" });
  const bare: Group = await turso.groups.create("new-group", "lhr");
  void [docs, v2, bare];

  createClient({ org, token, baseUrl: "https://api.turso.tech", timeoutMs: 10_000, maxRetries: 4 });
  createClient({ org, token: async () => token });
  createClient({ org, token: () => token });
  // @ts-expect-error a token function gives a string
  createClient({ org, token: async () => 42 });
  // @ts-expect-error maxRetries is a number
  createClient({ org, token, maxRetries: "2" });
  // @ts-expect-error token is required
  createClient({ org });
  // @ts-expect-error the docs shape needs a location
  await turso.groups.create("g", { extensions: "all" });
  // @ts-expect-error the v2 shape takes no location in its options
  await turso.groups.create("g", "lhr", { location: "ams" });
  // @ts-expect-error groups is read-only
  turso.groups = turso.groups;
}

async function everyGroupsCall(): Promise<void> {
  const { groups, locations } = createClient({ org, token, regionUrl: "https://region.turso.io" });
  const signal = new AbortController().signal;
  const listed: Group[] = await groups.list({ signal });
  const got: Group = await groups.get("g", { timeoutMs: 1_000 });
  const deleted: Group = await groups.delete("g");
  const config: GroupConfiguration = await groups.getConfiguration("g");
  const updated: GroupConfiguration = await groups.updateConfiguration("g", { delete_protection: true });
  const moved: Group = await groups.transfer("g", { organization: "other-org", maxRetries: 0 });
  const unarchived: Group = await groups.unarchive("g");
  const added: Group = await groups.addLocation("g", "ams");
  const removed: Group = await groups.removeLocation("g", "ams");
  const nothing: void = await groups.updateDatabases("g");
  const token1: AuthToken = await groups.createToken("g");
  const token2: AuthToken = await groups.createToken("g", {
    expiration: "2w1d30m",
    authorization: "read-only",
    permissions: { read_attach: { databases: ["db1"] } },
  });
  const jwt: string = token2.jwt;
  const rotated: void = await groups.rotateTokens("g");
  const places: Location[] = await locations.list();
  const code: string | undefined = places[0]?.code;
  const closest: ClosestLocation = await locations.closest();
  void [listed, got, deleted, config, updated, moved, unarchived, added, removed, nothing, token1, jwt, rotated, code, closest];

  // @ts-expect-error get needs a name
  await groups.get();
  // @ts-expect-error the name is a string
  await groups.delete(7);
  // @ts-expect-error delete_protection is a boolean
  await groups.updateConfiguration("g", { delete_protection: "yes" });
  // @ts-expect-error transfer needs the receiving organization
  await groups.transfer("g", {});
  // @ts-expect-error authorization is full-access or read-only
  await groups.createToken("g", { authorization: "admin" });
  // @ts-expect-error databases are names
  await groups.createToken("g", { permissions: { read_attach: { databases: [1] } } });
  // @ts-expect-error addLocation needs a location
  await groups.addLocation("g");
  // @ts-expect-error no such call
  await groups.renameTo("g", "h");
  // @ts-expect-error rename needs the new name
  await groups.rename("g");
  // @ts-expect-error the new name is positional
  await groups.rename("g", { newName: "h" });
  // @ts-expect-error waitForLocation needs a location
  await groups.waitForLocation("g");
  // @ts-expect-error a rule's actions are a list
  await groups.createToken("g", { fine_grained_permissions: [{ a: "data_read" }] });
  await groups.createToken("g", { fine_grained_permissions: [{ t: null, a: ["data_read"] }, { t: ["users"], a: ["data_add"] }] });
  await groups.rename("g", "h");
  await groups.waitForLocation("g", "lhr", { timeoutMs: 120_000 });
  const migration = await groups.awsMigration("g");
  void migration.status.toUpperCase();
  // @ts-expect-error a location has no uuid
  void places[0]?.uuid;
}

async function everyOtherCall(): Promise<void> {
  const turso = createClient({ org, token });
  const { organizations, databases, members, invites, apiTokens, auditLogs, user } = turso;
  const signal = new AbortController().signal;

  // Files in and out.
  createClient({ org, token, databaseUrl: (hostname) => `http://127.0.0.1:8787/hosts/${hostname}` });
  // @ts-expect-error databaseUrl maps a hostname to a URL
  createClient({ org, token, databaseUrl: "https://db.example" });
  const uploaded: CreatedDatabase = await databases.upload("tenant", new Uint8Array(4096), {
    group: "g",
    remote_encryption: { encryption_key: "a2V5", encryption_cipher: "aegis256" },
    onProgress: ({ uploadedBytes, totalBytes }) => void (uploadedBytes / totalBytes),
    signal,
  });
  void uploaded.Hostname;
  await databases.upload("tenant", new Blob([]), { group: "g" });
  // @ts-expect-error the group is required
  await databases.upload("tenant", new ArrayBuffer(4096), {});
  // @ts-expect-error a file's bytes, not its path
  await databases.upload("tenant", "./tenant.db", { group: "g" });
  // @ts-expect-error no such option
  await databases.upload("tenant", new Uint8Array(0), { group: "g", location: "lhr" });
  const file: ReadableStream<Uint8Array> = await databases.export("tenant", { signal });
  const bytes: ArrayBuffer = await new Response(file).arrayBuffer();
  void bytes;
  // @ts-expect-error the key is text
  await databases.export("tenant", { encryption_key: new Uint8Array(32) });

  const orgs: Organization[] = await organizations.list();
  const mine: Organization = await organizations.get({ signal });
  const updatedOrg: Organization = await organizations.update({ overages: true, require_mfa: false });
  const plans: Plan[] = await organizations.plans();
  const invoices: Invoice[] = await organizations.invoices({ type: "upcoming" });
  const subscription: Subscription = await organizations.subscription();
  const orgUsage: OrganizationUsage = await organizations.usage();
  void [orgs, mine, updatedOrg, plans, invoices, subscription, orgUsage];

  const dbs: Database[] = await databases.list({ group: "g", parent: "id" });
  const db: Database = await databases.get("db");
  const dbName: string = db.Name;
  const created: CreatedDatabase = await databases.create("db", {
    group: "g",
    seed: { type: "database", name: "other", timestamp: new Date() },
    size_limit: "256mb",
    remote_encryption: { encryption_key: "a2V5", encryption_cipher: "aegis256" },
    use_tursodb: true,
  });
  const kind: "libsql" | "tursodb" | undefined = db.database_type;
  const ensured: { database: Database; created: boolean } = await databases.ensure("db", { group: "g" });
  const groupEnsured: boolean = (await turso.groups.ensure("g", "lhr")).created;
  void [ensured.database.Name, groupEnsured];
  // @ts-expect-error ensure takes create's options
  await databases.ensure("db", { grup: "g" });
  await databases.transfer("db", { org: "other" });
  await databases.waitForInstance("db", "lhr");
  for await (const each of databases.all({ limit: 100 })) void each.Name;
  const orgPlaces = await turso.locations.listForOrganization();
  void [kind, orgPlaces[0]?.provider];
  const deletedName: string = await databases.delete("db");
  const config: DatabaseConfiguration = await databases.getConfiguration("db");
  const newConfig: DatabaseConfiguration = await databases.updateConfiguration("db", { allowed_ips: [], block_writes: true });
  const instances: Instance[] = await databases.listInstances("db");
  const instance: Instance = await databases.getInstance("db", "aws-us-east-1");
  const dbToken: AuthToken = await databases.createToken("db", { authorization: "read-only", expiration: "1d" });
  const rotated: void = await databases.rotateTokens("db");
  const usage: DatabaseUsage = await databases.usage("db", { from: new Date(), to: "2026-01-01T00:00:00Z" });
  const stats: QueryStats[] | null = await databases.stats("db");
  void [dbs, dbName, created, deletedName, config, newConfig, instances, instance, dbToken.jwt, rotated, usage, stats];

  const people: Member[] = await members.list();
  const person: Member = await members.get("iku");
  const added: AddedMember = await members.add({ username: "iku", role: "admin" });
  const changed: Member = await members.updateRole("iku", "viewer");
  const removed: string = await members.remove("iku");
  const pending: Invite[] = await invites.list();
  const invited: CreatedInvite = await invites.create({ email: "iku@turso.tech", role: "member" });
  const byName: CreatedInvite = await invites.create({ username: "iku" });
  const uninvited: void = await invites.delete("iku@turso.tech");
  void [people, person, added, changed, removed, pending, invited, byName, uninvited];

  const tokens: ApiToken[] = await apiTokens.list();
  const plain: CreatedApiToken = await apiTokens.create("ci");
  const scoped: CreatedApiToken = await apiTokens.create("ci", { organization: "acme", group: "g", scopes: ["read-only"] });
  const secret: string = scoped.token;
  const revoked: string = await apiTokens.revoke("ci");
  const orgTokens: ApiToken[] = await apiTokens.listForOrganization();
  const revokedId: string = await apiTokens.revokeForOrganization("id");
  const validity: TokenValidity = await apiTokens.validate();
  const exp: number = validity.exp;
  void [tokens, plain, secret, revoked, orgTokens, revokedId, exp];

  const page: AuditLogPage = await auditLogs.list({ pageSize: 50, page: 2 });
  const total: number = page.pagination.total_pages;
  for await (const entry of auditLogs.all({ pageSize: 100, signal })) {
    const what: string = entry.code;
    void what;
  }
  const me: User = await user.get();
  void [total, me.username];

  // @ts-expect-error a database needs its group
  await databases.create("db", {});
  // @ts-expect-error a "database" seed names the database
  await databases.create("db", { group: "g", seed: { type: "database" } });
  // @ts-expect-error not a cipher
  await databases.create("db", { group: "g", remote_encryption: { encryption_key: "k", encryption_cipher: "rot13" } });
  // @ts-expect-error dates are Dates or strings
  await databases.usage("db", { from: 1700000000 });
  // @ts-expect-error getInstance needs the instance
  await databases.getInstance("db");
  // @ts-expect-error transfer needs the receiving organization
  await databases.transfer("db", {});
  // @ts-expect-error use_tursodb is a boolean
  await databases.create("db", { group: "g", use_tursodb: "yes" });
  // @ts-expect-error a limit is a number
  await databases.list({ limit: "10" });
  // @ts-expect-error list follows the pages itself: there is no page
  await databases.list({ page: 2 });
  // @ts-expect-error the owner's role can't be given
  await members.updateRole("iku", "owner");
  // @ts-expect-error add needs a username
  await members.add({ role: "admin" });
  // @ts-expect-error an invite is by email or username, not both
  await invites.create({ email: "iku@turso.tech", username: "iku" });
  // @ts-expect-error a group-scoped token needs scopes
  await apiTokens.create("ci", { organization: "acme", group: "g" });
  // @ts-expect-error scopes are known
  await apiTokens.create("ci", { organization: "acme", group: "g", scopes: ["root"] });
  // @ts-expect-error validate checks the client's own token
  await apiTokens.validate("other-token");
  // @ts-expect-error all() sets page itself
  auditLogs.all({ page: 2 });
  // @ts-expect-error not an invoice type
  await organizations.invoices({ type: "paid" });
  // @ts-expect-error a deleted database's name is a string
  const wrongDeleted: Database = await databases.delete("db");
  void wrongDeleted;
}

function errors(error: unknown): string {
  if (error instanceof TursoClientError) {
    const code: TursoClientErrorCode = error.code;
    const status: number | undefined = error.status;
    const body: string | undefined = error.body;
    const apiCode: string | undefined = error.apiCode;
    void apiCode;
    const attempts: number = error.attempts;
    void attempts;
    switch (error.code) {
      case "conflict":
        return `exists (${status}) ${body ?? ""}`;
      case "invalid_argument":
        return `bad ${error.field ?? "?"}`;
      // @ts-expect-error not a code
      case "teapot":
        return code;
      default:
        return error.message;
    }
  }
  return "unknown";
}

const everyExtension: readonly Extension[] = [
  "vector", "vec", "crypto", "fuzzy", "math", "stats", "text", "unicode", "uuid", "regexp",
];
const all: Extensions = "all";
// @ts-expect-error not an extension
const wrong: Extension = "postgis";
// @ts-expect-error the class is not constructed by users
new TursoClientError("x");

async function where(error: TursoClientError): Promise<string | undefined> {
  const json = error.toJSON();
  const operation: string | undefined = error.operation;
  // @ts-expect-error toJSON gives no stack
  void json.stack;
  const turso = createClient({ org: "o", token: "t" });
  const db = await turso.databases.get("db");
  // @ts-expect-error the wire's names, not @tursodatabase/api's: Name, DbId, Hostname
  void db.name;
  // @ts-expect-error nor its id
  void db.id;
  const group = await turso.groups.get("g");
  // @ts-expect-error a misspelt field of an answer
  void group.nmae;
  // @ts-expect-error delete resolves to the name, not @tursodatabase/api's { database }
  void (await turso.databases.delete("db")).database;
  return json.message + operation;
}

async function fieldsAddedLater(): Promise<string> {
  const turso = createClient({ org: "o", token: "t" });
  const group: WithUnknownFields<Group> = await turso.groups.get("g");
  const later: unknown = group.new_field;
  // @ts-expect-error a field added later is unknown until checked
  const unchecked: string = group.new_field;
  // @ts-expect-error the known fields keep their types
  const archived: string = group.archived;
  const database: WithUnknownFields<Database> = await turso.databases.get("db");
  return typeof later === "string" ? later + unchecked + archived : database.Name;
}

export { flatCalls, clientCalls, everyGroupsCall, everyOtherCall, errors, everyExtension, all, wrong, where, fieldsAddedLater };
