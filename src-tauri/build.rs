// tauri-build reads tauri.conf.json from the package root (this manifest's directory) and the
// capabilities from src-tauri/capabilities. Every IPC command is declared (from the one list
// in src/command_list.rs) so that the capability file grants exactly the commands the UI
// uses, and nothing else.
macro_rules! command_list {
    ($($module:ident::$name:ident),* $(,)?) => {
        const COMMANDS: &[&str] = &[$(stringify!($name)),*];
    };
}
include!("src/command_list.rs");

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    println!("cargo:rerun-if-changed=src-tauri/src/command_list.rs");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("src-tauri/capabilities/*.json")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("tauri-build failed");
}
