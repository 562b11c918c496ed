// tauri-build reads tauri.conf.json from the package root (this manifest's directory) and the
// capabilities from src-tauri/capabilities. Every IPC command is listed here so that the
// capability file can grant exactly the commands the UI uses, and nothing else.
const COMMANDS: &[&str] = &[
    "app_status",
    "setup_form",
    "setup_shop",
    "demo_open",
    "demo_leave",
    "settings_get",
    "settings_with_preset",
    "settings_save",
    "settings_history",
    "logo_get",
    "logo_set",
    "logo_clear",
    "intake_options",
    "intake_preview",
    "photo_add",
    "photo_get",
    "scan_add",
    "intake_book",
    "tickets_search",
    "today_list",
    "today_quotes",
    "today_release",
    "ticket_find",
    "ticket_get",
    "ticket_move",
    "customers_find",
    "customer_get",
    "quotation_preview",
    "quotations_get",
    "assessment_record",
    "quotation_issue",
    "quotation_answer",
    "mail_open",
    "form_export",
    "form_open",
    "form_print",
    "aftersale_get",
    "repair_complete",
    "collection_notice_issue",
    "payment_record",
    "shipping_preview",
    "shipping_choose",
    "ticket_collect",
    "ticket_dispatch",
];

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("src-tauri/capabilities/*.json")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("tauri-build failed");
}
