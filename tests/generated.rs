//! What is generated from the declarations, checked in, and kept fresh:
//!
//! - the operations' part of `pkg-template/index.d.ts`: the wire types
//!   (derived by ts-rs), each operation's options and method, the
//!   resources, the client, and the `code` and `field` unions;
//! - `tests/operations.json`, the operations as data, for the JS tests and
//!   the stand-in;
//! - the README's table of calls for each resource.
//!
//! `cargo test --test generated` writes a file that is stale and fails, so
//! the one command regenerates everything and CI fails on a stale copy.
#![cfg(not(target_arch = "wasm32"))]

use std::fmt::Write as _;
use std::path::Path;

use serde_json::{json, Value};
use ts_rs::{Config, TypeVisitor, TS};
use turso_platform_wasm::api;
use turso_platform_wasm::error::CODES;
use turso_platform_wasm::operation::{
    self, AnswerAt, Base, BodyFields, Input, Operation, Pages, Paging, Place, Spec, Visitor,
    Workflow, CALL_OPTIONS, CLIENT_SETTINGS,
};

/// One declared operation, with what its types say in TypeScript.
struct Declared {
    spec: &'static Spec,
    doc: &'static str,
    body: String,
    answer: String,
}

/// Every operation, in the registry's order, and the wire types they use,
/// each declared once, by name.
#[derive(Default)]
struct Registry {
    operations: Vec<Declared>,
    types: Vec<(String, String)>,
}

fn config() -> Config {
    // Counts fit in a double, and JSON.parse reads them as numbers.
    Config::new().with_large_int("number")
}

impl Visitor for Registry {
    fn visit<O: Operation>(&mut self) {
        let cfg = config();
        // A step's types are the workflow's own business, not the caller's.
        let public = O::SPEC.base != Base::Database;
        if public && !matches!(O::SPEC.body, BodyFields::None) {
            self.visit_type::<O::Body>();
        }
        if public {
            self.visit_type::<O::Answer>();
        }
        self.operations.push(Declared {
            spec: &O::SPEC,
            doc: O::DOC,
            body: O::Body::name(&cfg),
            answer: match O::SPEC.answer {
                AnswerAt::Nothing => "void".to_owned(),
                AnswerAt::Stream => "ReadableStream<Uint8Array>".to_owned(),
                _ => array_syntax(&O::Answer::name(&cfg)),
            },
        });
    }
}

impl Registry {
    /// The operations that are methods of a client: all but the steps on a
    /// database's own server, which only workflows call.
    fn methods(&self) -> impl Iterator<Item = &Declared> {
        self.operations
            .iter()
            .filter(|declared| declared.spec.base != Base::Database)
    }

    fn visit_type<T: TS + 'static + ?Sized>(&mut self) {
        TypeVisitor::visit::<T>(self);
    }
}

impl TypeVisitor for Registry {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        let cfg = config();
        // Only types derived here have a file of their own; a Vec, an
        // Option or a primitive is named inline.
        if T::output_path().is_some() {
            let ident = T::ident(&cfg);
            if self.types.iter().any(|(known, _)| *known == ident) {
                return;
            }
            let docs = T::docs().unwrap_or_default();
            let decl = layout(&array_syntax(&T::decl(&cfg)));
            self.types.push((ident, format!("{docs}export {decl}")));
        }
        T::visit_dependencies(self);
        T::visit_generics(self);
    }
}

/// `Array<Group>` as `Group[]`, as people write it.
fn array_syntax(ts: &str) -> String {
    let mut out = ts.to_owned();
    while let Some(start) = out.find("Array<") {
        let inner_start = start + "Array<".len();
        let Some(len) = out[inner_start..].find('>') else {
            break;
        };
        let inner = &out[inner_start..inner_start + len];
        if !inner.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            break;
        }
        let replacement = format!("{inner}[]");
        out.replace_range(start..inner_start + len + 1, &replacement);
    }
    out
}

/// ts-rs's one-line declaration laid out a field a line, for people and for
/// diffs. Only the outermost object is broken up; doc comments are kept
/// whole.
fn layout(decl: &str) -> String {
    let mut out = String::new();
    let mut open = Vec::new();
    let mut rest = decl;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("/**") {
            let end = rest.find("*/").map_or(rest.len(), |end| end + 2);
            let trimmed = out.trim_end_matches(' ').len();
            out.truncate(trimmed);
            for line in rest[..end].lines() {
                let line = line.trim();
                let indent = if line.starts_with('*') { "   " } else { "  " };
                out.push_str(indent);
                out.push_str(line);
                out.push('\n');
            }
            rest = rest[end..].trim_start();
            out.push_str("  ");
            continue;
        }
        let outermost = open == ['{'];
        match c {
            '{' if open.is_empty() => {
                open.push(c);
                out.push_str("{\n  ");
                rest = rest[1..].trim_start();
                continue;
            }
            '{' | '(' | '<' | '[' => open.push(c),
            '}' if outermost => {
                open.clear();
                let trimmed = out.trim_end().len();
                out.truncate(trimmed);
                out.push_str("\n}");
                rest = &rest[1..];
                continue;
            }
            '}' | ')' | '>' | ']' => {
                open.pop();
            }
            ',' if outermost => {
                out.push_str(",\n  ");
                rest = rest[1..].trim_start();
                continue;
            }
            _ => {}
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

fn registry() -> Registry {
    let mut registry = Registry::default();
    api::for_each(&mut registry);
    // Named only by the TypeScript that TokenRestriction declares for itself.
    registry.visit_type::<turso_platform_wasm::api_tokens::Scope>();
    // By name: the order ts-rs visits dependencies in is not the same from
    // one build to the next.
    registry.types.sort_by(|(a, _), (b, _)| a.cmp(b));
    registry
}

fn resource_and_method(call: &str) -> (&str, &str) {
    call.split_once('.').expect("a call is resource.method")
}

fn pascal(name: &str) -> String {
    let mut chars = name.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The positional arguments, without the `?` of an optional one.
fn positional(spec: &Spec) -> Vec<(&'static str, bool)> {
    spec.args
        .iter()
        .map(|arg| match arg.strip_suffix('?') {
            Some(name) => (name, true),
            None => (*arg, false),
        })
        .collect()
}

/// What a JavaScript caller may pass for a parameter.
fn input_ts(input: Input) -> String {
    match input {
        Input::Text => "string".to_owned(),
        Input::OneOf(choices) => choices
            .iter()
            .map(|choice| format!("{choice:?}"))
            .collect::<Vec<_>>()
            .join(" | "),
        Input::Integer => "number".to_owned(),
        Input::Time => "Moment".to_owned(),
    }
}

fn quoted_union(names: &[&str]) -> String {
    names
        .iter()
        .map(|name| format!("{name:?}"))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// The options a call reads besides `RequestOptions`: the body fields that
/// are not always positional, and the query parameters.
fn option_fields(spec: &Spec) -> (Vec<&'static str>, Vec<&'static operation::Param>) {
    let positional: Vec<&str> = positional(spec)
        .iter()
        .filter(|(_, optional)| !optional)
        .map(|(name, _)| *name)
        .collect();
    let body = spec
        .body
        .fields()
        .iter()
        .copied()
        .filter(|field| !positional.contains(field))
        .collect();
    let query = spec
        .params
        .iter()
        .filter(|param| param.place == Place::Query)
        .collect();
    (body, query)
}

/// The names of a call's options besides `RequestOptions`.
fn option_names(spec: &Spec) -> Vec<&'static str> {
    let (body, query) = option_fields(spec);
    body.into_iter()
        .chain(query.iter().map(|param| param.arg))
        .collect()
}

/// The name of a call's options type, or `RequestOptions` where it has none
/// of its own.
fn options_name(spec: &Spec) -> String {
    if option_names(spec).is_empty() {
        "RequestOptions".to_owned()
    } else {
        format!("{}Options", pascal(spec.id))
    }
}

/// `export type …Options = RequestOptions & …;` for a call that has options
/// of its own.
fn options_type(declared: &Declared) -> Option<String> {
    let spec = declared.spec;
    let (body_fields, query) = option_fields(spec);
    if body_fields.is_empty() && query.is_empty() {
        return None;
    }
    let mut parts = vec!["RequestOptions".to_owned()];
    if !body_fields.is_empty() {
        let left_out: Vec<&str> = spec
            .body
            .fields()
            .iter()
            .copied()
            .filter(|field| !body_fields.contains(field))
            .collect();
        let mut body = declared.body.clone();
        if !left_out.is_empty() {
            body = format!("Omit<{body}, {}>", quoted_union(&left_out));
        }
        parts.push(body);
    }
    if !query.is_empty() {
        let fields: Vec<String> = query
            .iter()
            .map(|param| format!("{}?: {} | null", param.arg, input_ts(param.input)))
            .collect();
        parts.push(format!("{{ {} }}", fields.join("; ")));
    }
    Some(format!(
        "/** The options of `{}`. */\nexport type {} = {};\n",
        spec.call,
        options_name(spec),
        parts.join(" & ")
    ))
}

/// The TypeScript of one positional argument.
fn argument_ts(declared: &Declared, name: &str) -> String {
    let spec = declared.spec;
    match spec.params.iter().find(|param| param.arg == name) {
        Some(param) => input_ts(param.input),
        None => format!("{}[{name:?}]", declared.body),
    }
}

/// The request as people read it: `POST /v1/organizations/{org}/groups`.
fn request_line(spec: &Spec) -> String {
    let path = spec.path.replace("{organizationSlug}", "{org}");
    match spec.base {
        Base::Api => format!("{} {path}", spec.method.as_str()),
        Base::Region => format!("{} {{regionUrl}}{path}", spec.method.as_str()),
        Base::Database => format!("{} {{databaseUrl}}{path}", spec.method.as_str()),
    }
}

/// The forms a call may be written in: its positional arguments and the
/// name of its options type. One, or two where a positional argument may be
/// left out for the options object, which then holds it.
fn call_forms(spec: &Spec) -> Vec<(Vec<&'static str>, String)> {
    let args = positional(spec);
    let options = options_name(spec);
    let required: Vec<&str> = args
        .iter()
        .filter(|(_, optional)| !optional)
        .map(|(name, _)| *name)
        .collect();
    let mut forms = vec![(required.clone(), options.clone())];
    if required.len() < args.len() {
        let given: Vec<&str> = args
            .iter()
            .filter(|(_, optional)| *optional)
            .map(|(name, _)| *name)
            .collect();
        let all = args.iter().map(|(name, _)| *name).collect();
        forms.push((all, format!("Omit<{options}, {}>", quoted_union(&given))));
    }
    forms
}

/// The method's signature, with its doc.
fn method_ts(declared: &Declared) -> String {
    let spec = declared.spec;
    let (_, method) = resource_and_method(spec.call);
    let options = options_name(spec);
    let answer = resolves_to(declared);
    let mut out = format!(
        "  /**\n   * {}\n   *\n   * `{}`\n   *\n{}   */\n",
        declared.doc,
        request_line(spec),
        outcome_tags(&argument_names(spec), &answer)
    );
    out.push_str(&signature(method, declared, &answer));
    if let Some(pages) = spec.pages {
        let (walk, options) = match pages.by {
            Paging::Numbered => (
                "up to the last page. Each page is a `{method}` call with\n   * these options",
                format!("Omit<{options}, \"page\">"),
            ),
            Paging::Cursor => (
                "each page after the first from the `pagination.next` of the one\n   * before. Each page is a request with these options",
                options,
            ),
        };
        writeln!(
            out,
            "  /**\n   * Every item of every page, one page fetched at a time as they are\n   * consumed, {}; its `signal` also stops the walk.\n   */\n  all(options?: {options} | null): AsyncGenerator<{}[{:?}][number], void, undefined>;",
            walk.replace("{method}", method), declared.answer, pages.items
        )
        .expect("writing to a String");
    }
    out
}

/// The names of a call's positional arguments, as a caller writes them.
fn argument_names(spec: &Spec) -> Vec<&'static str> {
    positional(spec).into_iter().map(|(name, _)| name).collect()
}

/// The `@returns` and `@throws` of a method's doc, which an editor shows on
/// hover: what it resolves to, and when it rejects.
fn outcome_tags(args: &[&str], answer: &str) -> String {
    let returns = match answer {
        "void" => "nothing, once the API has done it".to_owned(),
        answer => format!("`{answer}`"),
    };
    let named: Vec<String> = args.iter().map(|arg| format!("`{arg}`")).collect();
    let refused = if named.is_empty() {
        "an option".to_owned()
    } else {
        format!("{} or an option", named.join(", "))
    };
    format!(
        "   * @returns {returns}\n   * @throws {{TursoClientError}} `invalid_argument`, with nothing sent, when {refused} is refused;\n   * else the {{@link TursoClientErrorCode}} of what went wrong.\n"
    )
}

/// What the method resolves to: its answer, or, for a list whose method
/// follows the pages itself, the items of every page.
fn resolves_to(declared: &Declared) -> String {
    match declared.spec.pages {
        Some(Pages {
            items,
            by: Paging::Cursor,
        }) => format!("{}[{items:?}]", declared.answer),
        _ => declared.answer.clone(),
    }
}

/// A resource's `create` and `get`, when it has both: the client then has
/// `ensure`, which creates, or on `conflict` gets (`src/bindings/client.js`).
fn ensured<'a>(operations: &[&'a Declared]) -> Option<(&'a Declared, &'a Declared)> {
    let find = |name: &str| {
        operations
            .iter()
            .copied()
            .find(|declared| resource_and_method(declared.spec.call).1 == name)
    };
    Some((find("create")?, find("get")?))
}

/// What `ensure` resolves to: the `get` answer under the resource's
/// singular name, and whether it was created.
fn ensured_answer(resource: &str, get: &Declared) -> String {
    let singular = resource.strip_suffix('s').unwrap_or(resource);
    format!("{{ {singular}: {}; created: boolean }}", get.answer)
}

/// `ensure`'s signature: `create`'s, resolving to [`ensured_answer`].
fn ensure_ts(resource: &str, create: &Declared, get: &Declared) -> String {
    let singular = resource.strip_suffix('s').unwrap_or(resource);
    let answer = ensured_answer(resource, get);
    let mut out = format!(
        "  /**\n   * Creates the {singular}, or gets it when one of that name exists (`conflict`);\n   * resolves to what `get` answers, and whether it was created. The other\n   * options are not compared with the existing {singular}'s.\n   *\n{}   */\n",
        outcome_tags(&argument_names(create.spec), &answer)
    );
    out.push_str(&signature("ensure", create, &answer));
    out
}

/// A method named `method` with `declared`'s arguments and options,
/// resolving to `answer`. A positional argument that may be left out for the
/// options object is typed as either, by a type parameter, rather than as two
/// overloads: a mistake in the options is then reported as itself ("'locaton'
/// does not exist in type 'CreateGroupOptions'. Did you mean to write
/// 'location'?"), where two overloads report "No overload matches this call".
fn signature(method: &str, declared: &Declared, answer: &str) -> String {
    let spec = declared.spec;
    let options = options_name(spec);
    let args = positional(spec);
    let split = args.partition_point(|(_, optional)| !optional);
    assert!(
        args[split..].iter().all(|(_, optional)| *optional),
        "{}: an argument that may be left out comes after those that may not",
        spec.call
    );
    let mut params: Vec<String> = args[..split]
        .iter()
        .map(|(name, _)| format!("{name}: {}", argument_ts(declared, name)))
        .collect();
    let generic = match &args[split..] {
        [] => {
            params.push(format!("...options: OptionsArgument<{options}>"));
            String::new()
        }
        [(given, _)] => {
            let either = format!("{}OrOptions", pascal(given));
            let given_ts = argument_ts(declared, given);
            params.push(format!("{given}OrOptions: {either}"));
            params.push(format!(
                "...options: {either} extends {given_ts} ? OptionsArgument<Omit<{options}, {given:?}>> : []"
            ));
            format!("<{either} extends {given_ts} | {options}>")
        }
        _ => panic!(
            "{}: only one argument may be left out for the options object",
            spec.call
        ),
    };
    format!(
        "  {method}{generic}({}): Promise<{answer}>;\n",
        params.join(", ")
    )
}

/// The resources in the registry's order, each with its operations.
fn resources(registry: &Registry) -> Vec<(&str, Vec<&Declared>)> {
    let mut resources: Vec<(&str, Vec<&Declared>)> = Vec::new();
    for declared in registry.methods() {
        let (resource, _) = resource_and_method(declared.spec.call);
        match resources.iter_mut().find(|(known, _)| *known == resource) {
            Some((_, operations)) => operations.push(declared),
            None => resources.push((resource, vec![declared])),
        }
    }
    resources
}

/// Every argument name an `invalid_argument` error can carry.
fn fields(registry: &Registry) -> Vec<&'static str> {
    let mut fields: Vec<&'static str> = CLIENT_SETTINGS.to_vec();
    // `options` and `config` themselves, when one is not an object.
    for name in CALL_OPTIONS.iter().chain(&["options", "config"]) {
        if !fields.contains(name) {
            fields.push(name);
        }
    }
    for workflow in api::WORKFLOWS {
        let names = workflow.args.iter().map(|(name, _)| *name);
        for name in names.chain(workflow.option_names()) {
            if !fields.contains(&name) {
                fields.push(name);
            }
        }
    }
    for declared in registry.methods() {
        let spec = declared.spec;
        let names = positional(spec).into_iter().map(|(name, _)| name);
        let params = spec.params.iter().map(|param| param.arg);
        for name in names
            .chain(params)
            .chain(spec.body.fields().iter().copied())
        {
            if !fields.contains(&name) {
                fields.push(name);
            }
        }
    }
    fields
}

const GENERATED_BY: &str =
    "Generated from the declarations in src/ by `cargo test --test generated`; do not edit.";

/// What the types of answers promise at run time, as the README's "Answers" says.
const ANSWER_CHECKS: &str =
    "// Answers are checked at run time for their envelope, for an object where an
// object belongs and a list where a list does, and for the fields they must
// have, with their types; a field marked optional is passed on as the API
// sent it, unchecked (README: Answers).

";

fn typescript(registry: &Registry) -> String {
    let mut out = format!("// {GENERATED_BY}\n\n");
    out.push_str(ANSWER_CHECKS);
    for (_, decl) in &registry.types {
        out.push_str(decl);
        out.push_str("\n\n");
    }
    for declared in registry.methods() {
        if let Some(options) = options_type(declared) {
            out.push_str(&options);
            out.push('\n');
        }
    }
    for workflow in api::WORKFLOWS {
        out.push_str(&workflow_options_ts(workflow));
    }
    let resources = resources(registry);
    for (resource, operations) in &resources {
        writeln!(
            out,
            "/** The `{resource}` resource of a client. */\nexport interface {}Api {{",
            pascal(resource)
        )
        .expect("writing to a String");
        for declared in operations {
            out.push_str(&method_ts(declared));
        }
        if let Some((create, get)) = ensured(operations) {
            out.push_str(&ensure_ts(resource, create, get));
        }
        for workflow in workflows_of(resource) {
            out.push_str(&workflow_ts(workflow));
        }
        out.push_str("}\n\n");
    }
    out.push_str(
        "/** A client bound to one organization and token. Its methods need no `this`. */\nexport interface TursoClient {\n",
    );
    for (resource, _) in &resources {
        writeln!(out, "  readonly {resource}: {}Api;", pascal(resource))
            .expect("writing to a String");
    }
    out.push_str(
        "}\n\n/** What went wrong, for code to branch on. */\nexport type TursoClientErrorCode =\n",
    );
    for (code, doc) in CODES {
        writeln!(out, "  /** {doc} */\n  | {code:?}").expect("writing to a String");
    }
    out.push_str(";\n\n/** The argument an `invalid_argument` error is about. */\nexport type TursoClientErrorField =\n");
    for field in fields(registry) {
        writeln!(out, "  | {field:?}").expect("writing to a String");
    }
    out.push_str(";\n");
    out
}

fn operations_json(registry: &Registry) -> String {
    let operations: Vec<Value> = registry
        .operations
        .iter()
        .map(|declared| {
            let spec = declared.spec;
            let params: Vec<Value> = spec
                .params
                .iter()
                .map(|param| {
                    json!({
                        "name": param.name,
                        "arg": param.arg,
                        "in": match param.place { Place::Path => "path", Place::Query => "query", Place::Header => "header" },
                        "type": input_ts(param.input),
                    })
                })
                .collect();
            let (answer_at, member) = match spec.answer {
                AnswerAt::Whole => ("whole", None),
                AnswerAt::Member(key) => ("member", Some(key)),
                AnswerAt::Reshaped(key) => ("reshaped", Some(key)),
                AnswerAt::Nothing => ("nothing", None),
                AnswerAt::Stream => ("stream", None),
            };
            json!({
                "id": spec.id,
                "call": spec.call,
                "method": spec.method.as_str(),
                "path": spec.path,
                "base": match spec.base { Base::Api => "api", Base::Region => "region", Base::Database => "database" },
                "args": spec.args,
                "params": params,
                "body": match spec.body {
                    BodyFields::None => Value::Null,
                    BodyFields::Required(fields) => json!({ "sent": "always", "fields": fields }),
                    BodyFields::WhenGiven(fields) => json!({ "sent": "when given", "fields": fields }),
                    BodyFields::Bytes(field) => json!({ "sent": "bytes", "fields": [field] }),
                },
                "options": option_names(spec),
                "answer": { "at": answer_at, "member": member, "type": declared.answer },
                "secretAnswer": spec.secret_answer,
                "pages": spec.pages.map(|pages| json!({ "items": pages.items, "by": pages.by.as_str() })),
                "doc": declared.doc,
            })
        })
        .collect();
    let document = json!({
        "generated": GENERATED_BY,
        "clientSettings": CLIENT_SETTINGS,
        "callOptions": CALL_OPTIONS,
        "operations": operations,
        "workflows": api::WORKFLOWS.iter().map(|workflow| json!({
            "call": workflow.call,
            "args": workflow.args.iter().map(|(name, _)| name).collect::<Vec<_>>(),
            "options": workflow.option_names().collect::<Vec<_>>(),
            "callbacks": workflow.callbacks,
            "steps": workflow.steps,
            "doc": workflow.doc,
        })).collect::<Vec<_>>(),
    });
    let mut text = serde_json::to_string_pretty(&document).expect("JSON");
    text.push('\n');
    text
}

/// The workflows of a resource, in their declared order.
fn workflows_of(resource: &str) -> impl Iterator<Item = &'static Workflow> + '_ {
    api::WORKFLOWS
        .iter()
        .copied()
        .filter(move |workflow| resource_and_method(workflow.call).0 == resource)
}

/// The name of a workflow's options type: `DatabaseUploadOptions`.
fn workflow_options_name(workflow: &Workflow) -> String {
    let (resource, method) = resource_and_method(workflow.call);
    let singular = resource.strip_suffix('s').unwrap_or(resource);
    format!("{}{}Options", pascal(singular), pascal(method))
}

/// A workflow's options, an interface over `RequestOptions`.
fn workflow_options_ts(workflow: &Workflow) -> String {
    let mut out = format!(
        "/** The options of `{}`. */\nexport interface {} extends RequestOptions {{\n",
        workflow.call,
        workflow_options_name(workflow)
    );
    for (name, ts) in workflow.options {
        writeln!(out, "  {name}: {ts};").expect("writing to a String");
    }
    out.push_str("}\n\n");
    out
}

/// A workflow's method, with its doc; its options may be left out when
/// none is required.
fn workflow_ts(workflow: &Workflow) -> String {
    let (_, method) = resource_and_method(workflow.call);
    let mut params: Vec<String> = workflow
        .args
        .iter()
        .map(|(name, ts)| format!("{name}: {ts}"))
        .collect();
    let optional = workflow.options.iter().all(|(name, _)| name.ends_with('?'));
    params.push(format!(
        "options{}: {}{}",
        if optional { "?" } else { "" },
        workflow_options_name(workflow),
        if optional { " | null" } else { "" }
    ));
    let args: Vec<&str> = workflow.args.iter().map(|(name, _)| *name).collect();
    format!(
        "  /**\n   * {}\n   *\n{}   */\n  {method}({}): Promise<{}>;\n",
        workflow.doc,
        outcome_tags(&args, workflow.resolves_to),
        params.join(", "),
        workflow.resolves_to
    )
}

/// The steps of a workflow on a database's own server, as requests.
fn workflow_requests(workflow: &Workflow, registry: &Registry) -> String {
    let requests: Vec<String> = workflow
        .steps
        .iter()
        .filter_map(|id| {
            registry
                .operations
                .iter()
                .find(|declared| declared.spec.id == *id)
        })
        .filter(|declared| declared.spec.base == Base::Database)
        .map(|declared| format!("`{}`", request_line(declared.spec)))
        .collect();
    requests.join(", ")
}

/// The README's table of one resource's calls.
fn readme_table(operations: &[&Declared], registry: &Registry) -> String {
    let mut out =
        String::from("| call | request | resolves to | what it does |\n|---|---|---|---|\n");
    if let Some((create, get)) = ensured(operations) {
        let (resource, _) = resource_and_method(create.spec.call);
        writeln!(
            out,
            "| `{resource}.ensure(…)` | `create`'s, then on `conflict` `get`'s | `{}` | As `create`, but an existing one of that name is got rather than refused. |",
            ensured_answer(resource, get).replace('|', "\\|")
        )
        .expect("writing to a String");
    }
    for declared in operations {
        let spec = declared.spec;
        let (resource, method) = resource_and_method(spec.call);
        let options = option_names(spec);
        for (args, _) in call_forms(spec) {
            let mut shown: Vec<String> = args.iter().map(|arg| (*arg).to_owned()).collect();
            let in_options: Vec<&str> = options
                .iter()
                .copied()
                .filter(|option| !args.contains(option))
                .collect();
            if !in_options.is_empty() {
                shown.push(format!("{{ {} }}", in_options.join(", ")));
            }
            writeln!(
                out,
                "| `{resource}.{method}({})` | `{}` | `{}` | {} |",
                shown.join(", "),
                request_line(spec),
                resolves_to(declared),
                declared.doc
            )
            .expect("writing to a String");
        }
        if spec.pages.is_some() {
            writeln!(
                out,
                "| `{resource}.all({})` | the same, page after page | an async iterator of the items | Every item of every page, fetched as they are consumed. |",
                if options.is_empty() { "" } else { "{ … }" }
            )
            .expect("writing to a String");
        }
    }
    let resource = operations
        .first()
        .map(|declared| resource_and_method(declared.spec.call).0);
    for workflow in resource.into_iter().flat_map(workflows_of) {
        let mut shown: Vec<String> = workflow
            .args
            .iter()
            .map(|(name, _)| (*name).to_owned())
            .collect();
        shown.push(format!(
            "{{ {} }}",
            workflow.option_names().collect::<Vec<_>>().join(", ")
        ));
        writeln!(
            out,
            "| `{}({})` | {} | `{}` | {} |",
            workflow.call,
            shown.join(", "),
            workflow_requests(workflow, registry),
            workflow.resolves_to.replace('|', "\\|"),
            workflow.doc
        )
        .expect("writing to a String");
    }
    out
}

/// `text` with what stands between `begin` and `end` replaced.
fn between(text: &str, begin: &str, end: &str, inner: &str) -> String {
    let start = text
        .find(begin)
        .unwrap_or_else(|| panic!("{begin} is missing"))
        + begin.len();
    let stop = start
        + text[start..]
            .find(end)
            .unwrap_or_else(|| panic!("{end} is missing"));
    format!("{}\n{inner}{}", &text[..start], &text[stop..])
}

/// Writes `contents` to `path` if it differs, and says so.
fn ensure(path: &str, contents: &str, stale: &mut Vec<String>) {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let current = std::fs::read_to_string(&full).unwrap_or_default();
    if current != contents {
        std::fs::write(&full, contents).unwrap_or_else(|error| panic!("{path}: {error}"));
        stale.push(path.to_owned());
    }
}

#[test]
fn generated_files_are_fresh() {
    let registry = registry();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |path: &str| std::fs::read_to_string(root.join(path)).expect(path);
    let mut stale = Vec::new();

    let dts = between(
        &read("pkg-template/index.d.ts"),
        "// <generated>",
        "// </generated>",
        &typescript(&registry),
    );
    ensure("pkg-template/index.d.ts", &dts, &mut stale);

    ensure(
        "tests/operations.json",
        &operations_json(&registry),
        &mut stale,
    );

    let mut readme = read("README.md");
    for (resource, operations) in resources(&registry) {
        readme = between(
            &readme,
            &format!("<!-- generated: {resource} -->"),
            &format!("<!-- /generated: {resource} -->"),
            &readme_table(&operations, &registry),
        );
    }
    ensure("README.md", &readme, &mut stale);

    assert!(
        stale.is_empty(),
        "regenerated {}: they were stale; commit them",
        stale.join(", ")
    );
}

#[test]
fn declarations_are_laid_out_a_field_a_line() {
    assert_eq!(
        layout("type A = { a: string, \n/**\n * Doc, with { and }.\n */\nb?: { c: number, d: string }, };"),
        "type A = {\n  a: string,\n  /**\n   * Doc, with { and }.\n   */\n  b?: { c: number, d: string },\n};"
    );
    assert_eq!(layout("type B = \"x\" | \"y\";"), "type B = \"x\" | \"y\";");
    assert_eq!(
        layout("type C = Record<symbol, never>;"),
        "type C = Record<symbol, never>;"
    );
}

#[test]
fn array_syntax_reads_as_people_write_it() {
    assert_eq!(array_syntax("Array<Group>"), "Group[]");
    assert_eq!(array_syntax("Array<Group> | null"), "Group[] | null");
    assert_eq!(
        array_syntax("{ a: Array<string>, b: Array<Scope> }"),
        "{ a: string[], b: Scope[] }"
    );
}
