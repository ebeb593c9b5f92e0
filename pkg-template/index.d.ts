/** A SQLite extension a group can enable for its databases. */
export type Extension =
  | "vector"
  | "vec"
  | "crypto"
  | "fuzzy"
  | "math"
  | "stats"
  | "text"
  | "unicode"
  | "uuid"
  | "regexp";

/** `"all"`, or a list of distinct extensions (an empty list enables none). */
export type Extensions = "all" | readonly Extension[];

/**
 * A group as the Turso Platform API returns it (`Group`). The object is the
 * API's answer as `JSON.parse` reads it, checked against this shape: fields
 * the API adds later are there too.
 */
export interface Group {
  /** The group name, unique across the organization. */
  name: string;
  /** The group's universally unique identifier. */
  uuid: string;
  /** The primary location key. */
  primary?: string;
  /** @deprecated by the API: the location keys the group is in. */
  locations?: string[];
  /** @deprecated by the API: the libSQL server version of the group's databases. */
  version?: string;
  /** Whether the group and its databases are protected from deletion. */
  delete_protection?: boolean;
  /** Whether the group was archived for inactivity (in the API's examples, not its schema). */
  archived?: boolean;
  [field: string]: unknown;
}

/** A group's configuration (`GroupConfigurationResponse`). */
export interface GroupConfiguration {
  /** Whether the group and its databases are protected from deletion. */
  delete_protection?: boolean;
  [field: string]: unknown;
}

/** A token minted for a group's databases (the same shape as a database's). */
export type GroupToken = DatabaseToken;

/** A location where databases can be placed. */
export interface Location {
  /** Its key, such as `"aws-us-east-1"`. */
  code: string;
  /** Its name, such as `"AWS US East (Virginia)"`. */
  description: string;
}

/** The location closest to the caller, as `region.turso.io` sees it. */
export interface ClosestLocation {
  /** The location that answered. */
  server: string;
  /** The location closest to the caller. */
  client: string;
  [field: string]: unknown;
}

/** A database as the API returns it (`Database`): `Name`, `DbId` and `Hostname` are capitalised on the wire. */
export interface Database {
  /** The database name, unique across the organization. */
  Name: string;
  /** The database's universally unique identifier. */
  DbId: string;
  /** The host for libSQL and HTTP connections. */
  Hostname?: string;
  block_reads?: boolean;
  block_writes?: boolean;
  /** @deprecated by the API: the locations of the database's group. */
  regions?: string[];
  /** The primary location of the database's group. */
  primaryRegion?: string;
  /** The group the database belongs to. */
  group?: string;
  /** Whether the database is protected from deletion. */
  delete_protection?: boolean;
  /** The database this one was branched from, or `null`. */
  parent?: DatabaseParent | null;
  [field: string]: unknown;
}

/** The database a branch was made from. */
export interface DatabaseParent {
  id?: string;
  name?: string;
  /** When it was branched, in RFC 3339. */
  branched_at?: string;
  [field: string]: unknown;
}

/** A new database's names (`CreateDatabaseOutput`). */
export interface CreatedDatabase {
  DbId: string;
  Hostname: string;
  Name: string;
  [field: string]: unknown;
}

/** A database's configuration (`DatabaseConfigurationResponse`). */
export interface DatabaseConfiguration {
  /** Bytes, or a size with a unit such as `"256mb"`. */
  size_limit?: string;
  /** @deprecated by the API. */
  allow_attach?: boolean;
  block_reads?: boolean;
  block_writes?: boolean;
  delete_protection?: boolean;
  /** IP addresses and CIDR blocks allowed to connect; empty for any. */
  allowed_ips?: string[];
  /** AWS VPC endpoint IDs allowed to connect; empty for any. */
  allowed_aws_vpc_ids?: string[];
  [field: string]: unknown;
}

/** One instance of a database, in one location (`Instance`). */
export interface Instance {
  uuid: string;
  /** Its location code. */
  name: string;
  type?: "primary" | "replica";
  region?: string;
  hostname?: string;
  [field: string]: unknown;
}

/** Counts over a period (`DatabaseUsageObject`). */
export interface Usage {
  rows_read?: number;
  rows_written?: number;
  storage_bytes?: number;
  bytes_synced?: number;
  [field: string]: unknown;
}

/** A database's usage over a period (`DatabaseUsageOutput`). */
export interface DatabaseUsage {
  uuid?: string;
  instances?: { uuid?: string; usage?: Usage; [field: string]: unknown }[];
  total?: Usage;
  [field: string]: unknown;
}

/** One of a database's top queries (`DatabaseStatsOutput`). */
export interface QueryStats {
  query: string;
  rows_read?: number;
  rows_written?: number;
  [field: string]: unknown;
}

/** A token minted for a database's or a group's databases. Keep it secret: it is never put in an error. */
export interface DatabaseToken {
  /** The token, a JWT. */
  jwt: string;
  [field: string]: unknown;
}

/** An organization, or a user's personal account (`Organization`). */
export interface Organization {
  name: string;
  slug: string;
  type?: "personal" | "team";
  overages?: boolean;
  require_mfa?: boolean;
  blocked_reads?: boolean;
  blocked_writes?: boolean;
  plan_id?: string;
  plan_timeline?: string;
  /** The platform that manages it, such as `"vercel"`; empty for Turso. */
  platform?: string;
  [field: string]: unknown;
}

/** A plan an organization can be on (`OrganizationPlan`). */
export interface Plan {
  name: string;
  /** The monthly price. */
  price?: string;
  prices?: { value?: string; timeline?: string; [field: string]: unknown }[];
  quotas?: PlanQuotas;
  [field: string]: unknown;
}

/** What a plan allows (`PlanQuotas`). */
export interface PlanQuotas {
  rowsRead?: number;
  rowsWritten?: number;
  /** `null` for no limit. */
  databases?: number | null;
  locations?: number;
  storage?: number;
  groups?: number;
  bytesSynced?: number;
  [field: string]: unknown;
}

/** An invoice. */
export interface Invoice {
  invoice_number: string;
  /** The amount in USD, formatted, such as `"10.29"`. */
  amount_due?: string;
  due_date?: string;
  paid_at?: string;
  payment_failed_at?: string;
  /** Where to download it. */
  invoice_pdf?: string;
  [field: string]: unknown;
}

/** An organization's current subscription. */
export interface Subscription {
  name?: string;
  overages?: boolean;
  plan?: string;
  /** `"monthly"` or `"yearly"`. */
  timeline?: string;
  [field: string]: unknown;
}

/** An organization's usage this period, in all and per database. */
export interface OrganizationUsage {
  uuid?: string;
  usage?: {
    rows_read?: number;
    rows_written?: number;
    databases?: number;
    locations?: number;
    storage_bytes?: number;
    groups?: number;
    bytes_synced?: number;
    [field: string]: unknown;
  };
  databases?: DatabaseUsage[];
  [field: string]: unknown;
}

/** A role that can be given: every role but the owner's. */
export type Role = "admin" | "member" | "viewer";

/** A member of an organization (`Member`). */
export interface Member {
  username: string;
  role?: "owner" | Role;
  email?: string;
  [field: string]: unknown;
}

/** Who was added to an organization, and as what. */
export interface AddedMember {
  /** The username. */
  member: string;
  role?: Role;
  [field: string]: unknown;
}

/** A pending invitation (`InviteV2`). */
export interface Invite {
  email: string;
  id?: number;
  role?: Role;
  /** When it was sent, in RFC 3339. */
  created_at?: string;
  [field: string]: unknown;
}

/** An invitation that was sent (`InviteCreatedV2`). */
export interface CreatedInvite {
  email?: string;
  role?: Role;
  organization?: string;
  [field: string]: unknown;
}

/** What a group-scoped API token may do; `read-only` and `full-access` are presets. */
export type Scope =
  | "read"
  | "db:create"
  | "db:delete"
  | "db:configure"
  | "db:mint-token"
  | "db:rotate-creds"
  | "group:configure"
  | "group:mint-token"
  | "group:rotate-creds"
  | "read-only"
  | "full-access";

/** A Platform API token, without its secret (`APIToken`). */
export interface ApiToken {
  name: string;
  id: string;
  /** The organization it is restricted to, if any. */
  organization?: string;
  /** The group it is pinned to, for a group-scoped token. */
  group?: string;
  /** The scopes of a group-scoped token, presets expanded. */
  scopes?: string[];
  /** Who minted it; in `listForOrganization`, for admins and owners. */
  owner?: { username?: string; email?: string; [field: string]: unknown };
  /** `YYYY-MM-DD`. */
  created_at?: string;
  [field: string]: unknown;
}

/** A minted API token. The API shows `token` only this once; it is never put in an error. */
export interface CreatedApiToken {
  name: string;
  id: string;
  /** The token, a JWT, for `Authorization: Bearer`. */
  token: string;
  [field: string]: unknown;
}

/** When the client's own token expires. */
export interface TokenValidity {
  /** Unix seconds, or `-1` for never. */
  exp: number;
  [field: string]: unknown;
}

/** One action taken in an organization (`AuditLog`). */
export interface AuditLog {
  /** What was done, such as `"db-create"`. */
  code: string;
  message?: string;
  /** `"cli"` or `"web"`. */
  origin?: string;
  /** The username of who did it. */
  author?: string;
  /** In RFC 3339. */
  created_at?: string;
  /** What the action carried. */
  data?: Record<string, unknown>;
  [field: string]: unknown;
}

/** One page of audit logs. */
export interface AuditLogPage {
  audit_logs: AuditLog[];
  pagination: { page: number; page_size: number; total_pages: number; total_rows: number; [field: string]: unknown };
  [field: string]: unknown;
}

/** The user a token belongs to. */
export interface User {
  username: string;
  /** The display name. */
  name?: string;
  email?: string;
  avatarUrl?: string;
  plan?: string;
  mfa?: boolean;
  has_pending_invites?: boolean;
  [field: string]: unknown;
}

/** Limits for one call. */
export interface RequestOptions {
  /** Cancels the call; it then rejects with code `"aborted"`. */
  signal?: AbortSignal | null;
  /**
   * Milliseconds before the call, retries included, rejects with code
   * `"timeout"`. Default 60000.
   */
  timeoutMs?: number | null;
  /**
   * Retries after a failure that may pass: for a `GET`, a 429, 502, 503, 504
   * or network error; for any other method only a 429, or a 503 with
   * `Retry-After`, the answers that say nothing was done. 0 to 10; default 2.
   */
  maxRetries?: number | null;
}

/** The last argument of `createGroup`. */
export interface CreateGroupCallOptions extends RequestOptions {
  /** Default `https://api.turso.tech`. Plain `http:` only for loopback hosts. */
  baseUrl?: string | null;
}

/** `createClient`'s settings. */
export interface TursoClientConfig {
  /** The organization (or user) slug. */
  org: string;
  /** A Platform API token, without `Bearer `. */
  token: string;
  /** Default `https://api.turso.tech`. Plain `http:` only for loopback hosts. */
  baseUrl?: string | null;
  /** Where `locations.closest()` asks. Default `https://region.turso.io`; it gets no token. */
  regionUrl?: string | null;
  /** The default timeout of this client's calls, in milliseconds. Default 60000. */
  timeoutMs?: number | null;
  /** The default `maxRetries` of this client's calls. Default 2. */
  maxRetries?: number | null;
}

/** `groups.create(name, options)`: the shape in Turso's docs. */
export interface CreateGroupOptions extends RequestOptions {
  location: string;
  extensions?: Extensions | null;
}

/** `groups.create(name, location, options)`: the shape of `@tursodatabase/api` v2. */
export interface CreateGroupExtraOptions extends RequestOptions {
  extensions?: Extensions | null;
}

/** `groups.updateConfiguration(name, options)`. */
export interface UpdateGroupConfigurationOptions extends RequestOptions {
  /** Protect the group and its databases from deletion, or stop protecting them. */
  delete_protection?: boolean;
}

/** `groups.transfer(name, options)`. */
export interface TransferGroupOptions extends RequestOptions {
  /** The slug of the organization that receives the group. */
  organization: string;
}

/** `groups.createToken(name, options)`. */
export interface CreateGroupTokenOptions extends RequestOptions {
  /** `"never"` (the API's default) or a duration such as `"2w1d30m"`. */
  expiration?: string | null;
  /** Default `"full-access"`. */
  authorization?: "full-access" | "read-only" | null;
  /** Extra claims; the body is sent only when this is given. */
  permissions?: {
    /** Read `ATTACH` permission on other databases. */
    read_attach?: { databases?: string[] };
  } | null;
}

/** A moment: a `Date`, or RFC 3339 text with a time zone such as `"2023-01-01T00:00:00Z"`. */
export type Moment = Date | string;

/** `databases.list(options)`. */
export interface ListDatabasesOptions extends RequestOptions {
  /** Only the databases of this group. */
  group?: string | null;
  /** @deprecated by the API: the databases of this parent schema database. */
  schema?: string | null;
  /** Only the branches of the database with this ID. */
  parent?: string | null;
}

/** What a new database starts from. */
export type Seed =
  | { type: "database"; name: string; timestamp?: Moment }
  | { type: "database_upload"; name?: string; timestamp?: Moment };

/** The ciphers a database can be encrypted with. */
export type EncryptionCipher =
  | "aes256gcm"
  | "aes128gcm"
  | "chacha20poly1305"
  | "aegis128l"
  | "aegis128x2"
  | "aegis128x4"
  | "aegis256"
  | "aegis256x2"
  | "aegis256x4";

/** `databases.create(name, options)`. */
export interface CreateDatabaseOptions extends RequestOptions {
  /** The group to create it in, which must exist. */
  group: string;
  seed?: Seed | null;
  /** Bytes, or a size with a unit such as `"256mb"`. */
  size_limit?: string | null;
  /** Encryption at rest. The key is never put in an error. */
  remote_encryption?: { encryption_key: string; encryption_cipher: EncryptionCipher } | null;
}

/** `databases.updateConfiguration(name, options)`: what is left out is left unchanged. */
export interface UpdateDatabaseConfigurationOptions extends RequestOptions {
  size_limit?: string;
  /** @deprecated by the API. */
  allow_attach?: boolean;
  block_reads?: boolean;
  block_writes?: boolean;
  delete_protection?: boolean;
  /** IP addresses and CIDR blocks allowed to connect; `[]` for any. */
  allowed_ips?: string[];
  /** AWS VPC endpoint IDs allowed to connect; `[]` for any. */
  allowed_aws_vpc_ids?: string[];
}

/** `databases.usage(name, options)`: the current month unless said. */
export interface DatabaseUsageOptions extends RequestOptions {
  from?: Moment | null;
  to?: Moment | null;
}

/** `organizations.update(options)`. */
export interface UpdateOrganizationOptions extends RequestOptions {
  overages?: boolean;
  /** Require multi-factor authentication of every member. */
  require_mfa?: boolean;
}

/** `organizations.invoices(options)`. */
export interface InvoicesOptions extends RequestOptions {
  type?: "all" | "upcoming" | "issued" | null;
}

/** `members.add(options)`. */
export interface AddMemberOptions extends RequestOptions {
  /** An existing Turso user. */
  username: string;
  /** Default `"member"`. */
  role?: Role;
}

/** `invites.create(options)`: an email, or the username of an existing user. */
export type CreateInviteOptions = RequestOptions & { role?: Role } & (
    | { email: string; username?: never }
    | { username: string; email?: never }
  );

/** `apiTokens.create(name, options)`: none for an unrestricted token, `organization` alone for one organization, all three for one group. */
export type CreateApiTokenOptions = RequestOptions &
  (
    | { organization?: string; group?: never; scopes?: never }
    | { organization: string; group: string; scopes: readonly [Scope, ...Scope[]] }
  );

/** `auditLogs.list(options)`. */
export interface AuditLogsOptions extends RequestOptions {
  /** Entries per page; the API's default is 100. */
  pageSize?: number | null;
  /** From 1, the default. */
  page?: number | null;
}

/** The Organizations resource of a client. */
export interface OrganizationsApi {
  /** `GET /v1/organizations`: every organization the token can reach. */
  list(options?: RequestOptions | null): Promise<Organization[]>;
  /** `GET /v1/organizations/{org}` */
  get(options?: RequestOptions | null): Promise<Organization>;
  /** `PATCH /v1/organizations/{org}` */
  update(options: UpdateOrganizationOptions): Promise<Organization>;
  /** `GET …/plans` */
  plans(options?: RequestOptions | null): Promise<Plan[]>;
  /** `GET …/invoices` */
  invoices(options?: InvoicesOptions | null): Promise<Invoice[]>;
  /** `GET …/subscription` */
  subscription(options?: RequestOptions | null): Promise<Subscription>;
  /** `GET …/usage` */
  usage(options?: RequestOptions | null): Promise<OrganizationUsage>;
}

/** The Databases resource of a client. */
export interface DatabasesApi {
  /** `GET /v1/organizations/{org}/databases` */
  list(options?: ListDatabasesOptions | null): Promise<Database[]>;
  /** `GET …/databases/{name}` */
  get(name: string, options?: RequestOptions | null): Promise<Database>;
  /** `POST …/databases` */
  create(name: string, options: CreateDatabaseOptions): Promise<CreatedDatabase>;
  /** `DELETE …/databases/{name}`: resolves to the deleted database's name. */
  delete(name: string, options?: RequestOptions | null): Promise<string>;
  /** `GET …/databases/{name}/configuration` */
  getConfiguration(name: string, options?: RequestOptions | null): Promise<DatabaseConfiguration>;
  /** `PATCH …/databases/{name}/configuration` */
  updateConfiguration(name: string, options: UpdateDatabaseConfigurationOptions): Promise<DatabaseConfiguration>;
  /** `GET …/databases/{name}/instances` */
  listInstances(name: string, options?: RequestOptions | null): Promise<Instance[]>;
  /** `GET …/databases/{name}/instances/{instance}`: `instance` is a location code. */
  getInstance(name: string, instance: string, options?: RequestOptions | null): Promise<Instance>;
  /** `POST …/databases/{name}/auth/tokens` */
  createToken(name: string, options?: CreateDatabaseTokenOptions | null): Promise<DatabaseToken>;
  /** `POST …/databases/{name}/auth/rotate`: invalidates every token of the database. */
  rotateTokens(name: string, options?: RequestOptions | null): Promise<void>;
  /** `GET …/databases/{name}/usage` */
  usage(name: string, options?: DatabaseUsageOptions | null): Promise<DatabaseUsage>;
  /** `GET …/databases/{name}/stats`: the top queries, or `null` when there are none. */
  stats(name: string, options?: RequestOptions | null): Promise<QueryStats[] | null>;
}

/** The Members resource of a client. */
export interface MembersApi {
  /** `GET /v1/organizations/{org}/members` */
  list(options?: RequestOptions | null): Promise<Member[]>;
  /** `GET …/members/{username}` */
  get(username: string, options?: RequestOptions | null): Promise<Member>;
  /** `POST …/members` */
  add(options: AddMemberOptions): Promise<AddedMember>;
  /** `PATCH …/members/{username}` */
  updateRole(username: string, role: Role, options?: RequestOptions | null): Promise<Member>;
  /** `DELETE …/members/{username}`: resolves to the removed member's username. */
  remove(username: string, options?: RequestOptions | null): Promise<string>;
}

/** The Invites resource of a client. */
export interface InvitesApi {
  /** `GET /v2/organizations/{org}/invites` */
  list(options?: RequestOptions | null): Promise<Invite[]>;
  /** `POST /v2/organizations/{org}/invites` */
  create(options: CreateInviteOptions): Promise<CreatedInvite>;
  /** `DELETE /v2/organizations/{org}/invites/{email}` */
  delete(email: string, options?: RequestOptions | null): Promise<void>;
}

/** The API Tokens resource of a client. */
export interface ApiTokensApi {
  /** `GET /v1/auth/api-tokens`: the user's tokens. */
  list(options?: RequestOptions | null): Promise<ApiToken[]>;
  /** `POST /v1/auth/api-tokens/{name}` */
  create(name: string, options?: CreateApiTokenOptions | null): Promise<CreatedApiToken>;
  /** `DELETE /v1/auth/api-tokens/{name}`: resolves to the revoked token's name. */
  revoke(name: string, options?: RequestOptions | null): Promise<string>;
  /** `GET /v1/organizations/{org}/api-tokens`: the tokens restricted to the client's organization. */
  listForOrganization(options?: RequestOptions | null): Promise<ApiToken[]>;
  /** `DELETE /v1/organizations/{org}/api-tokens/{id}`: resolves to the revoked token's ID. */
  revokeForOrganization(id: string, options?: RequestOptions | null): Promise<string>;
  /** `GET /v1/auth/validate`: whether the client's own token is valid, and until when. */
  validate(options?: RequestOptions | null): Promise<TokenValidity>;
}

/** The Audit Logs resource of a client. */
export interface AuditLogsApi {
  /** `GET /v1/organizations/{org}/audit-logs`: one page. */
  list(options?: AuditLogsOptions | null): Promise<AuditLogPage>;
  /**
   * Every entry, newest first, one page fetched at a time as they are
   * consumed, up to the last page. Each page is a `list` call with these
   * options; its `signal` also stops the walk.
   */
  all(options?: Omit<AuditLogsOptions, "page"> | null): AsyncGenerator<AuditLog, void, undefined>;
}

/** The User resource of a client. */
export interface UserApi {
  /** `GET /v1/user`: the user the token belongs to. */
  get(options?: RequestOptions | null): Promise<User>;
}

/** `databases.createToken(name, options)`: as a group's. */
export type CreateDatabaseTokenOptions = CreateGroupTokenOptions;

/** The Groups resource of a client. */
export interface GroupsApi {
  /** `GET /v1/organizations/{org}/groups` */
  list(options?: RequestOptions | null): Promise<Group[]>;
  /** `GET /v1/organizations/{org}/groups/{name}` */
  get(name: string, options?: RequestOptions | null): Promise<Group>;
  /** `POST /v1/organizations/{org}/groups` */
  create(name: string, options: CreateGroupOptions): Promise<Group>;
  create(name: string, location: string, options?: CreateGroupExtraOptions | null): Promise<Group>;
  /** `DELETE /v1/organizations/{org}/groups/{name}`: resolves to the deleted group. */
  delete(name: string, options?: RequestOptions | null): Promise<Group>;
  /** `GET …/groups/{name}/configuration` */
  getConfiguration(name: string, options?: RequestOptions | null): Promise<GroupConfiguration>;
  /** `PATCH …/groups/{name}/configuration` */
  updateConfiguration(name: string, options: UpdateGroupConfigurationOptions): Promise<GroupConfiguration>;
  /** `POST …/groups/{name}/transfer`: resolves to the group. */
  transfer(name: string, options: TransferGroupOptions): Promise<Group>;
  /** `POST …/groups/{name}/unarchive` */
  unarchive(name: string, options?: RequestOptions | null): Promise<Group>;
  /** @deprecated by the API, as in `@tursodatabase/api`. `POST …/groups/{name}/locations/{location}` */
  addLocation(name: string, location: string, options?: RequestOptions | null): Promise<Group>;
  /** @deprecated by the API, as in `@tursodatabase/api`. `DELETE …/groups/{name}/locations/{location}` */
  removeLocation(name: string, location: string, options?: RequestOptions | null): Promise<Group>;
  /** `POST …/groups/{name}/update`: updates the group's databases to the latest libSQL. */
  updateDatabases(name: string, options?: RequestOptions | null): Promise<void>;
  /** `POST …/groups/{name}/auth/tokens` */
  createToken(name: string, options?: CreateGroupTokenOptions | null): Promise<GroupToken>;
  /** `POST …/groups/{name}/auth/rotate`: invalidates every token of the group. */
  rotateTokens(name: string, options?: RequestOptions | null): Promise<void>;
}

/** The Locations resource of a client. */
export interface LocationsApi {
  /** `GET /v1/locations`, as a list sorted by code. */
  list(options?: RequestOptions | null): Promise<Location[]>;
  /** `GET https://region.turso.io/` (or `regionUrl`), with no token. */
  closest(options?: RequestOptions | null): Promise<ClosestLocation>;
}

/** A client bound to one organization and token. Its methods need no `this`. */
export interface TursoClient {
  readonly organizations: OrganizationsApi;
  readonly groups: GroupsApi;
  readonly databases: DatabasesApi;
  readonly locations: LocationsApi;
  readonly members: MembersApi;
  readonly invites: InvitesApi;
  readonly apiTokens: ApiTokensApi;
  readonly auditLogs: AuditLogsApi;
  readonly user: UserApi;
}

/**
 * Creates a group in `org`. Rejects with a `TursoClientError`; a bad
 * argument rejects with code `"invalid_argument"` before anything is sent.
 */
export function createGroup(
  org: string,
  token: string,
  name: string,
  location: string,
  extensions?: Extensions | null,
  options?: CreateGroupCallOptions | null,
): Promise<Group>;

/**
 * A client that mirrors `@tursodatabase/api`. Throws a `TursoClientError`
 * with code `"invalid_argument"` if a setting is bad.
 */
export function createClient(config: TursoClientConfig): TursoClient;

/** What went wrong, for code to branch on. */
export type TursoClientErrorCode =
  | "invalid_argument"
  | "bad_request"
  | "unauthorized"
  | "payment_required"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "unprocessable_entity"
  | "rate_limited"
  | "server_error"
  | "http_error"
  | "decode_error"
  | "network_error"
  | "timeout"
  | "aborted"
  | "internal";

/** The argument an `invalid_argument` error is about. */
export type TursoClientErrorField =
  | "org"
  | "token"
  | "name"
  | "location"
  | "extensions"
  | "baseUrl"
  | "regionUrl"
  | "expiration"
  | "authorization"
  | "permissions"
  | "delete_protection"
  | "organization"
  | "group"
  | "schema"
  | "parent"
  | "seed"
  | "size_limit"
  | "remote_encryption"
  | "allow_attach"
  | "block_reads"
  | "block_writes"
  | "allowed_ips"
  | "allowed_aws_vpc_ids"
  | "instance"
  | "from"
  | "to"
  | "overages"
  | "require_mfa"
  | "type"
  | "username"
  | "role"
  | "email"
  | "scopes"
  | "id"
  | "pageSize"
  | "page"
  | "timeoutMs"
  | "maxRetries"
  | "signal"
  | "options"
  | "config";

/** Every rejection of this package is an instance of this class. */
export declare class TursoClientError extends Error {
  private constructor();
  readonly name: "TursoClientError";
  readonly code: TursoClientErrorCode;
  /** The HTTP status, when the server answered. */
  readonly status?: number;
  /** The rejected argument, for `invalid_argument`. */
  readonly field?: TursoClientErrorField;
  /** The raw response text, capped at 4 KiB, when the server answered. */
  readonly body?: string;
  /** The API's own `code` from its error body, where it sent one. */
  readonly apiCode?: string;
  /** How many requests the call sent: 0 when it was rejected before sending. */
  readonly attempts: number;
}
