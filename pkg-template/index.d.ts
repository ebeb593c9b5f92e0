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
 * A group as the Turso Platform API returns it. Fields the API adds later
 * are passed through exactly as `JSON.parse` reads them. A documented field
 * sent as `null` is left out.
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
   * Retries after a 429, or a 503 with `Retry-After`: the only answers that
   * say the group was not created. 0 to 10; default 2.
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

/** The Groups resource of a client. */
export interface GroupsApi {
  create(name: string, options: CreateGroupOptions): Promise<Group>;
  create(name: string, location: string, options?: CreateGroupExtraOptions): Promise<Group>;
}

/** A client bound to one organization and token. */
export interface TursoClient {
  readonly groups: GroupsApi;
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
  /** How many requests the call sent: 0 when it was rejected before sending. */
  readonly attempts: number;
}
