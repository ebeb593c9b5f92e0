//! The smallest module that creates a group with this package's dependencies,
//! with no validation, retries, size cap, strict JSON or typed errors.
//!
//! By default Rust drives the call, as the package does: `createGroup(url,
//! token, name)` arms a timeout, sends one `fetch` with the two headers, reads
//! the body and returns the group through serde-wasm-bindgen. With
//! `js-driven`, JavaScript drives it (`wasmFloor` in bench/contenders.mjs) and
//! calls into wasm only twice, synchronously: for the request body, and to
//! turn the answer's bytes into the group.

use js_sys::{Reflect, JSON};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

#[derive(Serialize, Deserialize)]
struct Group {
    name: String,
    uuid: String,
    version: Option<String>,
    locations: Vec<String>,
    primary: Option<String>,
    delete_protection: Option<bool>,
}

#[cfg(not(feature = "js-driven"))]
mod rust_driven {
    use gloo_net::http::Headers;
    use js_sys::{Function, Promise, Reflect};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen_futures::{future_to_promise, JsFuture};
    use web_sys::{AbortController, RequestInit, Response};

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_name = fetch)]
        fn global_fetch(url: &str, init: &RequestInit) -> Promise;
        #[wasm_bindgen(js_name = setTimeout)]
        fn set_timeout(handler: &Function, ms: u32) -> JsValue;
        #[wasm_bindgen(js_name = clearTimeout)]
        fn clear_timeout(handle: &JsValue);
    }

    #[wasm_bindgen(js_name = createGroup)]
    pub fn create_group(url: String, token: String, name: String) -> Promise {
        future_to_promise(async move {
            let controller = AbortController::new()?;
            let abort: Function = Reflect::get(&controller, &"abort".into())?.dyn_into()?;
            let timer = set_timeout(&abort.bind0(&controller), 60_000);
            let headers = Headers::new();
            headers.append("Authorization", &["Bearer ", &token].concat());
            headers.append("Content-Type", "application/json");
            let init = RequestInit::new();
            init.set_method("POST");
            init.set_headers(&headers.into_raw());
            init.set_signal(Some(&controller.signal()));
            init.set_body(&super::request_body(&name)?.into());
            let response: Response = JsFuture::from(global_fetch(&url, &init))
                .await?
                .dyn_into()?;
            let text = JsFuture::from(response.text()?).await?;
            clear_timeout(&timer);
            super::read_group_text(&text.as_string().unwrap_or_default())
        })
    }
}

#[cfg_attr(feature = "js-driven", wasm_bindgen(js_name = requestBody))]
pub fn request_body(name: &str) -> Result<String, JsValue> {
    let quoted_name = String::from(JSON::stringify(&JsValue::from_str(name))?);
    Ok(["{\"name\":", &quoted_name, ",\"location\":\"lhr\"}"].concat())
}

#[cfg(feature = "js-driven")]
#[wasm_bindgen(js_name = readGroup)]
pub fn read_group(bytes: &[u8]) -> Result<JsValue, JsValue> {
    read_group_text(std::str::from_utf8(bytes).map_err(|_| JsValue::from_str("not UTF-8"))?)
}

fn read_group_text(text: &str) -> Result<JsValue, JsValue> {
    let answer = JSON::parse(text)?;
    group_to_js(Reflect::get(&answer, &"group".into())?)
}

#[cfg(feature = "typed-decode")]
fn group_to_js(group: JsValue) -> Result<JsValue, JsValue> {
    let group: Group = serde_wasm_bindgen::from_value(group)?;
    Ok(group.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?)
}

/// Without the Deserializer: the struct is filled by hand, then serialized.
#[cfg(not(feature = "typed-decode"))]
fn group_to_js(group: JsValue) -> Result<JsValue, JsValue> {
    let text = |key: &str| -> Result<String, JsValue> {
        Ok(Reflect::get(&group, &key.into())?
            .as_string()
            .unwrap_or_default())
    };
    let group = Group {
        name: text("name")?,
        uuid: text("uuid")?,
        version: None,
        locations: Vec::new(),
        primary: None,
        delete_protection: None,
    };
    Ok(group.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?)
}
