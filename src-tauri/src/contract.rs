//! The contracts between the shell and the window, checked against their one source: every
//! command in `command_list.rs` is granted by the capability file and called by
//! `ui/js/ipc.js` (and nothing else is), the only plugin permissions are the system's open and
//! save dialogs, called from `ui/js/choose.js` alone, and `ui/js/codes.js` holds exactly the
//! refusal codes of `caseback_domain::Code`. Run with `CASEBACK_WRITE_CODES=1` to rewrite
//! codes.js.

use std::collections::BTreeSet;
use std::path::Path;

use caseback_domain::Code;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn commands() -> BTreeSet<String> {
    crate::COMMANDS.iter().map(|c| c.to_string()).collect()
}

#[test]
fn the_capability_file_grants_exactly_the_commands() {
    let caps: serde_json::Value = serde_json::from_str(&read("src-tauri/capabilities/main.json")).unwrap();
    let granted: BTreeSet<String> = caps["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str()?.strip_prefix("allow-"))
        .map(|p| p.replace('-', "_"))
        .collect();
    assert_eq!(granted, commands(), "src-tauri/capabilities/main.json vs src-tauri/src/command_list.rs");
}

/// The plugins' permissions the window holds: the system's file dialogs, which only hand back
/// a path staff chose (message, ask and confirm are not granted), and listening to the app's
/// own events (another computer's change to a shared shop; the window emits none).
const PLUGIN_PERMISSIONS: &[&str] =
    &["core:event:allow-listen", "core:event:allow-unlisten", "dialog:allow-open", "dialog:allow-save"];

#[test]
fn the_capability_file_grants_no_plugin_permission_but_the_file_dialogs() {
    let caps: serde_json::Value = serde_json::from_str(&read("src-tauri/capabilities/main.json")).unwrap();
    let mut plugins = BTreeSet::new();
    for p in caps["permissions"].as_array().unwrap() {
        // A scoped permission is an object: none is granted.
        let p = p.as_str().unwrap_or_else(|| panic!("src-tauri/capabilities/main.json: {p} is not a plain permission"));
        if !p.starts_with("allow-") {
            plugins.insert(p);
        }
    }
    assert_eq!(plugins, PLUGIN_PERMISSIONS.iter().copied().collect(), "src-tauri/capabilities/main.json");
}

/// Every script of the window, with its path relative to `ui/js`.
fn scripts() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for dir in ["", "screens"] {
        for entry in std::fs::read_dir(root().join("ui/js").join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "js") {
                let name = Path::new(dir).join(path.file_name().unwrap()).display().to_string();
                out.push((name, std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    out
}

#[test]
fn only_ipc_js_and_choose_js_reach_tauri() {
    for (name, text) in scripts() {
        let (may, may_not): (bool, &[&str]) = match name.as_str() {
            "ipc.js" => (true, &[".dialog", "plugin:"]),
            "choose.js" => (true, &[".core", "invoke", "plugin:"]),
            _ => (false, &[]),
        };
        assert!(
            may || !text.contains("__TAURI"),
            "ui/js/{name} reaches Tauri: commands go through ipc.js, dialogs through choose.js"
        );
        for word in may_not {
            assert!(
                !text.contains(word),
                "ui/js/{name} names {word}: commands go through ipc.js, dialogs through choose.js"
            );
        }
    }
}

/// The dialog plugin replaces `alert` and `confirm` with its message dialogs, which are not
/// granted: a `confirm()` would answer a Promise (truthy) without asking anyone.
#[test]
fn no_script_calls_alert_confirm_or_prompt() {
    for (name, text) in scripts() {
        for call in ["alert(", "confirm(", "prompt("] {
            for (at, _) in text.match_indices(call) {
                let before = text[..at].chars().next_back().unwrap_or(' ');
                let own_name = before.is_alphanumeric() || before == '_' || before == '$';
                let method = before == '.' && !text[..at].ends_with("window.");
                assert!(own_name || method, "ui/js/{name} calls {call}): build the question into the page instead");
            }
        }
    }
}

#[test]
fn ipc_js_calls_exactly_the_commands() {
    let js = read("ui/js/ipc.js");
    let called: BTreeSet<String> = js
        .split("call(")
        .chain(js.split("callWithBytes("))
        .skip(1)
        .filter_map(|rest| rest.strip_prefix('\'')?.split('\'').next().map(str::to_string))
        .filter(|c| !c.is_empty() && c.chars().all(|ch| ch.is_ascii_lowercase() || ch == '_'))
        .collect();
    assert_eq!(called, commands(), "ui/js/ipc.js vs src-tauri/src/command_list.rs");
}

/// codes.js as it must read.
fn codes_js() -> String {
    let mut out = String::from(
        "// Every code the app refuses with, from caseback_domain::Code (src-tauri/crates/domain/src/code.rs).\n\
         // Checked by `cargo test` (src-tauri/src/contract.rs); CASEBACK_WRITE_CODES=1 rewrites it.\n\
         export const Code = Object.freeze({\n",
    );
    for code in Code::ALL {
        let name = format!("{code:?}");
        out.push_str(&format!("  {name}: '{}',\n", code.as_str()));
    }
    out.push_str("});\n");
    out
}

#[test]
fn codes_js_holds_exactly_the_domain_codes() {
    let expected = codes_js();
    if std::env::var_os("CASEBACK_WRITE_CODES").is_some() {
        std::fs::write(root().join("ui/js/codes.js"), &expected).unwrap();
    }
    assert_eq!(
        read("ui/js/codes.js"),
        expected,
        "run the test with CASEBACK_WRITE_CODES=1 to regenerate ui/js/codes.js"
    );
}

#[test]
fn no_script_compares_a_code_with_a_string_of_its_own() {
    for entry in
        std::fs::read_dir(root().join("ui/js")).unwrap().chain(std::fs::read_dir(root().join("ui/js/screens")).unwrap())
    {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "js") || path.ends_with("codes.js") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for code in Code::ALL {
            let literal = format!("'{}'", code.as_str());
            assert!(!text.contains(&literal), "{} names {literal}: use Code.{code:?} from codes.js", path.display());
        }
    }
}
