// Compiled by `tsc --strict` in the tests, against the types openapi-typescript
// generates from tests/spec/ (into tests/types/generated/, not in git). Each
// public type must have the spec's fields, each of the spec's type once
// null and undefined are set aside, and no others but those named here with
// the reason. A field added to or changed in the spec then fails the tests.
import type {
  AddedMember,
  AddOrganizationMemberOptions,
  ApiToken,
  AuditLog,
  AuditLogPage,
  ListOrganizationAuditLogsOptions,
  ClosestLocation,
  CreateAPITokenOptions,
  CreateDatabaseOptions,
  CreatedApiToken,
  CreatedDatabase,
  CreatedInvite,
  CreateGroupOptions,
  CreateGroupTokenOptions,
  InviteOrganizationMemberV2Options,
  Database,
  DatabaseConfiguration,
  DatabasePage,
  AuthToken,
  DatabaseUsage,
  GetDatabaseUsageOptions,
  Extension,
  Group,
  GroupConfiguration,
  Role,
  Instance,
  Invite,
  Invoice,
  ListOrganizationInvoicesOptions,
  ListDatabasesOptions,
  Location,
  Member,
  Organization,
  OrganizationUsage,
  Plan,
  PlanQuotas,
  QueryStats,
  Subscription,
  TokenValidity,
  TransferGroupOptions,
  UpdateDatabaseConfigurationOptions,
  UpdateGroupConfigurationOptions,
  UpdateOrganizationOptions,
  Usage,
  User,
} from "turso-platform-wasm";
import type { components, operations } from "./generated/openapi.js";

type Schemas = components["schemas"];
type Json<O extends keyof operations> = operations[O] extends {
  responses: { 200: { content: { "application/json": infer Body } } };
}
  ? Body
  : never;
type Query<O extends keyof operations> = NonNullable<operations[O]["parameters"]["query"]>;
type Body<O extends keyof operations> = operations[O] extends {
  requestBody?: { content: { "application/json": infer Input } };
}
  ? Input
  : never;

/** Exactly the same type. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
/** A type's named fields, without its index signature. */
type Named<T> = { [K in keyof T as string extends K ? never : K]: T[K] };
/** The limits every call takes, which no spec body has. */
type Limits = "signal" | "timeoutMs" | "maxRetries";

/**
 * `Ours` has the spec's fields, and besides them only `Beyond`; each field
 * has the spec's type, null and undefined aside.
 */
type Agrees<Ours, Spec, Beyond extends PropertyKey = never> = [
  Same<Exclude<keyof Named<Ours>, Beyond>, keyof Spec>,
  {
    [K in keyof Spec]-?: Same<NonNullable<Named<Ours>[K & keyof Named<Ours>]>, NonNullable<Spec[K]>>;
  }[keyof Spec],
] extends [true, true]
  ? true
  : false;

// Answers.
// `archived` is in the spec's own examples of a group, though not its schema.
export type GroupAgrees = Assert<Agrees<Group, Schemas["BaseGroup"], "archived">>;
export type GroupListAgrees = Assert<Same<NonNullable<Json<"listGroups">["groups"]>, Schemas["Group"][]>>;
export type GroupConfigurationAgrees = Assert<Agrees<GroupConfiguration, Json<"getGroupConfiguration">>>;
export type GroupTokenAgrees = Assert<Agrees<AuthToken, Json<"createGroupToken">>>;
type SpecLocations = NonNullable<Json<"listLocations">["locations"]>;
export type LocationAgrees = Assert<
  Same<[Location["code"], Location["description"]], [keyof SpecLocations & string, SpecLocations[string]]>
>;
export type ClosestLocationIsItsOwn = Assert<Same<keyof Named<ClosestLocation>, "server" | "client">>;

// Arguments. `name` is positional in `groups.create`.
export type CreateGroupAgrees = Assert<
  Agrees<Omit<CreateGroupOptions, Limits | "extensions">, Omit<Body<"createGroup">, "name" | "extensions">>
>;
export type ExtensionAgrees = Assert<Same<Extension, Exclude<Schemas["Extensions"], "all">[number]>>;
export type UpdateGroupConfigurationAgrees = Assert<
  Agrees<Omit<UpdateGroupConfigurationOptions, Limits>, Body<"updateGroupConfiguration">>
>;
export type TransferGroupAgrees = Assert<Agrees<Omit<TransferGroupOptions, Limits>, Body<"transferGroup">>>;
export type CreateGroupTokenAgrees = Assert<
  Agrees<Omit<CreateGroupTokenOptions, Limits>, Query<"createGroupToken"> & Body<"createGroupToken">>
>;

// The other resources' answers. Nested objects are compared on their own,
// since ours carry an index signature for the fields the API adds.
type Item<T> = NonNullable<T> extends readonly (infer I)[] ? I : never;
/** Our type without the keys `K`, its index signature set aside first. */
type Without<T, K extends PropertyKey> = Omit<Named<T>, K>;
// database_type is read as @tursodatabase/api reads it (its PR #32); the
// description lacks it.
export type DatabaseAgrees = Assert<
  Agrees<Without<Database, "parent">, Omit<Schemas["Database"], "parent">, "database_type">
>;
export type DatabaseParentAgrees = Assert<Agrees<NonNullable<Database["parent"]>, NonNullable<Schemas["Database"]["parent"]>>>;
export type DatabaseListAgrees = Assert<Same<NonNullable<Json<"listDatabases">["databases"]>, Schemas["Database"][]>>;
export type DatabaseGetAgrees = Assert<Same<NonNullable<Json<"getDatabase">["database"]>, Schemas["Database"]>>;
export type CreatedDatabaseAgrees = Assert<Agrees<CreatedDatabase, Schemas["CreateDatabaseOutput"]>>;
export type DeletedDatabaseAgrees = Assert<Same<NonNullable<Json<"deleteDatabase">["database"]>, string>>;
export type DatabaseConfigurationAgrees = Assert<Agrees<DatabaseConfiguration, Schemas["DatabaseConfigurationResponse"]>>;
export type InstanceAgrees = Assert<Agrees<Instance, Schemas["Instance"]>>;
export type DatabaseTokenAgrees = Assert<Agrees<AuthToken, Json<"createDatabaseToken">>>;
export type UsageAgrees = Assert<Agrees<Usage, Schemas["DatabaseUsageObject"]>>;
export type DatabaseUsageAgrees = Assert<
  Agrees<Without<DatabaseUsage, "instances" | "total">, Omit<Schemas["DatabaseUsageOutput"], "instances" | "total">>
>;
export type DatabaseUsageTotalAgrees = Assert<Same<DatabaseUsage["total"], Usage | undefined>>;
export type InstanceUsageAgrees = Assert<
  Agrees<Without<Item<DatabaseUsage["instances"]>, "usage">, Omit<Item<Schemas["DatabaseUsageOutput"]["instances"]>, "usage">>
>;
export type QueryStatsAgrees = Assert<Agrees<QueryStats, Schemas["DatabaseStatsOutput"]>>;
export type StatsAgrees = Assert<Same<NonNullable<Json<"getDatabaseStats">["top_queries"]>, Schemas["DatabaseStatsOutput"][]>>;

export type OrganizationAgrees = Assert<Agrees<Organization, Schemas["Organization"]>>;
export type OrganizationListAgrees = Assert<Same<Json<"listOrganizations">, Schemas["Organization"][]>>;
export type PlanAgrees = Assert<Agrees<Without<Plan, "prices" | "quotas">, Omit<Schemas["OrganizationPlan"], "prices" | "quotas">>>;
export type PlanPriceAgrees = Assert<Agrees<Item<Plan["prices"]>, Schemas["PlanPrice"]>>;
export type PlanQuotasAgrees = Assert<Agrees<PlanQuotas, Schemas["PlanQuotas"]>>;
export type InvoiceAgrees = Assert<Agrees<Invoice, Item<Json<"listOrganizationInvoices">["invoices"]>>>;
export type SubscriptionAgrees = Assert<Agrees<Subscription, NonNullable<Json<"getOrganizationSubscription">["subscription"]>>>;
type SpecOrganizationUsage = NonNullable<Json<"getOrganizationUsage">["organization"]>;
export type OrganizationUsageAgrees = Assert<
  Agrees<Without<OrganizationUsage, "usage" | "databases">, Omit<SpecOrganizationUsage, "usage" | "databases">>
>;
export type OrganizationUsageTotalsAgrees = Assert<Agrees<NonNullable<OrganizationUsage["usage"]>, NonNullable<SpecOrganizationUsage["usage"]>>>;

export type MemberAgrees = Assert<Agrees<Member, Schemas["Member"]>>;
// The spec gives an added member any role, the owner's too; only the others
// can be given.
export type AddedMemberAgrees = Assert<Agrees<Without<AddedMember, "role">, Omit<Json<"addOrganizationMember">, "role">>>;
export type AddedRoleIsGiven = Assert<Same<NonNullable<AddedMember["role"]>, Role>>;
// updateRole answers with a member, whose role, in general, may be the owner's.
export type UpdatedMemberAgrees = Assert<
  Agrees<Without<Member, "role">, Omit<NonNullable<Json<"updateMemberRole">["member"]>, "role">>
>;
export type InviteAgrees = Assert<Agrees<Invite, Schemas["InviteV2"]>>;
export type CreatedInviteAgrees = Assert<Agrees<CreatedInvite, Schemas["InviteCreatedV2"]>>;

export type ApiTokenAgrees = Assert<Agrees<Without<ApiToken, "owner">, Schemas["APIToken"]>>;
type SpecOrganizationToken = Item<Json<"listOrganizationAPITokens">["tokens"]>;
export type OrganizationApiTokenAgrees = Assert<Agrees<Without<ApiToken, "owner">, Omit<SpecOrganizationToken, "owner">>>;
export type TokenOwnerAgrees = Assert<Agrees<NonNullable<ApiToken["owner"]>, NonNullable<SpecOrganizationToken["owner"]>>>;
export type CreatedApiTokenAgrees = Assert<Agrees<CreatedApiToken, Json<"createAPIToken">>>;
export type TokenValidityAgrees = Assert<Agrees<TokenValidity, Json<"validateAPIToken">>>;

// `code` is any string, since the API adds codes (the spec's list has the
// typo "db-aunrchive"); `data` is any object, which the spec's schema
// (`type: object` with no properties) makes `Record<string, never>`.
export type AuditLogAgrees = Assert<Agrees<Without<AuditLog, "code" | "data">, Omit<Schemas["AuditLog"], "code" | "data">>>;
export type AuditLogCodeIsOpen = Assert<Same<AuditLog["code"], string>>;
export type AuditLogPageAgrees = Assert<
  Agrees<Without<AuditLogPage, "audit_logs" | "pagination">, Omit<Json<"listOrganizationAuditLogs">, "audit_logs" | "pagination">>
>;
export type PaginationAgrees = Assert<
  Agrees<AuditLogPage["pagination"], NonNullable<Json<"listOrganizationAuditLogs">["pagination"]>>
>;
export type UserAgrees = Assert<Agrees<User, NonNullable<Json<"getCurrentUser">["user"]>>>;

// The other resources' arguments. Positional ones are left out of the
// options; `Moment` is a Date or the spec's string.
type Dated<T> = { [K in keyof T]: Exclude<T[K], Date> };
export type ListDatabasesAgrees = Assert<Agrees<Omit<ListDatabasesOptions, Limits>, Query<"listDatabases">>>;
// The page's cursor, from the supplement (turso-cli's `Pagination`).
export type CursorPaginationAgrees = Assert<
  Agrees<NonNullable<DatabasePage["pagination"]>, NonNullable<Json<"listDatabases">["pagination"]>>
>;
// The seed's timestamp may be a Date too, and both parts of an encryption
// setting are required together, which the spec leaves optional.
export type CreateDatabaseAgrees = Assert<
  Agrees<
    Omit<CreateDatabaseOptions, Limits | "seed" | "remote_encryption">,
    Omit<Body<"createDatabase">, "name" | "seed" | "remote_encryption">
  >
>;
export type EncryptionAgrees = Assert<
  Same<
    Required<NonNullable<CreateDatabaseOptions["remote_encryption"]>>,
    Required<NonNullable<Body<"createDatabase">["remote_encryption"]>>
  >
>;
export type SeedAgrees = Assert<
  Same<keyof Dated<NonNullable<CreateDatabaseOptions["seed"]>>, keyof NonNullable<Body<"createDatabase">["seed"]>>
>;
export type UpdateDatabaseConfigurationAgrees = Assert<
  Agrees<Omit<UpdateDatabaseConfigurationOptions, Limits>, Body<"updateDatabaseConfiguration">>
>;
export type DatabaseUsageOptionsAgree = Assert<
  Same<keyof Omit<GetDatabaseUsageOptions, Limits>, keyof Query<"getDatabaseUsage">>
>;
export type UpdateOrganizationAgrees = Assert<Agrees<Omit<UpdateOrganizationOptions, Limits>, Body<"updateOrganization">>>;
export type InvoicesOptionsAgree = Assert<Agrees<Omit<ListOrganizationInvoicesOptions, Limits>, Query<"listOrganizationInvoices">>>;
// The spec requires `email`, which it does not define: see src/members.rs.
export type AddMemberAgrees = Assert<Agrees<Omit<AddOrganizationMemberOptions, Limits>, Omit<Body<"addOrganizationMember">, "email">>>;
export type CreateInviteAgrees = Assert<
  Same<keyof Omit<InviteOrganizationMemberV2Options, Limits>, keyof Body<"inviteOrganizationMemberV2">>
>;
export type CreateApiTokenAgrees = Assert<
  Same<Exclude<keyof Omit<Extract<CreateAPITokenOptions, { group: string }>, Limits>, never>, keyof Body<"createAPIToken">>
>;
export type ScopeAgrees = Assert<Same<Item<Extract<CreateAPITokenOptions, { group: string }>["scopes"]>, Item<Body<"createAPIToken">["scopes"]>>>;
export type AuditLogsOptionsAgree = Assert<
  Same<[keyof Omit<ListOrganizationAuditLogsOptions, Limits>], [Exclude<keyof Query<"listOrganizationAuditLogs">, "page_size"> | "pageSize"]>
>;
