// The types of turso-platform-wasm. What describes an operation, between the
// markers, is generated from the Rust declarations; the rest is written here.

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
   * or network error; for a chunk of an upload, as turso-cli retries one, a
   * 408, 429, any 5xx or network error; for any other method only a 429, or a
   * 503 with `Retry-After`, the answers that say nothing was done. 0 to 15;
   * default 2, and 15 for a chunk of an upload.
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
  /**
   * A Platform API token, without `Bearer `; or a function that gives one,
   * called and awaited for every request, for short-lived tokens. A token
   * it gives is used for that request alone, and is never put in an error;
   * a function that throws or rejects fails the call with
   * `invalid_argument` (`field: "token"`), and nothing is sent.
   */
  token: string | (() => string | PromiseLike<string>);
  /**
   * Default `https://api.turso.tech`. Plain `http:` only for loopback hosts.
   * Without the API's version: each call's path has its own, so a base
   * ending in `/v1`, as `@tursodatabase/api` takes it, is refused.
   */
  baseUrl?: string | null;
  /** Where `locations.closest()` asks. Default `https://region.turso.io`; it gets no token. */
  regionUrl?: string | null;
  /** The default timeout of this client's calls, in milliseconds. Default 60000. */
  timeoutMs?: number | null;
  /** The default `maxRetries` of this client's calls. Default 2. */
  maxRetries?: number | null;
  /**
   * Where `databases.upload` and `databases.export` reach a database's own
   * server, from its `Hostname`. Default `` (hostname) => `https://${hostname}` ``.
   * Plain `http:` only for loopback hosts.
   */
  databaseUrl?: ((hostname: string) => string) | null;
}

/**
 * A call's last argument: required where its options have a required
 * field, else optional.
 */
export type OptionsArgument<Options> = {} extends Options ? [options?: Options | null] : [options: Options];

/**
 * An answer with room for the fields the API adds after this version. An
 * answer's type has its known fields only, so that a misspelt field is a
 * compile error; the value has every field the API sent. Opt into this
 * where you read a new one: its known fields keep their types, and any
 * other is `unknown` until you check it.
 *
 * ```ts
 * const group: WithUnknownFields<Group> = await turso.groups.get("default");
 * if (typeof group.new_field === "string") console.log(group.new_field);
 * ```
 */
export type WithUnknownFields<Answer extends object> = Answer & { readonly [field: string]: unknown };

/** A moment: a `Date`, or RFC 3339 text with a time zone such as `"2023-01-01T00:00:00Z"`. */
export type Moment = Date | string;

// <generated>
// Generated from the declarations in src/ by `cargo test --test generated`; do not edit.

// Answers are checked at run time for their envelope, for an object where an
// object belongs and a list where a list does, and for the fields they must
// have, with their types; a field marked optional is passed on as the API
// sent it, unchecked (README: Answers).

/**
 * Who was added, and as what.
 */
export type AddedMember = {
  /**
   * The username.
   */
  member: string,
  role?: Role,
};

/**
 * The keyword `"all"`.
 */
export type AllExtensions = "all";

/**
 * A Platform API token, without its secret (`APIToken`).
 */
export type ApiToken = {
  name: string,
  id: string,
  /**
   * The organization it is restricted to, if any.
   */
  organization?: string,
  /**
   * The group it is pinned to, for a group-scoped token.
   */
  group?: string,
  /**
   * The scopes of a group-scoped token, presets expanded.
   */
  scopes?: string[],
  /**
   * Who minted it; in the organization's list, for admins and owners.
   */
  owner?: TokenOwner,
  /**
   * `YYYY-MM-DD`.
   */
  created_at?: string,
};

/**
 * One action taken in the organization (`AuditLog`).
 */
export type AuditLog = {
  /**
   * What was done, such as `"db-create"`.
   */
  code: string,
  message?: string,
  /**
   * `"cli"` or `"web"`.
   */
  origin?: string,
  /**
   * The username of who did it.
   */
  author?: string,
  /**
   * In RFC 3339.
   */
  created_at?: string,
  /**
   * What the action carried; any JSON object.
   */
  data?: Record<string, unknown>,
};

/**
 * One page of audit logs, and where it is among the pages.
 */
export type AuditLogPage = {
  audit_logs: AuditLog[],
  pagination: Pagination,
};

/**
 * A minted token. Its `Debug` output hides the token.
 */
export type AuthToken = {
  jwt: string,
};

/**
 * Where a group's move to AWS stands.
 */
export type AwsMigration = {
  status: string,
  comment?: string,
};

export type Cipher = "aes256gcm" | "aes128gcm" | "chacha20poly1305" | "aegis128l" | "aegis128x2" | "aegis128x4" | "aegis256" | "aegis256x2" | "aegis256x4";

/**
 * The location closest to the caller, as the region finder sees it.
 */
export type ClosestLocation = {
  /**
   * The location that answered.
   */
  server: string,
  /**
   * The location closest to the caller.
   */
  client: string,
};

/**
 * A minted API token. Its `Debug` output hides the token, which the API
 * shows only this once.
 */
export type CreatedApiToken = {
  name: string,
  id: string,
  /**
   * The token, a JWT, for `Authorization: Bearer`.
   */
  token: string,
};

/**
 * A new database's names (`CreateDatabaseOutput`).
 */
export type CreatedDatabase = {
  DbId: string,
  Hostname: string,
  Name: string,
};

/**
 * The invitation that was sent (`InviteCreatedV2`).
 */
export type CreatedInvite = {
  email?: string,
  role?: Role,
  organization?: string,
};

export type CursorPagination = {
  /**
   * The `cursor` of the next page.
   */
  next?: string,
};

/**
 * A database as the API returns it (`Database`).
 */
export type Database = {
  Name: string,
  DbId: string,
  /**
   * The host for libSQL and HTTP connections.
   */
  Hostname?: string,
  block_reads?: boolean,
  block_writes?: boolean,
  /**
   * Deprecated by the API, still sent.
   */
  regions?: string[],
  primaryRegion?: string,
  /**
   * The group it belongs to.
   */
  group?: string,
  delete_protection?: boolean,
  /**
   * The database it was branched from; `null` for none.
   */
  parent?: DatabaseParent,
  /**
   * What it runs on.
   */
  database_type?: "libsql" | "tursodb",
};

/**
 * A database's configuration (`DatabaseConfigurationResponse`), also the
 * body that updates it (`DatabaseConfigurationInput`), where a field left
 * out is left unchanged.
 */
export type DatabaseConfiguration = {
  /**
   * Bytes, or a size with a unit such as `"256mb"`.
   */
  size_limit?: string | null,
  /**
   * Deprecated by the API.
   */
  allow_attach?: boolean | null,
  block_reads?: boolean | null,
  block_writes?: boolean | null,
  delete_protection?: boolean | null,
  /**
   * IP addresses and CIDR blocks allowed to connect; empty for any.
   */
  allowed_ips?: string[] | null,
  /**
   * AWS VPC endpoint IDs allowed to connect; empty for any.
   */
  allowed_aws_vpc_ids?: string[] | null,
};

/**
 * One page of databases, and where the next one starts.
 */
export type DatabasePage = {
  databases: Database[],
  /**
   * Absent, or without `next`, on the last page.
   */
  pagination?: CursorPagination,
};

/**
 * The database a branch was made from.
 */
export type DatabaseParent = {
  id?: string,
  name?: string,
  /**
   * When it was branched, in RFC 3339.
   */
  branched_at?: string,
};

/**
 * The body of Transfer Database: the organization that receives it.
 */
export type DatabaseTransfer = {
  /**
   * The slug of the organization that receives the database.
   */
  org: string,
};

/**
 * A database's usage over a period (`DatabaseUsageOutput`).
 */
export type DatabaseUsage = {
  uuid?: string,
  instances?: InstanceUsage[],
  total?: Usage,
};

/**
 * A SQLite extension a group can enable for its databases.
 */
export type Extension = "vector" | "vec" | "crypto" | "fuzzy" | "math" | "stats" | "text" | "unicode" | "uuid" | "regexp";

/**
 * The `extensions` of a new group: `"all"`, or a list of distinct ones.
 */
export type Extensions = AllExtensions | Extension[];

/**
 * The actions one rule allows on some tables, or on all.
 */
export type FineGrainedPermission = {
  /**
   * The tables; `null` for every table, as turso-cli sends `all`.
   */
  t?: string[] | null,
  /**
   * The actions, such as `"data_read"`, `"data_add"`, `"data_update"`,
   * `"data_delete"`, `"schema_add"`, `"schema_update"` and
   * `"schema_delete"` (Turso's docs, `sdk/authorization/fine-grained-permissions.mdx`).
   */
  a: string[],
};

/**
 * A group as the API returns it (`Group` in the OpenAPI description).
 * The optional fields, and those the API adds later, reach the caller as
 * sent.
 */
export type Group = {
  name: string,
  uuid: string,
  /**
   * The primary location key.
   */
  primary?: string,
  /**
   * Deprecated by the API, still sent.
   */
  locations?: string[],
  /**
   * Deprecated by the API, still sent.
   */
  version?: string,
  delete_protection?: boolean,
  /**
   * Whether the group was archived for inactivity; in the API's examples,
   * though not in its schema.
   */
  archived?: boolean,
};

/**
 * A group's configuration (`GroupConfigurationResponse`), also the body
 * that updates it (`GroupConfigurationInput`).
 */
export type GroupConfiguration = {
  /**
   * Whether the group and its databases are protected from deletion.
   */
  delete_protection?: boolean | null,
};

/**
 * The body of Rename Group: the new name.
 */
export type GroupRename = {
  newName: string,
};

/**
 * The body of Transfer Group.
 */
export type GroupTransfer = {
  /**
   * The slug of the organization that receives the group.
   */
  organization: string,
};

/**
 * One instance of a database, in one location (`Instance`).
 */
export type Instance = {
  uuid: string,
  /**
   * Its location code.
   */
  name: string,
  type?: "primary" | "replica",
  region?: string,
  hostname?: string,
};

export type InstanceUsage = {
  uuid?: string,
  usage?: Usage,
};

/**
 * A pending invitation (`InviteV2`).
 */
export type Invite = {
  email: string,
  id?: number,
  role?: Role,
  /**
   * When it was sent, in RFC 3339.
   */
  created_at?: string,
};

/**
 * An invoice.
 */
export type Invoice = {
  invoice_number: string,
  /**
   * The amount in USD, formatted, such as `"10.29"`.
   */
  amount_due?: string,
  due_date?: string,
  paid_at?: string,
  payment_failed_at?: string,
  /**
   * Where to download it.
   */
  invoice_pdf?: string,
};

/**
 * A location where databases can be placed.
 */
export type Location = {
  /**
   * Its key, such as `"aws-us-east-1"`.
   */
  code: string,
  /**
   * Its name, such as `"AWS US East (Virginia)"`.
   */
  description: string,
};

/**
 * Every location: sent as a map from code to name, handed over as a list
 * sorted by code, as `@tursodatabase/api` hands it.
 */
export type Locations = Location[];

/**
 * A member of the organization (`Member`).
 */
export type Member = {
  username: string,
  /**
   * `"owner"`, `"admin"`, `"member"` or `"viewer"`.
   */
  role?: "owner" | Role,
  email?: string,
};

/**
 * The body of Create Database (`CreateDatabaseInput`).
 */
export type NewDatabase = {
  name: string,
  /**
   * The group to create it in, which must exist.
   */
  group: string,
  seed?: Seed | null,
  /**
   * Bytes, or a size with a unit such as `"256mb"`.
   */
  size_limit?: string | null,
  remote_encryption?: RemoteEncryption | null,
  /**
   * Create it as a TursoDB database rather than libSQL.
   */
  use_tursodb?: boolean | null,
};

/**
 * The body of Create Group (`NewGroup` in the OpenAPI description).
 */
export type NewGroup = {
  name: string,
  location: string,
  extensions?: Extensions | null,
};

/**
 * The body of Invite Organization Member: exactly one of `email` and
 * `username`, which [`Validate`] checks and the TypeScript says.
 */
export type NewInvite = {
  role?: Role | null
} & ({ email: string, username?: never } | { username: string, email?: never });

/**
 * The body of Add Member.
 *
 * The OpenAPI description marks `email` as required here, yet defines only
 * `username` and `role`, and its Prism mock refuses a body without
 * `email`. Turso's docs (`turso org members add <username>`) and
 * `@tursodatabase/api` send `username`, and the answer names the member
 * by username: `username` is right, and the `required` is a fault of the
 * description (inviting by email is `invites.create`).
 */
export type NewMember = {
  /**
   * An existing Turso user.
   */
  username: string,
  /**
   * Default `"member"`.
   */
  role?: Role | null,
};

/**
 * An organization, or a user's personal account (`Organization`).
 */
export type Organization = {
  name: string,
  slug: string,
  type?: "personal" | "team",
  overages?: boolean,
  require_mfa?: boolean,
  blocked_reads?: boolean,
  blocked_writes?: boolean,
  plan_id?: string,
  plan_timeline?: string,
  /**
   * The platform that manages it, such as `"vercel"`; empty for Turso.
   */
  platform?: string,
};

/**
 * A location the organization may use, and whose cloud it is in.
 */
export type OrganizationLocation = {
  /**
   * Its key, such as `"aws-us-east-1"`.
   */
  code: string,
  /**
   * Its name, such as `"AWS US East (Virginia)"`.
   */
  description: string,
  /**
   * Its cloud, such as `"aws"`.
   */
  provider: string,
};

/**
 * The organization's locations: sent as a map from provider to a map from
 * code to name, handed over as one list sorted by code.
 */
export type OrganizationLocations = OrganizationLocation[];

/**
 * The body of Update Organization: what to change.
 */
export type OrganizationUpdate = {
  overages?: boolean | null,
  /**
   * Require multi-factor authentication of every member.
   */
  require_mfa?: boolean | null,
};

/**
 * The organization's usage this period, in all and per database.
 */
export type OrganizationUsage = {
  uuid?: string,
  usage?: UsageTotals,
  databases?: DatabaseUsage[],
};

export type Pagination = {
  page: number,
  page_size: number,
  total_pages: number,
  total_rows: number,
};

/**
 * A plan the organization can be on (`OrganizationPlan`).
 */
export type Plan = {
  name: string,
  /**
   * The monthly price.
   */
  price?: string,
  prices?: PlanPrice[],
  quotas?: PlanQuotas,
};

export type PlanPrice = {
  value?: string,
  /**
   * Such as `"monthly"`.
   */
  timeline?: string,
};

/**
 * What a plan allows (`PlanQuotas`), named as on the wire.
 */
export type PlanQuotas = {
  rowsRead?: number,
  rowsWritten?: number,
  /**
   * `null` for no limit.
   */
  databases?: number,
  locations?: number,
  storage?: number,
  groups?: number,
  bytesSynced?: number,
};

/**
 * A database's top queries (`DatabaseStatsOutput`).
 */
export type QueryStats = {
  query: string,
  rows_read?: number,
  rows_written?: number,
};

export type ReadAttach = {
  databases?: string[],
};

/**
 * How the database is encrypted at rest. Its `Debug` output hides the key.
 */
export type RemoteEncryption = {
  /**
   * The key, in base64.
   */
  encryption_key: string,
  encryption_cipher: Cipher,
};

/**
 * A role that can be given: every role but the owner's.
 */
export type Role = "admin" | "member" | "viewer";

/**
 * The body of Update Member Role.
 */
export type RoleChange = {
  role: Role,
};

/**
 * What a group-scoped token may do.
 */
export type Scope = "read" | "db:create" | "db:delete" | "db:configure" | "db:mint-token" | "db:rotate-creds" | "group:configure" | "group:mint-token" | "group:rotate-creds" | "read-only" | "full-access";

/**
 * What a new database starts from: a copy of a database, named, or a file
 * uploaded afterwards. [`Validate`] checks the name, and the TypeScript
 * says it; the time may be a `Date`, which is sent as its RFC 3339 text.
 */
export type Seed = {
  type: "database",
  name: string,
  timestamp?: Moment | null
} | {
  type: "database_upload",
  name?: string | null,
  timestamp?: Moment | null
};

/**
 * The organization's current subscription.
 */
export type Subscription = {
  name?: string,
  overages?: boolean,
  plan?: string,
  /**
   * `"monthly"` or `"yearly"`.
   */
  timeline?: string,
};

/**
 * The optional body of every Create Token (`CreateTokenInput`): sent only
 * when `permissions` or `fine_grained_permissions` is given, so a caller
 * may leave it out.
 */
export type TokenClaims = {
  permissions?: TokenPermissions | null,
  /**
   * What the token may do, table by table.
   */
  fine_grained_permissions?: FineGrainedPermission[] | null,
};

export type TokenOwner = {
  username?: string,
  email?: string,
};

export type TokenPermissions = {
  /**
   * Read `ATTACH` permission on other databases.
   */
  read_attach?: ReadAttach,
};

/**
 * The optional body of Create API Token: no body for an unrestricted
 * token, `organization` alone for one organization, and `organization`,
 * `group` and `scopes` for one group, which [`Validate`] checks and the
 * TypeScript says.
 */
export type TokenRestriction = {
  organization?: string,
  group?: never,
  scopes?: never
} | {
  organization: string,
  group: string,
  scopes: readonly [Scope, ...Scope[]]
};

/**
 * When the client's own token expires.
 */
export type TokenValidity = {
  /**
   * Unix seconds, or `-1` for never.
   */
  exp: number,
};

/**
 * Counts over a period (`DatabaseUsageObject`).
 */
export type Usage = {
  rows_read?: number,
  rows_written?: number,
  storage_bytes?: number,
  bytes_synced?: number,
};

export type UsageTotals = {
  rows_read?: number,
  rows_written?: number,
  databases?: number,
  locations?: number,
  storage_bytes?: number,
  groups?: number,
  bytes_synced?: number,
};

/**
 * The user the token belongs to.
 */
export type User = {
  username: string,
  /**
   * The display name.
   */
  name?: string,
  email?: string,
  avatarUrl?: string,
  plan?: string,
  /**
   * Whether multi-factor authentication is on.
   */
  mfa?: boolean,
  has_pending_invites?: boolean,
};

/** The options of `organizations.update`. */
export type UpdateOrganizationOptions = RequestOptions & OrganizationUpdate;

/** The options of `organizations.invoices`. */
export type ListOrganizationInvoicesOptions = RequestOptions & { type?: "all" | "upcoming" | "issued" | null };

/** The options of `groups.create`. */
export type CreateGroupOptions = RequestOptions & Omit<NewGroup, "name">;

/** The options of `groups.updateConfiguration`. */
export type UpdateGroupConfigurationOptions = RequestOptions & GroupConfiguration;

/** The options of `groups.transfer`. */
export type TransferGroupOptions = RequestOptions & GroupTransfer;

/** The options of `groups.createToken`. */
export type CreateGroupTokenOptions = RequestOptions & TokenClaims & { expiration?: string | null; authorization?: "full-access" | "read-only" | null };

/** The options of `databases.list`. */
export type ListDatabasesOptions = RequestOptions & { group?: string | null; schema?: string | null; parent?: string | null; limit?: number | null; cursor?: string | null };

/** The options of `databases.create`. */
export type CreateDatabaseOptions = RequestOptions & Omit<NewDatabase, "name">;

/** The options of `databases.updateConfiguration`. */
export type UpdateDatabaseConfigurationOptions = RequestOptions & DatabaseConfiguration;

/** The options of `databases.createToken`. */
export type CreateDatabaseTokenOptions = RequestOptions & TokenClaims & { expiration?: string | null; authorization?: "full-access" | "read-only" | null };

/** The options of `databases.transfer`. */
export type TransferDatabaseOptions = RequestOptions & DatabaseTransfer;

/** The options of `databases.usage`. */
export type GetDatabaseUsageOptions = RequestOptions & { from?: Moment | null; to?: Moment | null };

/** The options of `members.add`. */
export type AddOrganizationMemberOptions = RequestOptions & NewMember;

/** The options of `invites.create`. */
export type InviteOrganizationMemberV2Options = RequestOptions & NewInvite;

/** The options of `apiTokens.create`. */
export type CreateAPITokenOptions = RequestOptions & TokenRestriction;

/** The options of `auditLogs.list`. */
export type ListOrganizationAuditLogsOptions = RequestOptions & { pageSize?: number | null; page?: number | null };

/** The options of `databases.upload`. */
export interface DatabaseUploadOptions extends RequestOptions {
  group: string;
  use_tursodb?: boolean | null;
  remote_encryption?: RemoteEncryption | null;
  onProgress?: ((progress: { uploadedBytes: number; totalBytes: number }) => void) | null;
}

/** The options of `databases.export`. */
export interface DatabaseExportOptions extends RequestOptions {
  encryption_key?: string | null;
}

/** The `organizations` resource of a client. */
export interface OrganizationsApi {
  /**
   * Lists every organization the token can reach.
   *
   * `GET /v1/organizations`
   *
   * @returns `Organization[]`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  list(...options: OptionsArgument<RequestOptions>): Promise<Organization[]>;
  /**
   * Gets the client's organization.
   *
   * `GET /v1/organizations/{org}`
   *
   * @returns `Organization`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  get(...options: OptionsArgument<RequestOptions>): Promise<Organization>;
  /**
   * Changes the organization's settings; resolves to the organization as updated.
   *
   * `PATCH /v1/organizations/{org}`
   *
   * @returns `Organization`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  update(...options: OptionsArgument<UpdateOrganizationOptions>): Promise<Organization>;
  /**
   * Lists the plans the organization can be on.
   *
   * `GET /v1/organizations/{org}/plans`
   *
   * @returns `Plan[]`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  plans(...options: OptionsArgument<RequestOptions>): Promise<Plan[]>;
  /**
   * Lists the organization's invoices, all of them or by `type`.
   *
   * `GET /v1/organizations/{org}/invoices`
   *
   * @returns `Invoice[]`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  invoices(...options: OptionsArgument<ListOrganizationInvoicesOptions>): Promise<Invoice[]>;
  /**
   * Gets the organization's current subscription.
   *
   * `GET /v1/organizations/{org}/subscription`
   *
   * @returns `Subscription`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  subscription(...options: OptionsArgument<RequestOptions>): Promise<Subscription>;
  /**
   * Gets the organization's usage this period, in all and per database.
   *
   * `GET /v1/organizations/{org}/usage`
   *
   * @returns `OrganizationUsage`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  usage(...options: OptionsArgument<RequestOptions>): Promise<OrganizationUsage>;
}

/** The `groups` resource of a client. */
export interface GroupsApi {
  /**
   * Lists the organization's groups.
   *
   * `GET /v1/organizations/{org}/groups`
   *
   * @returns `Group[]`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  list(...options: OptionsArgument<RequestOptions>): Promise<Group[]>;
  /**
   * Gets a group; rejects with `not_found` when there is none of that name.
   *
   * `GET /v1/organizations/{org}/groups/{groupName}`
   *
   * @returns `Group`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `name` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  get(name: string, ...options: OptionsArgument<RequestOptions>): Promise<Group>;
  /**
   * Creates a group in a location; rejects with `conflict` when the name is taken.
   *
   * `POST /v1/organizations/{org}/groups`
   *
   * @returns `Group`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `name`, `location` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  create<LocationOrOptions extends NewGroup["location"] | CreateGroupOptions>(name: NewGroup["name"], locationOrOptions: LocationOrOptions, ...options: LocationOrOptions extends NewGroup["location"] ? OptionsArgument<Omit<CreateGroupOptions, "location">> : []): Promise<Group>;
  /**
   * Deletes a group; resolves to the deleted group.
   *
   * `DELETE /v1/organizations/{org}/groups/{groupName}`
   *
   * @returns `Group`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `name` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  delete(name: string, ...options: OptionsArgument<RequestOptions>): Promise<Group>;
  /**
   * Gets a group's configuration.
   *
   * `GET /v1/organizations/{org}/groups/{groupName}/configuration`
   *
   * @returns `GroupConfiguration`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `name` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  getConfiguration(name: string, ...options: OptionsArgument<RequestOptions>): Promise<GroupConfiguration>;
  /**
   * Protects a group and its databases from deletion, or stops protecting them.
   *
   * `PATCH /v1/organizations/{org}/groups/{groupName}/configuration`
   *
   * @returns `GroupConfiguration`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `name` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  updateConfiguration(name: string, ...options: OptionsArgument<UpdateGroupConfigurationOptions>): Promise<GroupConfiguration>;
  /**
   * Moves a group to another organization; resolves to the group.
   *
   * `POST /v1/organizations/{org}/groups/{groupName}/transfer`
   *
   * @returns `Group`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `name` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  transfer(name: string, ...options: OptionsArgument<TransferGroupOptions>): Promise<Group>;
  /**
   * Renames a group; its databases stay in it. Resolves to nothing.
   *
   * `POST /v1/organizations/{org}/groups/{groupName}/rename`
   *
   * @returns nothing, once the API has done it
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `name`, `newName` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  rename(name: string, newName: GroupRename["newName"], ...options: OptionsArgument<RequestOptions>): Promise<void>;
  /**
   * Wakes a group archived for inactivity.
   *
   * `POST /v1/organizations/{org}/groups/{groupName}/unarchive`
   *
   * @returns `Group`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `name` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  unarchive(name: string, ...options: OptionsArgument<RequestOptions>): Promise<Group>;
  /**
   * Adds a location to a group (deprecated by the API).
   *
   * `POST /v1/organizations/{org}/groups/{groupName}/locations/{location}`
   *
   * @returns `Group`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `name`, `location` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  addLocation(name: string, location: string, ...options: OptionsArgument<RequestOptions>): Promise<Group>;
  /**
   * Removes a location from a group (deprecated by the API).
   *
   * `DELETE /v1/organizations/{org}/groups/{groupName}/locations/{location}`
   *
   * @returns `Group`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `name`, `location` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  removeLocation(name: string, location: string, ...options: OptionsArgument<RequestOptions>): Promise<Group>;
  /**
   * Updates every database of a group to the latest libSQL; resolves to nothing.
   *
   * `POST /v1/organizations/{org}/groups/{groupName}/update`
   *
   * @returns nothing, once the API has done it
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `name` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  updateDatabases(name: string, ...options: OptionsArgument<RequestOptions>): Promise<void>;
  /**
   * Mints a token for every database of a group; the token is never put in an error.
   *
   * `POST /v1/organizations/{org}/groups/{groupName}/auth/tokens`
   *
   * @returns `AuthToken`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `name` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  createToken(name: string, ...options: OptionsArgument<CreateGroupTokenOptions>): Promise<AuthToken>;
  /**
   * Invalidates every token of a group; resolves to nothing.
   *
   * `POST /v1/organizations/{org}/groups/{groupName}/auth/rotate`
   *
   * @returns nothing, once the API has done it
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `name` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  rotateTokens(name: string, ...options: OptionsArgument<RequestOptions>): Promise<void>;
  /**
   * Waits until a group is ready in a location, as before creating a database in a new group; resolves to nothing.
   *
   * `GET /v1/organizations/{org}/groups/{groupName}/locations/{location}/wait`
   *
   * @returns nothing, once the API has done it
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `name`, `location` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  waitForLocation(name: string, location: string, ...options: OptionsArgument<RequestOptions>): Promise<void>;
  /**
   * Gets where the group's move to AWS stands.
   *
   * `GET /v1/organizations/{org}/groups/{groupName}/aws/migration/info`
   *
   * @returns `AwsMigration`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `name` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  awsMigration(name: string, ...options: OptionsArgument<RequestOptions>): Promise<AwsMigration>;
  /**
   * Starts moving the group to AWS; resolves to nothing.
   *
   * `POST /v1/organizations/{org}/groups/{groupName}/aws/migration/start`
   *
   * @returns nothing, once the API has done it
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `name` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  startAwsMigration(name: string, ...options: OptionsArgument<RequestOptions>): Promise<void>;
  /**
   * Stops moving the group to AWS; resolves to nothing.
   *
   * `POST /v1/organizations/{org}/groups/{groupName}/aws/migration/abort`
   *
   * @returns nothing, once the API has done it
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `name` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  abortAwsMigration(name: string, ...options: OptionsArgument<RequestOptions>): Promise<void>;
  /**
   * Creates the group, or gets it when one of that name exists (`conflict`);
   * resolves to what `get` answers, and whether it was created. The other
   * options are not compared with the existing group's.
   *
   * @returns `{ group: Group; created: boolean }`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `name`, `location` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  ensure<LocationOrOptions extends NewGroup["location"] | CreateGroupOptions>(name: NewGroup["name"], locationOrOptions: LocationOrOptions, ...options: LocationOrOptions extends NewGroup["location"] ? OptionsArgument<Omit<CreateGroupOptions, "location">> : []): Promise<{ group: Group; created: boolean }>;
}

/** The `databases` resource of a client. */
export interface DatabasesApi {
  /**
   * Lists every database of the organization, by `group` or `parent` if given, following the pages (`limit` a page, 1000 unless given).
   *
   * `GET /v1/organizations/{org}/databases`
   *
   * @returns `DatabasePage["databases"]`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  list(...options: OptionsArgument<ListDatabasesOptions>): Promise<DatabasePage["databases"]>;
  /**
   * Every item of every page, one page fetched at a time as they are
   * consumed, each page after the first from the `pagination.next` of the one
   * before. Each page is a request with these options; its `signal` also stops the walk.
   */
  all(options?: ListDatabasesOptions | null): AsyncGenerator<DatabasePage["databases"][number], void, undefined>;
  /**
   * Gets a database; rejects with `not_found` when there is none of that name.
   *
   * `GET /v1/organizations/{org}/databases/{databaseName}`
   *
   * @returns `Database`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `name` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  get(name: string, ...options: OptionsArgument<RequestOptions>): Promise<Database>;
  /**
   * Creates a database in a group; rejects with `conflict` when the name is taken.
   *
   * `POST /v1/organizations/{org}/databases`
   *
   * @returns `CreatedDatabase`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `name` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  create(name: NewDatabase["name"], ...options: OptionsArgument<CreateDatabaseOptions>): Promise<CreatedDatabase>;
  /**
   * Deletes a database; resolves to its name.
   *
   * `DELETE /v1/organizations/{org}/databases/{databaseName}`
   *
   * @returns `string`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `name` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  delete(name: string, ...options: OptionsArgument<RequestOptions>): Promise<string>;
  /**
   * Gets a database's configuration.
   *
   * `GET /v1/organizations/{org}/databases/{databaseName}/configuration`
   *
   * @returns `DatabaseConfiguration`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `name` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  getConfiguration(name: string, ...options: OptionsArgument<RequestOptions>): Promise<DatabaseConfiguration>;
  /**
   * Changes a database's configuration; what is left out is left unchanged.
   *
   * `PATCH /v1/organizations/{org}/databases/{databaseName}/configuration`
   *
   * @returns `DatabaseConfiguration`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `name` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  updateConfiguration(name: string, ...options: OptionsArgument<UpdateDatabaseConfigurationOptions>): Promise<DatabaseConfiguration>;
  /**
   * Lists a database's instances, one per location.
   *
   * `GET /v1/organizations/{org}/databases/{databaseName}/instances`
   *
   * @returns `Instance[]`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `name` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  listInstances(name: string, ...options: OptionsArgument<RequestOptions>): Promise<Instance[]>;
  /**
   * Gets a database's instance in one location.
   *
   * `GET /v1/organizations/{org}/databases/{databaseName}/instances/{instanceName}`
   *
   * @returns `Instance`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `name`, `instance` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  getInstance(name: string, instance: string, ...options: OptionsArgument<RequestOptions>): Promise<Instance>;
  /**
   * Mints a token for a database; the token is never put in an error.
   *
   * `POST /v1/organizations/{org}/databases/{databaseName}/auth/tokens`
   *
   * @returns `AuthToken`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `name` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  createToken(name: string, ...options: OptionsArgument<CreateDatabaseTokenOptions>): Promise<AuthToken>;
  /**
   * Invalidates every token of a database; resolves to nothing.
   *
   * `POST /v1/organizations/{org}/databases/{databaseName}/auth/rotate`
   *
   * @returns nothing, once the API has done it
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `name` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  rotateTokens(name: string, ...options: OptionsArgument<RequestOptions>): Promise<void>;
  /**
   * Wakes a database that was put to sleep for inactivity; resolves to nothing.
   *
   * `POST /v1/organizations/{org}/databases/{databaseName}/wakeup`
   *
   * @returns nothing, once the API has done it
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `name` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  wakeup(name: string, ...options: OptionsArgument<RequestOptions>): Promise<void>;
  /**
   * Moves a database to another organization; resolves to nothing.
   *
   * `POST /v1/organizations/{org}/databases/{databaseName}/transfer`
   *
   * @returns nothing, once the API has done it
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `name` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  transfer(name: string, ...options: OptionsArgument<TransferDatabaseOptions>): Promise<void>;
  /**
   * Waits until a database's instance in a location is ready; resolves to nothing.
   *
   * `GET /v1/organizations/{org}/databases/{databaseName}/instances/{instanceName}/wait`
   *
   * @returns nothing, once the API has done it
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `name`, `instance` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  waitForInstance(name: string, instance: string, ...options: OptionsArgument<RequestOptions>): Promise<void>;
  /**
   * Gets a database's usage, this month unless `from` and `to` say otherwise.
   *
   * `GET /v1/organizations/{org}/databases/{databaseName}/usage`
   *
   * @returns `DatabaseUsage`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `name` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  usage(name: string, ...options: OptionsArgument<GetDatabaseUsageOptions>): Promise<DatabaseUsage>;
  /**
   * Gets a database's top queries; resolves to `null` when there are none.
   *
   * `GET /v1/organizations/{org}/databases/{databaseName}/stats`
   *
   * @returns `QueryStats[] | null`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `name` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  stats(name: string, ...options: OptionsArgument<RequestOptions>): Promise<QueryStats[] | null>;
  /**
   * Creates the database, or gets it when one of that name exists (`conflict`);
   * resolves to what `get` answers, and whether it was created. The other
   * options are not compared with the existing database's.
   *
   * @returns `{ database: Database; created: boolean }`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `name` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  ensure(name: NewDatabase["name"], ...options: OptionsArgument<CreateDatabaseOptions>): Promise<{ database: Database; created: boolean }>;
  /**
   * Creates a database from a SQLite file, as turso-cli does: the file is checked before anything is sent, uploaded a chunk at a time with a fresh 5-minute token each, and the database is deleted again if the upload fails or is aborted.
   *
   * @returns `CreatedDatabase`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `name`, `data` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  upload(name: string, data: Uint8Array | ArrayBuffer | Blob, options: DatabaseUploadOptions): Promise<CreatedDatabase>;
  /**
   * Gives a database's file as a stream of bytes, read from its server as turso-cli does (`GET /info`, then `GET /export/{generation}`); the call's `signal` also stops the stream.
   *
   * @returns `ReadableStream<Uint8Array>`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `name` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  export(name: string, options?: DatabaseExportOptions | null): Promise<ReadableStream<Uint8Array>>;
}

/** The `locations` resource of a client. */
export interface LocationsApi {
  /**
   * Lists the locations databases can be placed in, sorted by code.
   *
   * `GET /v1/locations`
   *
   * @returns `Locations`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  list(...options: OptionsArgument<RequestOptions>): Promise<Locations>;
  /**
   * Lists the locations this organization may use, with their cloud, sorted by code.
   *
   * `GET /v2/organizations/{org}/locations`
   *
   * @returns `OrganizationLocations`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  listForOrganization(...options: OptionsArgument<RequestOptions>): Promise<OrganizationLocations>;
  /**
   * Asks the region finder (no token sent) which location is closest to the caller.
   *
   * `GET {regionUrl}/`
   *
   * @returns `ClosestLocation`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  closest(...options: OptionsArgument<RequestOptions>): Promise<ClosestLocation>;
}

/** The `members` resource of a client. */
export interface MembersApi {
  /**
   * Lists the organization's members.
   *
   * `GET /v1/organizations/{org}/members`
   *
   * @returns `Member[]`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  list(...options: OptionsArgument<RequestOptions>): Promise<Member[]>;
  /**
   * Gets one member of the organization.
   *
   * `GET /v1/organizations/{org}/members/{username}`
   *
   * @returns `Member`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `username` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  get(username: string, ...options: OptionsArgument<RequestOptions>): Promise<Member>;
  /**
   * Adds an existing Turso user to the organization.
   *
   * `POST /v1/organizations/{org}/members`
   *
   * @returns `AddedMember`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  add(...options: OptionsArgument<AddOrganizationMemberOptions>): Promise<AddedMember>;
  /**
   * Changes a member's role.
   *
   * `PATCH /v1/organizations/{org}/members/{username}`
   *
   * @returns `Member`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `username`, `role` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  updateRole(username: string, role: RoleChange["role"], ...options: OptionsArgument<RequestOptions>): Promise<Member>;
  /**
   * Removes a member from the organization; resolves to the username.
   *
   * `DELETE /v1/organizations/{org}/members/{username}`
   *
   * @returns `string`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `username` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  remove(username: string, ...options: OptionsArgument<RequestOptions>): Promise<string>;
}

/** The `invites` resource of a client. */
export interface InvitesApi {
  /**
   * Lists the organization's pending invitations.
   *
   * `GET /v2/organizations/{org}/invites`
   *
   * @returns `Invite[]`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  list(...options: OptionsArgument<RequestOptions>): Promise<Invite[]>;
  /**
   * Invites someone to the organization, by email or username.
   *
   * `POST /v2/organizations/{org}/invites`
   *
   * @returns `CreatedInvite`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  create(...options: OptionsArgument<InviteOrganizationMemberV2Options>): Promise<CreatedInvite>;
  /**
   * Withdraws an invitation; resolves to nothing.
   *
   * `DELETE /v2/organizations/{org}/invites/{email}`
   *
   * @returns nothing, once the API has done it
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `email` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  delete(email: string, ...options: OptionsArgument<RequestOptions>): Promise<void>;
}

/** The `apiTokens` resource of a client. */
export interface ApiTokensApi {
  /**
   * Lists the user's Platform API tokens, without their secrets.
   *
   * `GET /v1/auth/api-tokens`
   *
   * @returns `ApiToken[]`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  list(...options: OptionsArgument<RequestOptions>): Promise<ApiToken[]>;
  /**
   * Mints a Platform API token; the API shows it only this once, and it is never put in an error.
   *
   * `POST /v1/auth/api-tokens/{tokenName}`
   *
   * @returns `CreatedApiToken`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `name` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  create(name: string, ...options: OptionsArgument<CreateAPITokenOptions>): Promise<CreatedApiToken>;
  /**
   * Revokes one of the user's API tokens; resolves to its name.
   *
   * `DELETE /v1/auth/api-tokens/{tokenName}`
   *
   * @returns `string`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `name` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  revoke(name: string, ...options: OptionsArgument<RequestOptions>): Promise<string>;
  /**
   * Lists the API tokens restricted to the client's organization.
   *
   * `GET /v1/organizations/{org}/api-tokens`
   *
   * @returns `ApiToken[]`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  listForOrganization(...options: OptionsArgument<RequestOptions>): Promise<ApiToken[]>;
  /**
   * Revokes an API token of the organization; resolves to its ID.
   *
   * `DELETE /v1/organizations/{org}/api-tokens/{tokenId}`
   *
   * @returns `string`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when `id` or an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  revokeForOrganization(id: string, ...options: OptionsArgument<RequestOptions>): Promise<string>;
  /**
   * Tells whether the client's own token is valid, and until when.
   *
   * `GET /v1/auth/validate`
   *
   * @returns `TokenValidity`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  validate(...options: OptionsArgument<RequestOptions>): Promise<TokenValidity>;
}

/** The `auditLogs` resource of a client. */
export interface AuditLogsApi {
  /**
   * Gets one page of the organization's audit log, newest first.
   *
   * `GET /v1/organizations/{org}/audit-logs`
   *
   * @returns `AuditLogPage`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  list(...options: OptionsArgument<ListOrganizationAuditLogsOptions>): Promise<AuditLogPage>;
  /**
   * Every item of every page, one page fetched at a time as they are
   * consumed, up to the last page. Each page is a `list` call with
   * these options; its `signal` also stops the walk.
   */
  all(options?: Omit<ListOrganizationAuditLogsOptions, "page"> | null): AsyncGenerator<AuditLogPage["audit_logs"][number], void, undefined>;
}

/** The `user` resource of a client. */
export interface UserApi {
  /**
   * Gets the user the token belongs to.
   *
   * `GET /v1/user`
   *
   * @returns `User`
   * @throws {TursoClientError} `invalid_argument`, with nothing sent, when an option is refused;
   * else the {@link TursoClientErrorCode} of what went wrong.
   */
  get(...options: OptionsArgument<RequestOptions>): Promise<User>;
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

/** What went wrong, for code to branch on. */
export type TursoClientErrorCode =
  /** An argument was refused before anything was sent; `field` names it. */
  | "invalid_argument"
  /** The API answered 400. */
  | "bad_request"
  /** The API answered 401: the token is missing, wrong or expired. */
  | "unauthorized"
  /** The API answered 402: the plan does not allow it. */
  | "payment_required"
  /** The API answered 403: the token may not do this. */
  | "forbidden"
  /** The API answered 404: no such organization, group, database or route. */
  | "not_found"
  /** The API answered 409: the name is taken, or the resource is in use. */
  | "conflict"
  /** The API answered 422: it understood the request and refused it. */
  | "unprocessable_entity"
  /** The API answered 429 on every attempt. */
  | "rate_limited"
  /** The API answered 5xx on every attempt that was allowed. */
  | "server_error"
  /** The API answered with another status outside 2xx. */
  | "http_error"
  /** A 2xx answer was not what the API promises. */
  | "decode_error"
  /** No answer came: DNS, TLS, a refused or reset connection. */
  | "network_error"
  /** The call took longer than `timeoutMs`, retries included. */
  | "timeout"
  /** The caller's `signal` fired. */
  | "aborted"
  /** A bug in this package, reported instead of breaking the caller. */
  | "internal"
;

/** The argument an `invalid_argument` error is about. */
export type TursoClientErrorField =
  | "org"
  | "token"
  | "baseUrl"
  | "regionUrl"
  | "timeoutMs"
  | "maxRetries"
  | "databaseUrl"
  | "signal"
  | "options"
  | "config"
  | "name"
  | "data"
  | "group"
  | "use_tursodb"
  | "remote_encryption"
  | "onProgress"
  | "encryption_key"
  | "overages"
  | "require_mfa"
  | "type"
  | "location"
  | "extensions"
  | "delete_protection"
  | "organization"
  | "newName"
  | "expiration"
  | "authorization"
  | "permissions"
  | "fine_grained_permissions"
  | "schema"
  | "parent"
  | "limit"
  | "cursor"
  | "seed"
  | "size_limit"
  | "allow_attach"
  | "block_reads"
  | "block_writes"
  | "allowed_ips"
  | "allowed_aws_vpc_ids"
  | "instance"
  | "from"
  | "to"
  | "username"
  | "role"
  | "email"
  | "scopes"
  | "id"
  | "pageSize"
  | "page"
;
// </generated>

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

/** Every rejection of this package is an instance of this class. */
export declare class TursoClientError extends Error {
  private constructor();
  readonly name: "TursoClientError";
  /**
   * The call, its request and what went wrong, such as `groups.create:
   * POST /v1/organizations/acme/groups answered HTTP 409: group already
   * exists`; no secret is ever in it.
   */
  readonly message: string;
  readonly code: TursoClientErrorCode;
  /**
   * The call that failed, such as `"groups.create"`, which the message
   * starts with; absent only for a failure of the module itself.
   */
  readonly operation?: string;
  /** The HTTP status, when the server answered. */
  readonly status?: number;
  /**
   * The rejected argument, for `invalid_argument`: one the call declares,
   * or an option's own name when the call does not know that option.
   */
  readonly field?: TursoClientErrorField | (string & {});
  /** The raw response text, capped at 4 KiB, when the server answered. */
  readonly body?: string;
  /** The API's own `code` from its error body, where it sent one. */
  readonly apiCode?: string;
  /** How many requests the call sent: 0 when it was rejected before sending. */
  readonly attempts: number;
  /**
   * `name`, `message` and every field that is set, for `JSON.stringify`:
   * `message` is not enumerable, as on every `Error`.
   */
  toJSON(): {
    name: "TursoClientError";
    message: string;
    code: TursoClientErrorCode;
    operation?: string;
    status?: number;
    field?: string;
    body?: string;
    apiCode?: string;
    attempts: number;
  };
}
