//! Failures on purpose, for the tests of [`super::guard`] only: this module
//! exists in builds with the `panic-probe` feature, which the published
//! package never has. A call whose URL or answer holds
//! `probe-<place>-<kind>` fails in that way at that place.

/// Fails as `text` asks for `place`, if it does.
#[allow(clippy::panic)]
pub fn at(place: &str, text: &str) {
    let marker = format!("probe-{place}-");
    let Some((_, asked)) = text.split_once(&marker) else {
        return;
    };
    let kind = asked.split(|c: char| !c.is_ascii_alphanumeric()).next();
    match kind {
        Some("panic") => panic!("a deliberate panic {place}"),
        Some("abort") => std::process::abort(),
        // What an allocation that fails does.
        Some("oom") => std::alloc::handle_alloc_error(std::alloc::Layout::new::<[u8; 1024]>()),
        Some("unreachable") => core::arch::wasm32::unreachable(),
        _ => {}
    }
}
