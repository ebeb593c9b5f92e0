//! The vocabulary of an operation: what a declaration says, as data. It
//! depends on no resource; the resources declare their operations in it,
//! and [`crate::api`] lists them all.
//!
//! An operation is a type that implements [`Operation`]: its [`Spec`] is the
//! method, the path template as the OpenAPI description spells it, the
//! parameters with their rules, the body's fields and where the answer sits;
//! its associated types are the serde-derived body and answer. From those,
//! [`crate::request::build`] checks the arguments and builds the request,
//! and [`crate::response::answer`] turns a status and body into the answer
//! or an [`Error`].
//!
//! An answer's type checks its shape, the same way in both targets: the
//! envelope and the fields an answer must have. The caller gets the value
//! as it was parsed (in wasm, the object `JSON.parse` made). The fields the
//! API may leave out are declared for the types and marked
//! `skip_deserializing`, so they pass as sent: typing them too cost 10 KB of
//! gzip, a tenth of the `.wasm`.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Error;
use crate::validate::Check;

/// One operation of the Platform API, declared once. Its TypeScript, its
/// README row and its entry in `tests/operations.json` are generated from
/// this by `cargo test --test generated`.
pub trait Operation {
    /// One line for people: what it does, what it resolves to, and when it
    /// rejects, where that is particular to it. Only the generator reads
    /// it, so the `.wasm` carries none of these.
    const DOC: &'static str;
    /// Everything about the operation that is data.
    const SPEC: Spec;
    /// The JSON body, [`NoBody`] for an operation that sends none.
    type Body: Serialize + DeserializeOwned + Validate + TS + 'static;
    /// The answer, as it sits in its envelope; `()` for none.
    type Answer: Serialize + DeserializeOwned + TS + 'static;
}

/// What an operation is, as plain data.
#[derive(Debug)]
pub struct Spec {
    /// The `operationId` in the OpenAPI description.
    pub id: &'static str,
    /// The JavaScript method, `resource.method`, such as `"groups.get"`.
    pub call: &'static str,
    pub method: Method,
    /// The path template as the OpenAPI description spells it, such as
    /// `/v1/organizations/{organizationSlug}/groups/{groupName}`.
    /// `{organizationSlug}` is the client's `org`.
    pub path: &'static str,
    pub base: Base,
    /// The positional arguments of the JavaScript method, by name. A name
    /// ending in `?` may be left out, and the options object then takes its
    /// place; every other argument is read from the options object.
    pub args: &'static [&'static str],
    /// The path and query parameters other than `organizationSlug`.
    pub params: &'static [Param],
    pub body: BodyFields,
    pub answer: AnswerAt,
    /// The answer carries a credential: an answer that fails to decode keeps
    /// no copy of its body.
    pub secret_answer: bool,
    /// The answer is one page of a list: JavaScript gets an `all()` beside
    /// the method that walks every page.
    pub pages: Option<Pages>,
}

/// How a paged answer is laid out: its items sit in the member `items`, and
/// the next page is found [`by`](Paging).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pages {
    pub items: &'static str,
    pub by: Paging,
}

/// How the pages of a list are walked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paging {
    /// Each page is asked for by its number, with the query parameter
    /// `page`, up to `pagination.total_pages`. The method is one page, and
    /// `all()` walks them.
    Numbered,
    /// Each page after the first is asked for with the query parameter
    /// `cursor`, set to the `pagination.next` of the page before, until a
    /// page has none. The method itself resolves to every item, and
    /// `all()` yields them as each page arrives.
    Cursor,
}

impl Paging {
    pub fn as_str(self) -> &'static str {
        match self {
            Paging::Numbered => "page",
            Paging::Cursor => "cursor",
        }
    }
}

impl Spec {
    /// An operation of the Platform API with no arguments or body whose
    /// answer is the whole body; declarations override the rest.
    pub const fn new(
        id: &'static str,
        call: &'static str,
        method: Method,
        path: &'static str,
    ) -> Spec {
        Spec {
            id,
            call,
            method,
            path,
            base: Base::Api,
            args: &[],
            params: &[],
            body: BodyFields::None,
            answer: AnswerAt::Whole,
            secret_answer: false,
            pages: None,
        }
    }
}

/// The HTTP methods the Platform API uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    /// Whether sending the request twice has the effect of sending it once:
    /// then any failure may be retried. A `GET` changes nothing; the only
    /// `PUT`s, an upload's, put the same bytes in the same place again.
    pub fn is_safe(self) -> bool {
        matches!(self, Method::Get | Method::Put)
    }
}

/// Which service an operation calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Base {
    /// The Platform API at `baseUrl`, with the token.
    Api,
    /// The region finder at `regionUrl`, which needs no token and gets none.
    Region,
    /// A database's own server, at `databaseUrl(hostname)`, with a token of
    /// that database. Its operations are the steps of a [`Workflow`], not
    /// methods of a client.
    Database,
}

/// A path or query parameter, and the rule its value must meet.
#[derive(Debug)]
pub struct Param {
    /// Its name in the OpenAPI description.
    pub name: &'static str,
    /// The argument it comes from, as JavaScript callers name it.
    pub arg: &'static str,
    pub place: Place,
    /// What a JavaScript caller may pass for it.
    pub input: Input,
    /// The rule for its text, as sent.
    pub check: Check,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// Required, and percent-encoded into the path.
    Path,
    /// Optional, and percent-encoded into the query string when given.
    Query,
    /// Optional, and sent as the header of its name when given.
    Header,
}

impl Param {
    pub const fn path(name: &'static str, arg: &'static str, check: Check) -> Param {
        Param {
            name,
            arg,
            place: Place::Path,
            input: Input::Text,
            check,
        }
    }

    /// A query parameter that is one of `choices`, from the argument of the
    /// same name.
    pub const fn choice(name: &'static str, choices: &'static [&'static str]) -> Param {
        Param {
            input: Input::OneOf(choices),
            ..Param::query(name, crate::validate::any)
        }
    }

    /// A query parameter of text, from the argument of the same name.
    pub const fn query(name: &'static str, check: Check) -> Param {
        Param {
            name,
            arg: name,
            place: Place::Query,
            input: Input::Text,
            check,
        }
    }

    /// A header, from the argument `arg`.
    pub const fn header(name: &'static str, arg: &'static str, check: Check) -> Param {
        Param {
            place: Place::Header,
            ..Param::query(name, check).from_arg(arg)
        }
    }

    /// The same parameter, from the argument `arg`.
    pub const fn from_arg(self, arg: &'static str) -> Param {
        Param { arg, ..self }
    }

    /// The same parameter, taking `input` from JavaScript.
    pub const fn taking(self, input: Input) -> Param {
        Param { input, ..self }
    }
}

/// The values a JavaScript caller may pass for a parameter; each becomes
/// the text that [`Param::check`] checks and the request carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    Text,
    /// One of these texts; the check refuses any other.
    OneOf(&'static [&'static str]),
    /// A whole number.
    Integer,
    /// A `Date`, or its RFC 3339 text.
    Time,
}

/// Whether an operation sends a body, and the arguments that make it.
#[derive(Debug)]
pub enum BodyFields {
    None,
    /// Always sent, with these fields.
    Required(&'static [&'static str]),
    /// Sent only when one of these fields is given.
    WhenGiven(&'static [&'static str]),
    /// The bytes of this argument, a `Uint8Array` or a `Blob`, sent as they
    /// are, never copied into wasm.
    Bytes(&'static str),
}

impl BodyFields {
    /// The arguments that become the body's fields.
    pub fn fields(&self) -> &'static [&'static str] {
        match self {
            BodyFields::None | BodyFields::Bytes(_) => &[],
            BodyFields::Required(fields) | BodyFields::WhenGiven(fields) => fields,
        }
    }
}

/// Where the answer sits in a successful body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerAt {
    /// The whole body.
    Whole,
    /// One member of it, such as `group` in `{"group": {…}}`.
    Member(&'static str),
    /// One member, handed to JavaScript as the answer type serializes it
    /// rather than as sent (a map of locations becomes a list).
    Reshaped(&'static str),
    /// Nothing: the API answers 200 with no body.
    Nothing,
    /// The body itself, unread, as the `ReadableStream` of its bytes: a
    /// database file, which may be larger than memory.
    Stream,
}

/// The body of an operation that sends none.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NoBody {}

/// Rules a body must meet beyond its types, checked before sending.
pub trait Validate {
    fn validate(&self) -> Result<(), Error> {
        Ok(())
    }
}

impl Validate for NoBody {}

/// What `createClient`'s config may hold; any other key is refused.
pub const CLIENT_SETTINGS: &[&str] = &[
    "org",
    "token",
    "baseUrl",
    "regionUrl",
    "timeoutMs",
    "maxRetries",
    "databaseUrl",
];

/// What every call's options object may hold besides its operation's own
/// arguments; any other key is refused.
pub const CALL_OPTIONS: &[&str] = &["signal", "timeoutMs", "maxRetries"];

/// Body members whose values are secrets, wherever in a body they sit: an
/// error shows none of them, even one that a server echoes.
pub const SECRET_MEMBERS: &[&str] = &["encryption_key"];

/// A method of a client made of several operations in turn, written in
/// `client.js`: its arguments and options are checked here, in Rust, before
/// its first request, and its TypeScript is generated from this.
#[derive(Debug)]
pub struct Workflow {
    /// The JavaScript method, `resource.method`.
    pub call: &'static str,
    /// One line for people, as [`Operation::DOC`].
    pub doc: &'static str,
    /// Its positional arguments, each with its TypeScript type.
    pub args: &'static [(&'static str, &'static str)],
    /// Its options besides [`CALL_OPTIONS`], each with its TypeScript type;
    /// a name ending in `?` may be left out.
    pub options: &'static [(&'static str, &'static str)],
    /// The options that must be functions when given.
    pub callbacks: &'static [&'static str],
    /// What it resolves to, in TypeScript.
    pub resolves_to: &'static str,
    /// The operations it calls, by `operationId`, in order.
    pub steps: &'static [&'static str],
}

impl Workflow {
    /// The names of its options, as a caller writes them.
    pub fn option_names(&self) -> impl Iterator<Item = &'static str> {
        self.options
            .iter()
            .map(|(name, _)| name.strip_suffix('?').unwrap_or(name))
    }
}

/// Visits every declared operation: the boundary builds its dispatch table
/// this way, and the tests check each against the OpenAPI description.
pub trait Visitor {
    fn visit<O: Operation>(&mut self);
}
