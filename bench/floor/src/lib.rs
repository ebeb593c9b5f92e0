//! `createGroup(url, token, name)`: a timeout, one `fetch` with the two
//! headers, the body read, and the group returned through serde-wasm-bindgen,
//! with no validation, retries, size cap, strict JSON or typed errors.

use gloo_net::http::Headers;
use js_sys::{Function, Promise, Reflect, JSON};
use serde::{Deserialize, Serialize};
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

#[derive(Serialize, Deserialize)]
struct Group {
    name: String,
    uuid: String,
    version: Option<String>,
    locations: Vec<String>,
    primary: Option<String>,
    delete_protection: Option<bool>,
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
        let quoted_name = String::from(JSON::stringify(&JsValue::from_str(&name))?);
        let body = ["{\"name\":", &quoted_name, ",\"location\":\"lhr\"}"].concat();
        init.set_body(&body.into());
        let response: Response = JsFuture::from(global_fetch(&url, &init))
            .await?
            .dyn_into()?;
        let text = JsFuture::from(response.text()?).await?;
        clear_timeout(&timer);
        let answer = JSON::parse(&text.as_string().unwrap_or_default())?;
        let group = Reflect::get(&answer, &"group".into())?;
        group_to_js(group)
    })
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
