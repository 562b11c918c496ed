//! Caseback's Tauri shell: the window, the app state and thin IPC commands over the desk
//! (`caseback_desk`), which the CLI uses too.

mod arg;
mod backups;
mod clock;
mod commands;
#[cfg(test)]
mod contract;
mod live;
mod postman;
mod state;

use std::path::PathBuf;

use caseback_desk::Clock;
use caseback_store::DataFolder;

pub use clock::from_env as clock_from_env;

/// Makes the command list's two halves: every command's name, and the invoke handler.
macro_rules! command_list {
    ($($module:ident::$name:ident),* $(,)?) => {
        /// Every IPC command's name, as the UI invokes it (`ticket_get`).
        pub const COMMANDS: &[&str] = &[$(stringify!($name)),*];

        fn handler<R: tauri::Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$(commands::$module::$name),*]
        }
    };
}
include!("command_list.rs");

pub fn run() {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()))
        .with_writer(std::io::stderr)
        .init();
    let root = DataFolder::default_root();
    tracing::info!("data folder {}", root.display());
    app(tauri::Builder::default(), root, clock::from_env())
        .setup(|app| {
            backups::keep_daily(app.handle().clone());
            live::connect_in_background(app.handle().clone());
            use tauri::Manager;
            app.manage(postman::start(app.handle().clone()));
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("Caseback could not start its window");
}

/// The app's state and commands on any Tauri runtime: the real window's, or the mock one
/// the command-layer tests drive. The dialog plugin is the system's file dialogs, where
/// staff choose where a PDF, a backup or an export goes (the capability grants only its
/// open and save).
pub fn app<R: tauri::Runtime>(builder: tauri::Builder<R>, root: PathBuf, clock: Clock) -> tauri::Builder<R> {
    builder.plugin(tauri_plugin_dialog::init()).manage(state::AppState::open(root, clock)).invoke_handler(handler())
}
