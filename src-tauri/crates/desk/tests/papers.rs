//! Save PDF: the form goes where staff chose in the save dialog, private to the account, under
//! the name the Forms panel suggested; a folder that is not there is refused with a sentence,
//! and nothing is written anywhere.

use std::os::unix::fs::PermissionsExt;
use std::sync::Arc;

use caseback_desk::{Desk, PaperFor};
use caseback_domain::papers::FormKind;
use caseback_domain::Code;
use caseback_store::fixture;
use jiff::Timestamp;

fn mode(path: &std::path::Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[test]
fn a_form_is_saved_where_staff_chose_and_a_missing_folder_is_refused() {
    let now: Timestamp = "2026-11-24T02:00:00Z".parse().unwrap();
    let (shop_dir, shop, by) = fixture::temp_shop(now);
    let mut desk = Desk::new(shop, Arc::new(move || now));
    let ticket = desk.book_intake(by, &fixture::walk_in("陳美玲", "Stops at night"), &[]).unwrap();
    let receipt = PaperFor::Ticket(ticket.id, FormKind::IntakeReceipt);

    // The Forms panel suggests the ticket's number and the form's title as the file name.
    let view = serde_json::to_value(desk.ticket(ticket.id).unwrap()).unwrap();
    let offered = view["forms"].as_array().unwrap().iter().find(|f| f["name"] == "receipt").unwrap();
    let suggested = std::path::PathBuf::from(offered["save_as"].as_str().unwrap());
    let name = format!("{} Intake receipt.pdf", ticket.number);
    assert_eq!(suggested.file_name().unwrap().to_str(), Some(name.as_str()), "{offered}");
    assert!(suggested.is_absolute() && suggested.parent().unwrap().is_dir(), "{}", suggested.display());

    let chosen = tempfile::tempdir().unwrap();
    let path = chosen.path().join(&name);
    assert_eq!(desk.save_paper_to(receipt, &path).unwrap(), path);
    let pdf = std::fs::read(&path).unwrap();
    assert!(pdf.starts_with(b"%PDF-") && pdf.trim_ascii_end().ends_with(b"%%EOF"), "a whole PDF");
    let text = std::process::Command::new("pdftotext")
        .args([path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext: run scripts/install-deps");
    assert!(text.status.success(), "pdftotext reads it: {}", String::from_utf8_lossy(&text.stderr));
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains(&ticket.number.to_string()) && text.contains("陳美玲"), "{text}");
    assert_eq!(mode(&path), 0o600, "private to the account, like the shop's data");
    assert!(!shop_dir.path().join("exports").exists(), "nothing is left in the data folder");

    // A file chosen again is replaced (the dialog asked), and a loose one made private.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    desk.save_paper_to(PaperFor::Ticket(ticket.id, FormKind::TicketTag), &path).unwrap();
    assert_ne!(std::fs::read(&path).unwrap(), pdf, "the tag replaced the receipt");
    assert_eq!(mode(&path), 0o600);

    // A folder that is not there is refused with a sentence naming it; nothing is created.
    let missing = chosen.path().join("USB stick").join(&name);
    let refused = desk.save_paper_to(receipt, &missing).unwrap_err();
    assert_eq!((refused.code, refused.fields[0].field.as_str()), (Code::InvalidInput, "path"), "{refused:?}");
    let folder = missing.parent().unwrap().display().to_string();
    assert_eq!(refused.message, format!("There is no folder {folder}: choose a folder that exists."));
    assert!(!missing.parent().unwrap().exists());

    // So are a folder in place of a file, and a path that is not a full one.
    let folder_itself = desk.save_paper_to(receipt, chosen.path()).unwrap_err();
    assert!(folder_itself.message.contains("is a folder"), "{folder_itself:?}");
    let relative = desk.save_paper_to(receipt, std::path::Path::new("receipt.pdf")).unwrap_err();
    assert!(relative.message.starts_with("Give the full path"), "{relative:?}");
    assert_eq!(std::fs::read_dir(chosen.path()).unwrap().count(), 1, "only the one PDF was written");
}
