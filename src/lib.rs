//! A client for the [Turso Platform API](https://docs.turso.tech/api-reference),
//! written in Rust and shipped to JavaScript as WebAssembly.
//!
//! The crate has two halves:
//!
//! - a core that never touches JavaScript and is tested natively, in
//!   layers with no circle: [`operation`] is the vocabulary of a
//!   declaration, [`shared`] the types more than one resource uses, one
//!   module per resource ([`organizations`], [`groups`], [`databases`],
//!   [`locations`], [`members`], [`invites`], [`api_tokens`],
//!   [`audit_logs`], [`user`], and [`database_files`] for the steps on a
//!   database's own server) declares its operations and serde-derived
//!   wire types, and [`api`] lists them all; [`validate`] checks
//!   arguments, [`request`] builds requests as plain data, [`response`]
//!   reads a status and body into the answer or an [`Error`] through the
//!   [`json`] seam each target fills, and [`retry`] decides whether and
//!   when a failed attempt is tried again;
//! - on `wasm32`, the `bindings` module: every `#[wasm_bindgen]` item, the
//!   conversions to and from `JsValue`, generic over operations, and the
//!   fetch transport.
//!
//! From JavaScript:
//!
//! ```js
//! import { createGroup } from "turso-platform-wasm";
//! const group = await createGroup(org, token, "new-group", "aws-us-east-1", ["vector"]);
//! ```

// A panic in wasm poisons the module for every later call, so library code
// may not use the constructs that panic; tests may.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::unreachable,
        clippy::todo,
        clippy::unimplemented,
        clippy::arithmetic_side_effects
    )
)]

pub mod api;
pub mod api_tokens;
pub mod audit_logs;
pub mod database_files;
pub mod databases;
pub mod error;
pub mod groups;
pub mod invites;
pub mod json;
pub mod locations;
pub mod members;
pub mod operation;
pub mod organizations;
pub mod request;
pub mod response;
pub mod retry;
pub mod shared;
pub mod user;
pub mod validate;

#[cfg(target_arch = "wasm32")]
mod bindings;

/// The `.wasm`'s allocator: talc, smaller and faster than std's dlmalloc on
/// wasm by its authors' measurements, and verified with Miri.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub use error::Error;
pub use operation::{Method, Operation, Spec};
pub use request::{ApiRequest, ClientConfig, DEFAULT_BASE_URL};

#[cfg(target_arch = "wasm32")]
pub use bindings::{create_client, create_group};
