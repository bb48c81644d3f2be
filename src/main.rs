fn main() {
    // A panic is a bug: log it to the console with its message instead of an opaque trap.
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(ai_footprint::App);
}
