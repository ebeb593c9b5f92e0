// Compiled by `tsc --strict` in the tests, against the types openapi-typescript
// generates from tests/spec/ (into tests/types/generated/, not in git). Each
// public type must have the spec's fields, each of the spec's type once
// null and undefined are set aside, and no others but those named here with
// the reason. A field added to or changed in the spec then fails the tests.
import type {
  ClosestLocation,
  CreateGroupOptions,
  CreateGroupTokenOptions,
  Extension,
  Group,
  GroupConfiguration,
  GroupToken,
  Location,
  TransferGroupOptions,
  UpdateGroupConfigurationOptions,
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
export type GroupTokenAgrees = Assert<Agrees<GroupToken, Json<"createGroupToken">>>;
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
