//! Caseback's Tauri shell: the window, the app state and thin IPC commands over the
//! domain and store crates.

mod arg;
mod backups;
mod clock;
mod commands;
mod error;
mod state;

use std::path::PathBuf;

use caseback_store::DataFolder;

pub use clock::Clock;

pub fn run() {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()))
        .with_writer(std::io::stderr)
        .init();
    let root = DataFolder::default_root();
    tracing::info!("data folder {}", root.display());
    app(tauri::Builder::default(), root, Clock::from_env())
        .setup(|app| {
            backups::keep_daily(app.handle().clone());
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("Caseback could not start its window");
}

/// The app's state and commands on any Tauri runtime: the real window's, or the mock one
/// the command-layer tests drive.
pub fn app<R: tauri::Runtime>(builder: tauri::Builder<R>, root: PathBuf, clock: Clock) -> tauri::Builder<R> {
    builder.manage(state::AppState::open(root, clock)).invoke_handler(tauri::generate_handler![
        commands::app::app_status,
        commands::app::setup_form,
        commands::app::setup_shop,
        commands::app::demo_open,
        commands::app::demo_leave,
        commands::settings::settings_get,
        commands::settings::settings_with_preset,
        commands::settings::settings_save,
        commands::settings::settings_history,
        commands::settings::logo_get,
        commands::settings::logo_set,
        commands::settings::logo_clear,
        commands::tickets::intake_options,
        commands::tickets::intake_preview,
        commands::tickets::photo_add,
        commands::tickets::photo_get,
        commands::tickets::scan_add,
        commands::tickets::intake_book,
        commands::tickets::tickets_search,
        commands::today::today_list,
        commands::today::today_quotes,
        commands::today::today_release,
        commands::today::today_returns,
        commands::tickets::ticket_find,
        commands::tickets::ticket_get,
        commands::tickets::ticket_move,
        commands::tickets::customers_find,
        commands::tickets::customer_get,
        commands::quotations::quotation_preview,
        commands::quotations::quotations_get,
        commands::quotations::assessment_record,
        commands::quotations::quotation_issue,
        commands::quotations::quotation_answer,
        commands::quotations::mail_open,
        commands::forms::form_export,
        commands::forms::form_open,
        commands::forms::form_print,
        commands::release::aftersale_get,
        commands::release::repair_complete,
        commands::release::collection_notice_issue,
        commands::release::payment_record,
        commands::release::shipping_preview,
        commands::release::shipping_choose,
        commands::release::ticket_collect,
        commands::release::ticket_dispatch,
        commands::returns::return_options,
        commands::returns::return_preview,
        commands::returns::return_get,
        commands::returns::return_find,
        commands::returns::evidence_add,
        commands::returns::return_request,
        commands::returns::return_media_add,
        commands::returns::return_authorize,
        commands::returns::return_close,
        commands::returns::return_extend,
        commands::returns::package_receive,
        commands::returns::return_accept_held,
        commands::returns::return_settle_preview,
        commands::returns::return_decide,
        commands::returns::return_refund,
        commands::returns::return_exchange_fee,
        commands::returns::return_link_package,
        commands::returns::return_ship_out,
        commands::returns::returns_search,
        commands::data::data_overview,
        commands::data::backup_now,
        commands::data::backup_inspect,
        commands::data::backup_restore,
        commands::data::data_export,
        commands::forms::return_form_export,
        commands::forms::return_form_open,
        commands::forms::return_form_print,
    ])
}
