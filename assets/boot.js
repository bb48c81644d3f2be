// Starts the app from a file rather than an inline script, so the page's Content-Security-Policy
// can forbid inline scripts. Trunk passes the hashed file names in this module's URL
// (see `pattern_script` in Trunk.toml).
const here = new URL(import.meta.url);
const js = new URL(here.searchParams.get("js"), here);
const wasm = new URL(here.searchParams.get("wasm"), here);
const { default: init } = await import(js.href);
await init({ module_or_path: wasm.href });
