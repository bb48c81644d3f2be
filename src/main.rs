fn main() {
    // A panic is a bug: log it to the console with its message instead of an opaque trap.
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(ai_footprint::App);
    // Only once the app is in place (the same task, so nothing is painted between): if mounting
    // fails, the static first view stays and the start-up script shows why.
    ai_footprint::browser::remove_first_view();
}
