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

/** A token minted for a group's databases. Keep it secret: it is never put in an error. */
export interface GroupToken {
  /** The token, a JWT. */
  jwt: string;
  [field: string]: unknown;
}

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
  readonly groups: GroupsApi;
  readonly locations: LocationsApi;
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
