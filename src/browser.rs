//! Thin wrappers around the browser APIs the app uses. Every failure comes back as a message
//! for the user; nothing here panics.
//!
//! Not gloo's sub-crates, measured against these: `gloo-file`'s `read_as_text` (FileReader
//! callbacks) adds 1.8 KB of gzip to the download over `Blob.text()` here, and `gloo-storage`
//! reaches local storage through `expect_throw`, which throws where storage is blocked (a
//! sandboxed iframe, some private modes) instead of returning the message this module gives.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn window() -> Result<web_sys::Window, String> {
    web_sys::window().ok_or_else(|| "no browser window".to_owned())
}

fn js_error(e: JsValue) -> String {
    e.as_string()
        .or_else(|| js_sys::Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string()))
        .unwrap_or_else(|| "the browser refused".to_owned())
}

fn local_storage() -> Result<web_sys::Storage, String> {
    window()?
        .local_storage()
        .map_err(js_error)?
        .ok_or_else(|| "local storage is turned off".to_owned())
}

/// The browser's local storage, shared by every tab of the origin. Each call reaches the
/// storage afresh, so a store that is turned off answers every call with the reason.
#[derive(Debug, Clone, Copy, Default)]
pub struct LocalStore;

impl crate::storage::Store for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, String> {
        local_storage()?.get_item(key).map_err(js_error)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        local_storage()?.set_item(key, value).map_err(js_error)
    }

    fn remove(&self, key: &str) -> Result<(), String> {
        local_storage()?.remove_item(key).map_err(js_error)
    }

    fn keys(&self) -> Result<Vec<String>, String> {
        let storage = local_storage()?;
        let n = storage.length().map_err(js_error)?;
        Ok((0..n).filter_map(|i| storage.key(i).ok().flatten()).collect())
    }
}

/// Reads this tab's own entry (session storage: it survives a reload, not a closed tab).
pub fn session_get(key: &str) -> Option<String> {
    window().ok()?.session_storage().ok()??.get_item(key).ok()?
}

/// Writes this tab's own entry; a refusal only costs what a reload reopens.
pub fn session_set(key: &str, value: &str) {
    if let Some(storage) = window().ok().and_then(|w| w.session_storage().ok().flatten()) {
        let _ = storage.set_item(key, value);
    }
}

/// Milliseconds since 1970, by the browser's clock.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A file name made of the portfolio's name and today's date.
pub fn dated_file_name(name: &str, extension: &str) -> String {
    let safe: String = name
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '-' { c } else { '-' })
        .collect::<String>()
        .trim_matches('-')
        .to_owned();
    let safe = if safe.is_empty() { "portfolio".to_owned() } else { safe };
    format!("{safe}-{}.{extension}", today_iso())
}

/// Offers `text` as a file download named `filename`.
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(js_error)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(js_error)?;
    let document = window()?.document().ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(js_error)?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    web_sys::Url::revoke_object_url(&url).map_err(js_error)
}

/// Reads a file the user picked, as bytes (decoded by the engine, as the command line does).
pub async fn read_file(file: web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(js_error)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Whether the page is a secure context (https, a file, or this machine's own address): the
/// clipboard and service workers need one.
pub fn is_secure_context() -> bool {
    window().is_ok_and(|w| w.is_secure_context())
}

/// The clipboard, where the page may use it: not on a plain-`http` address other than this
/// machine's (no secure context), where `navigator.clipboard` is undefined.
fn clipboard() -> Result<web_sys::Clipboard, String> {
    let navigator = window()?.navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).map_err(js_error)?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return Err("no clipboard on a page that is not a secure context".to_owned());
    }
    Ok(clipboard.unchecked_into())
}

/// Copies text to the clipboard (the browser may refuse).
pub async fn copy_text(text: &str) -> Result<(), String> {
    JsFuture::from(clipboard()?.write_text(text)).await.map(|_| ()).map_err(js_error)
}

/// A copy begun during a click, for text still being made (a share link is compressed
/// first). Safari refuses a clipboard write that comes after an await, so the write starts in
/// the click with a promise of the text, and `finish` keeps the promise.
pub struct Copying {
    /// The write under way, or `None` where the browser cannot write a promised item (it then
    /// writes the text when it is ready).
    started: Option<JsValue>,
}

impl Copying {
    /// Starts the write; call it in the click handler, before any await.
    pub fn start() -> Self {
        Self { started: clipboard_js::start_copy().ok().filter(|c| !c.is_null()) }
    }

    /// Copies `text`: the promise of the click fulfilled, or the text written now.
    pub async fn finish(mut self, text: &str) -> Result<(), String> {
        let Some(copy) = self.started.take() else { return copy_text(text).await };
        match clipboard_js::finish_copy(&copy, text).await {
            Ok(_) => Ok(()),
            // Refused late (a browser that wants the text at once): written plainly instead.
            Err(_) => copy_text(text).await,
        }
    }
}

impl Drop for Copying {
    /// A copy never finished (the text could not be made) is withdrawn, not left pending.
    fn drop(&mut self) {
        if let Some(copy) = self.started.take() {
            let _ = clipboard_js::drop_copy(&copy);
        }
    }
}

mod clipboard_js {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(inline_js = r#"
export function startCopy() {
  if (!globalThis.isSecureContext || !navigator.clipboard || !globalThis.ClipboardItem) return null;
  let give;
  const text = new Promise((resolve, reject) => { give = { resolve, reject }; });
  const written = navigator.clipboard.write([new ClipboardItem({ "text/plain": text })]);
  written.catch(() => {});
  return { give, written };
}
export function finishCopy(copy, text) {
  copy.give.resolve(new Blob([text], { type: "text/plain" }));
  return copy.written;
}
export function dropCopy(copy) {
  copy.give.reject(new Error("nothing to copy"));
}
"#)]
    extern "C" {
        #[wasm_bindgen(catch, js_name = startCopy)]
        pub fn start_copy() -> Result<JsValue, JsValue>;
        #[wasm_bindgen(catch, js_name = finishCopy)]
        pub async fn finish_copy(copy: &JsValue, text: &str) -> Result<JsValue, JsValue>;
        // `catch`, as the others: a function wasm-bindgen could hand to the wasm directly is
        // imported as a whole module, which the offline file cannot inline.
        #[wasm_bindgen(catch, js_name = dropCopy)]
        pub fn drop_copy(copy: &JsValue) -> Result<(), JsValue>;
    }
}

/// The page's fragment, with its `#`.
pub fn location_hash() -> String {
    window().ok().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// The page's address without its fragment. From the whole address rather than its origin:
/// a page opened from a file has the origin "null" in Firefox.
pub fn address_without_hash() -> String {
    let Ok(w) = window() else { return String::new() };
    let href = w.location().href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_owned()
}

/// Whether the page was opened from a file (the offline copy), not served.
pub fn is_file_page() -> bool {
    window().ok().and_then(|w| w.location().protocol().ok()).is_some_and(|p| p == "file:")
}

/// Removes the fragment from the address bar without reloading, so a reload does not open the
/// shared portfolio a second time.
pub fn clear_hash() {
    if let Ok(w) = window() {
        if let Ok(history) = w.history() {
            let _ =
                history.replace_state_with_url(&JsValue::NULL, "", Some(&address_without_hash()));
        }
    }
}

/// The browser's preferred languages, most preferred first.
pub fn languages() -> Vec<String> {
    let Ok(w) = window() else { return Vec::new() };
    w.navigator().languages().iter().filter_map(|l| l.as_string()).collect()
}

/// Sets an attribute on the `<html>` element (`lang`, `data-theme`).
pub fn set_root_attribute(name: &str, value: &str) {
    let root = window().ok().and_then(|w| w.document()).and_then(|d| d.document_element());
    if let Some(root) = root {
        let _ = root.set_attribute(name, value);
    }
}

/// Whether the browser's preferred locale writes a decimal comma (de, fr, es, …), as `Intl`
/// formats 1.5 there; asked once.
pub fn decimal_comma_locale() -> bool {
    thread_local! {
        static COMMA: bool = {
            let locales = js_sys::Array::of1(&JsValue::from_str(
                languages().first().map_or("en", String::as_str),
            ));
            let format = js_sys::Intl::NumberFormat::new(&locales, &js_sys::Object::new());
            format.format().call1(&JsValue::NULL, &JsValue::from_f64(1.5)).ok()
                .and_then(|text| text.as_string())
                .is_some_and(|text| text.contains(','))
        };
    }
    COMMA.with(|comma| *comma)
}

/// Whether keyboard focus is in a field whose own value a key would change (a text box, a
/// list, a slider): there Ctrl+Z belongs to the field, not to the page's undo.
pub fn typing_in_a_field() -> bool {
    let focused = window().ok().and_then(|w| w.document()).and_then(|d| d.active_element());
    focused.is_some_and(|e| match e.tag_name().as_str() {
        "TEXTAREA" | "SELECT" => true,
        "INPUT" => !matches!(
            e.get_attribute("type").as_deref(),
            Some("checkbox" | "radio" | "button" | "file")
        ),
        _ => e.get_attribute("contenteditable").is_some_and(|v| v != "false"),
    })
}

/// A country's or territory's name in `language` (a BCP 47 tag), from the browser's own
/// `Intl.DisplayNames`; `None` where it has none, or `code` is not a two-letter region code.
pub fn region_name(code: &str, language: &str) -> Option<String> {
    thread_local! {
        static NAMES: std::cell::RefCell<Option<(String, js_sys::Intl::DisplayNames)>> =
            const { std::cell::RefCell::new(None) };
    }
    // Only a well-formed code: `of` throws on anything else; and only where the browser has
    // `Intl.DisplayNames` (its constructor would throw through the wasm).
    if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let intl = js_sys::Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    if !js_sys::Reflect::has(&intl, &"DisplayNames".into()).unwrap_or(false) {
        return None;
    }
    NAMES.with_borrow_mut(|names| {
        if names.as_ref().is_none_or(|(lang, _)| lang != language) {
            let options = js_sys::Object::new();
            js_sys::Reflect::set(&options, &"type".into(), &"region".into()).ok()?;
            js_sys::Reflect::set(&options, &"fallback".into(), &"none".into()).ok()?;
            let locales = js_sys::Array::of1(&JsValue::from_str(language));
            *names =
                Some((language.to_owned(), js_sys::Intl::DisplayNames::new(&locales, &options)));
        }
        names.as_ref()?.1.of(code).map(String::from)
    })
}

/// Removes index.html's static first view (shown while the app downloads).
pub fn remove_first_view() {
    let view =
        window().ok().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("first-view"));
    if let Some(view) = view {
        view.remove();
    }
}

/// 53 random bits, for new portfolio ids: `Math.random` needs no secure context, and an id
/// only has to differ from the handful of portfolios a person keeps.
pub fn random_bits() -> u64 {
    // Mixed with the clock, so that two tabs opened in the same instant still differ.
    let random = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64;
    random ^ (js_sys::Date::now() as u64).rotate_left(29)
}

/// JSON indented for people to read, by the browser's own `JSON.stringify` (a second Rust
/// serialiser would cost the download); the text as it is if the browser cannot.
pub fn indented_json(json: &str) -> String {
    js_sys::JSON::parse(json)
        .and_then(|value| {
            js_sys::JSON::stringify_with_replacer_and_space(
                &value,
                &JsValue::NULL,
                &JsValue::from(2),
            )
        })
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| json.to_owned())
}

/// Today's date, ISO 8601 (for file names).
pub fn today_iso() -> String {
    let now = js_sys::Date::new_0();
    let iso: String = now.to_iso_string().into();
    iso.chars().take(10).collect()
}

/// A moment (ms since 1970) as the user's locale writes a date and time.
pub fn local_date_time(ms: f64, locale: &str) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(ms));
    date.to_locale_string(locale, &JsValue::UNDEFINED).into()
}

/// Moves keyboard focus to the element `selector` finds, once the change that draws it is on
/// screen (the next animation frame).
pub fn focus_after_render(selector: String) {
    let Ok(w) = window() else { return };
    let focus = wasm_bindgen::closure::Closure::once_into_js(move || {
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(&selector).ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    });
    let _ = w.request_animation_frame(focus.unchecked_ref());
}

/// Whether `text` contains `needle`, ignoring case, by the browser's own Unicode tables and
/// search (Rust's would add 5 KB to the download).
pub fn contains_ignoring_case(text: &str, needle: &str) -> bool {
    let needle = String::from(js_sys::JsString::from(needle).to_lower_case());
    js_sys::JsString::from(text).to_lower_case().includes(&needle, 0)
}

/// Whether the service worker (started by `assets/boot.js`) has a new version waiting.
pub fn update_waiting() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("aiFootprintUpdateReady"))
        .is_ok_and(|v| v.is_truthy())
}

/// The event `assets/boot.js` sends when a new version is ready.
pub const UPDATE_READY_EVENT: &str = "ai-footprint:update-ready";

/// Asks `assets/boot.js` to let the waiting version take over; the page reloads once it has.
pub fn take_update() {
    if let (Ok(w), Ok(event)) = (window(), web_sys::Event::new("ai-footprint:update-now")) {
        let _ = w.dispatch_event(&event);
    }
}
