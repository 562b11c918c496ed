//! The end-to-end rig: a virtual display (when there is none), tauri-driver on free ports,
//! and the real app binary on a fresh data folder, driven through WebDriver.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;

/// One app window at a time: WebKitWebDriver and the data folders are not shared.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

pub struct Rig {
    /// The test's turn; a second computer (`second`) rides on the first one's.
    _turn: Option<MutexGuard<'static, ()>>,
    xvfb: Option<Child>,
    display: String,
    driver: Child,
    port: u16,
    data_dir: tempfile::TempDir,
}

/// The processes whose parent is `pid` (from /proc: each `stat`'s fourth field).
fn children_of(pid: u32) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else { return Vec::new() };
    entries
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|child| {
            std::fs::read_to_string(format!("/proc/{child}/stat")).is_ok_and(|stat| {
                // After the command's name, which is in parentheses and may hold spaces.
                stat.rsplit_once(')').and_then(|(_, rest)| rest.split_whitespace().nth(1)?.parse::<u32>().ok())
                    == Some(pid)
            })
        })
        .filter(|child| *child > 1)
        .collect()
}

/// Two distinct free ports: both are held until both are known, so the system cannot hand
/// out the same one twice (tauri-driver and its WebKitWebDriver on one port never answer).
fn two_free_ports() -> (u16, u16) {
    let bind = || TcpListener::bind("127.0.0.1:0").expect("a free port");
    let (a, b) = (bind(), bind());
    let port = |l: &TcpListener| l.local_addr().expect("a bound port").port();
    (port(&a), port(&b))
}

/// Starts Xvfb on a display it picks itself, and returns that display.
fn start_xvfb() -> Result<(Child, String)> {
    let mut child = Command::new("Xvfb")
        .args(["-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .context("Xvfb is not installed: run the README's test command, which installs it")?;
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("piped")).read_line(&mut line)?;
    let display = line.trim();
    if display.is_empty() {
        bail!("Xvfb did not report a display");
    }
    Ok((child, format!(":{display}")))
}

/// The tests' CUPS scheduler (`scripts/test-cups`, which scripts/test starts): its address and
/// its folder, where every job's file is kept (`spool/d<job>-001`).
pub fn test_cups() -> Result<(String, PathBuf)> {
    let said = "CASEBACK_TEST_CUPS is not set, so the app has no printers: start a scheduler with \
                `eval \"$(scripts/test-cups)\"` (scripts/test does), then run the tests again";
    let server = std::env::var("CASEBACK_TEST_CUPS").ok().filter(|s| !s.is_empty()).context(said)?;
    let dir = std::env::var("CASEBACK_TEST_CUPS_DIR").context(said)?;
    Ok((server, PathBuf::from(dir)))
}

/// A stand-in for the desktop's opener (`xdg-open`: the PDF viewer, links) that records what
/// it was handed, so tests check the app's side without a desktop.
fn stub_commands(dir: &Path) -> Result<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin)?;
    let log = dir.join("handed-out.log");
    // Printing is real: the app prints through the tests' CUPS scheduler (`CUPS_SERVER`).
    let script = bin.join("xdg-open");
    std::fs::write(&script, format!("#!/bin/sh\necho \"xdg-open $*\" >> '{}'\n", log.display()))?;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755))?;
    Ok(bin)
}

impl Rig {
    /// Saves what the display shows under target/e2e-shots, taken by the X server: for the
    /// pages whose WebDriver screenshot never returns (Today's).
    pub fn screenshot_display(&self, name: &str) -> Result<PathBuf> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target").join("e2e-shots");
        std::fs::create_dir_all(&dir)?;
        let path = dir.join(format!("{name}.png"));
        let done = Command::new("import")
            .args(["-display", &self.display, "-window", "root"])
            .arg(&path)
            .status()
            .context("ImageMagick's import takes the display's screenshot: run scripts/install-deps")?;
        anyhow::ensure!(done.success(), "import could not take the screenshot of {}", self.display);
        Ok(path)
    }

    /// A fresh data folder, a display and a tauri-driver whose app sees `clock` as now.
    pub fn start(clock: &str) -> Result<Rig> {
        Rig::start_with(clock, &[])
    }

    /// The same, the desktop in its dark mode (GTK's dark theme, which the window follows).
    pub fn start_in_dark_mode(clock: &str) -> Result<Rig> {
        Rig::start_with(clock, &[("GTK_THEME", "Adwaita:dark")])
    }

    fn start_with(clock: &str, desktop: &[(&str, &str)]) -> Result<Rig> {
        let turn = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
        let (xvfb, display) = match std::env::var("DISPLAY") {
            Ok(d) if !d.is_empty() && std::env::var_os("CASEBACK_E2E_OWN_DISPLAY").is_none() => (None, d),
            _ => {
                let (child, display) = start_xvfb()?;
                (Some(child), display)
            }
        };
        Rig::spawn(Some(turn), xvfb, display, clock, desktop)
    }

    /// A second computer beside this one: its own data folder and app, on the same display
    /// and clock (two app processes that may share one shop through a shared database).
    pub fn second(&self, clock: &str) -> Result<Rig> {
        Rig::spawn(None, None, self.display.clone(), clock, &[])
    }

    fn spawn(
        turn: Option<MutexGuard<'static, ()>>,
        xvfb: Option<Child>,
        display: String,
        clock: &str,
        desktop: &[(&str, &str)],
    ) -> Result<Rig> {
        let data_dir = tempfile::tempdir()?;
        let clock_file = data_dir.path().join("clock.txt");
        std::fs::write(&clock_file, clock)?;
        let stubs = stub_commands(data_dir.path())?;
        let path = format!("{}:{}", stubs.display(), std::env::var("PATH").unwrap_or_default());
        let (port, native_port) = two_free_ports();
        let driver = Command::new("tauri-driver")
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            .env("DISPLAY", &display)
            .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
            .env("NO_AT_BRIDGE", "1")
            .env("PATH", path)
            .env("CASEBACK_DATA_DIR", data_dir.path().join("shop"))
            .env("CASEBACK_TEST_CLOCK", format!("file:{}", clock_file.display()))
            .env("CUPS_SERVER", test_cups()?.0)
            .envs(desktop.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .context("tauri-driver is not installed: run the README's test command (cargo install tauri-driver)")?;
        let rig = Rig { _turn: turn, xvfb, display, driver, port, data_dir };
        rig.wait_for_driver()?;
        Ok(rig)
    }

    fn wait_for_driver(&self) -> Result<()> {
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            if Instant::now() > deadline {
                bail!("tauri-driver did not listen on port {}", self.port);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(())
    }

    /// What the stub PDF viewer and link handler were handed, one `command file` a line.
    pub fn handed_out(&self) -> String {
        std::fs::read_to_string(self.data_dir.path().join("handed-out.log")).unwrap_or_default()
    }

    /// Moves the app's clock: it re-reads the file on every call.
    pub fn set_clock(&self, instant: &str) -> Result<()> {
        std::fs::write(self.data_dir.path().join("clock.txt"), instant)?;
        Ok(())
    }

    pub fn shop_dir(&self) -> PathBuf {
        self.data_dir.path().join("shop")
    }

    /// A folder outside the shop's data, where a test's stand-in dialogs save PDFs.
    pub fn chosen_dir(&self) -> Result<PathBuf> {
        let dir = self.data_dir.path().join("chosen");
        std::fs::create_dir_all(&dir)?;
        Ok(dir)
    }

    /// The test shop every suite starts from (`caseback_store::fixture`), set up at `at` in
    /// the app's data folder; returned for a test to add its records before the app opens
    /// (drop it first: the app takes the folder's lock).
    pub fn test_shop(&self, at: &str) -> Result<(caseback_store::Shop, caseback_domain::staff::StaffId)> {
        Ok(caseback_store::fixture::new_shop(&self.shop_dir(), at.parse()?))
    }

    /// Opens the app: a new WebDriver session starts the binary.
    pub async fn open_app(&self) -> Result<App> {
        let mut caps = serde_json::Map::new();
        // Only tauri:options: newer WebKitGTK fails to match a browserName.
        caps.insert("tauri:options".into(), serde_json::json!({ "application": env!("CARGO_BIN_EXE_caseback") }));
        // A window closed a moment ago may still be ending its session: retry briefly.
        let deadline = Instant::now() + Duration::from_secs(15);
        let client = loop {
            let attempt = ClientBuilder::new(HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{}", self.port))
                .await;
            match attempt {
                Ok(client) => break client,
                // The last test's session still closing, or the driver still coming up under load.
                Err(e)
                    if Instant::now() < deadline
                        && ["active sessions", "did not respond"].iter().any(|m| e.to_string().contains(m)) =>
                {
                    tokio::time::sleep(Duration::from_millis(250)).await
                }
                Err(e) => return Err(e).context("could not start the app through tauri-driver"),
            }
        };
        let app = App { client };
        app.wait_for("[data-testid=root] > *").await?;
        Ok(app)
    }
}

impl Drop for Rig {
    fn drop(&mut self) {
        // The WebKitWebDriver tauri-driver started outlives it unless it is ended too.
        let children = children_of(self.driver.id());
        let _ = self.driver.kill();
        for pid in children {
            let _ = Command::new("kill").args(["-KILL", &pid.to_string()]).status();
        }
        let _ = self.driver.wait();
        if let Some(x) = &mut self.xvfb {
            let _ = x.kill();
            let _ = x.wait();
        }
    }
}

/// Runs an end-to-end test body with a time limit, so a stalled window fails the test
/// instead of hanging the suite.
pub async fn bounded(body: impl std::future::Future<Output = Result<()>>) -> Result<()> {
    tokio::time::timeout(Duration::from_secs(180), body).await.context("the test took over 3 minutes")?
}

/// Where `scripts/install-deps` puts axe-core (under target/, never committed), unless
/// `CASEBACK_AXE_JS` names another copy of `axe.min.js`.
fn axe_path() -> PathBuf {
    match std::env::var_os("CASEBACK_AXE_JS") {
        Some(path) if !path.is_empty() => PathBuf::from(path),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("target/npm/node_modules/axe-core/axe.min.js"),
    }
}

/// axe-core's source, read once for the whole test binary. Missing, it is a failure (the
/// audit is part of the suite), with the command that installs it.
fn axe_source() -> Result<&'static str> {
    static SOURCE: OnceLock<std::result::Result<String, String>> = OnceLock::new();
    let source = SOURCE.get_or_init(|| {
        let path = axe_path();
        std::fs::read_to_string(&path).map_err(|e| {
            format!(
                "axe-core is missing ({}: {e}): run scripts/install-deps, which installs it with npm into target/npm",
                path.display()
            )
        })
    });
    source.as_deref().map_err(|e| anyhow::anyhow!("{e}"))
}

/// Rules that fail the audit whatever impact axe gives them: every part of a page in a
/// landmark, one `main`, and a level-one heading.
const AXE_ALWAYS_FAIL: &[&str] = &["region", "landmark-one-main", "page-has-heading-one"];

/// Runs axe-core on the whole document (WCAG 2.x A and AA and axe's best practices) and
/// hands back the violations that fail the audit, each with its first few elements.
const AXE_RUN: &str = r#"
const done = arguments[arguments.length - 1];
const alwaysFail = arguments[0];
const options = {
  resultTypes: ['violations'],
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
};
window.axe.run(document, options).then((results) => done({
  violations: results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical' || alwaysFail.includes(v.id))
    .map((v) => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, count: v.nodes.length,
      nodes: v.nodes.slice(0, 4).map((n) => ({
        target: n.target.map(String), html: n.html.slice(0, 240), summary: n.failureSummary || '',
      })),
    })),
}), (err) => done({ error: String((err && err.stack) || err) }));
"#;

/// What axe-core found wrong with a page, one violation after another, with where and how
/// to fix it.
#[derive(Debug)]
pub struct Violations(pub String);

impl std::fmt::Display for Violations {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Violations {}

/// How the stand-in file dialogs answer (`App::answer_dialogs`).
pub enum Dialog<'a> {
    /// As if staff pressed Cancel.
    Cancel,
    /// This file or folder.
    Choose(&'a Path),
    /// The file name the app suggested, in this folder.
    SuggestedNameIn(&'a Path),
}

/// The app's window, found by `data-testid` selectors.
pub struct App {
    pub client: Client,
}

pub fn testid(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

impl App {
    pub async fn wait_for(&self, css: &str) -> Result<Element> {
        // Looked for again until it is there: a page being reloaded (after a restore, on
        // leaving the demo) answers a lookup with an error rather than "not yet".
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            match self.client.find(Locator::Css(css)).await {
                Ok(el) => return Ok(el),
                Err(e) if Instant::now() > deadline => return Err(e).with_context(|| format!("{css} did not appear")),
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
    }

    pub async fn el(&self, id: &str) -> Result<Element> {
        self.wait_for(&testid(id)).await
    }

    pub async fn click(&self, id: &str) -> Result<()> {
        // A list drawn again as a search settles can replace the element between finding it
        // and clicking it: find it again, a few times, as a person's second look would.
        let mut last = None;
        for _ in 0..3 {
            let el = self.el(id).await?;
            // Bring it to the middle of the window first, as a person scrolls to a button.
            let scrolled = self
                .client
                .execute("arguments[0].scrollIntoView({block: 'center'});", vec![serde_json::to_value(&el)?])
                .await;
            match scrolled.map_err(anyhow::Error::from).and(Ok(el)) {
                Ok(el) => match el.click().await {
                    Ok(()) => return Ok(()),
                    Err(e) => last = Some(anyhow::Error::from(e)),
                },
                Err(e) => last = Some(e),
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        Err(last.expect("tried").context(format!("click {id}")))
    }

    /// Opens a new return request and fills in what most tests' requests share: a new
    /// customer, the order and product, bought on 2 November 2026 and delivered on the 6th,
    /// returned by choice. The price and anything else are left to the test.
    pub async fn new_return_request(&self, customer: (&str, &str), order: &str, product: &str) -> Result<()> {
        self.click("nav-returns").await?;
        self.click("returns-new").await?;
        self.type_into("input-customer.name", customer.0).await?;
        self.type_into("input-customer.phone", customer.1).await?;
        self.type_into("return-order", order).await?;
        self.type_into("return-product", product).await?;
        self.set_value("return-purchase-date", "2026-11-02").await?;
        self.set_value("return-delivery-date", "2026-11-06").await?;
        self.set_value("return-reason", "change_of_mind").await?;
        Ok(())
    }

    /// Replaces an input's text, as a person selecting all and typing would.
    pub async fn type_into(&self, id: &str, text: &str) -> Result<()> {
        let input = self.el(id).await?;
        // In the middle of the window, where a person would have scrolled it: not under the
        // form's bar at the bottom, which would take the keys.
        self.client
            .execute("arguments[0].scrollIntoView({block: 'center'});", vec![serde_json::to_value(&input)?])
            .await?;
        input.clear().await?;
        input.send_keys(text).await?;
        Ok(())
    }

    /// Chooses the option of the select `id` whose text starts with `label` (as a person
    /// picks a name from a list), and returns its value.
    pub async fn choose(&self, id: &str, label: &str) -> Result<String> {
        let found = self
            .client
            .execute(
                "return [...document.querySelector(arguments[0]).options].find((o) => o.text.startsWith(arguments[1]))?.value ?? null",
                vec![testid(id).into(), label.into()],
            )
            .await?;
        let value = found.as_str().with_context(|| format!("{id} offers nothing starting with {label:?}"))?.to_string();
        self.set_value(id, &value).await?;
        Ok(value)
    }

    /// Sets an input or select the way a person's choice would: the value, then `input`
    /// and `change` events (WebKitWebDriver cannot type into date inputs).
    pub async fn set_value(&self, id: &str, value: &str) -> Result<()> {
        let script = "const el = document.querySelector(arguments[0]); el.value = arguments[1]; \
                      el.dispatchEvent(new Event('input', {bubbles: true})); \
                      el.dispatchEvent(new Event('change', {bubbles: true}));";
        self.client.execute(script, vec![testid(id).into(), value.into()]).await?;
        Ok(())
    }

    pub async fn text(&self, id: &str) -> Result<String> {
        Ok(self.el(id).await?.text().await?)
    }

    pub async fn value(&self, id: &str) -> Result<String> {
        Ok(self.el(id).await?.prop("value").await?.unwrap_or_default())
    }

    /// Waits until the element's text satisfies `ok`, returning it.
    pub async fn wait_text(&self, id: &str, ok: impl Fn(&str) -> bool) -> Result<String> {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let text = self.text(id).await.unwrap_or_default();
            if ok(&text) {
                return Ok(text);
            }
            if Instant::now() > deadline {
                bail!("{id} never showed the expected text; last seen {text:?}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Stands in for the system's file dialogs, which WebDriver cannot drive: until called
    /// again, every save or open dialog (`ui/js/choose.js`) answers at once, as `answer`
    /// says, and what the app asked it with is kept for `dialogs_asked`.
    pub async fn answer_dialogs(&self, answer: Dialog<'_>) -> Result<()> {
        const STAND_IN: &str = r#"
const [path, into, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
import('./js/choose.js').then(({ dialogs }) => {
  window.__casebackDialogs = [];
  const answer = async (options) => {
    window.__casebackDialogs.push(options);
    if (path === null || !into) return path;
    return `${path}/${String(options.defaultPath ?? '').split('/').pop()}`;
  };
  dialogs.save = answer;
  dialogs.open = answer;
  done(true);
}, (err) => done(String(err)));
"#;
        let (path, into) = match answer {
            Dialog::Cancel => (None, false),
            Dialog::Choose(path) => (Some(path), false),
            Dialog::SuggestedNameIn(folder) => (Some(folder), true),
        };
        let path = path.map(|p| p.to_str().context("a UTF-8 path").map(str::to_string)).transpose()?;
        let set = self.client.execute_async(STAND_IN, vec![path.into(), into.into()]).await?;
        if set != serde_json::json!(true) {
            bail!("the file dialogs could not be stood in for: {set}");
        }
        Ok(())
    }

    /// The options of every dialog the app opened since `answer_dialogs`, oldest first.
    pub async fn dialogs_asked(&self) -> Result<Vec<serde_json::Value>> {
        let asked = self.client.execute("return window.__casebackDialogs || [];", vec![]).await?;
        Ok(asked.as_array().cloned().unwrap_or_default())
    }

    /// Waits until the app has opened `n` dialogs since `answer_dialogs`, returning them.
    pub async fn wait_dialogs(&self, n: usize) -> Result<Vec<serde_json::Value>> {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let asked = self.dialogs_asked().await?;
            if asked.len() >= n {
                return Ok(asked);
            }
            if Instant::now() > deadline {
                bail!("the app opened {} file dialog(s), not {n}", asked.len());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Save PDF… on the form `name` (`receipt`), the save dialog answering the file name the
    /// app suggested in `folder`: the saved file's path, as the Forms card shows it.
    pub async fn save_pdf(&self, name: &str, folder: &Path) -> Result<String> {
        self.answer_dialogs(Dialog::SuggestedNameIn(folder)).await?;
        self.click(&format!("form-{name}-export")).await?;
        let asked = self.wait_dialogs(1).await?;
        let suggested = asked[0]["defaultPath"].as_str().context("Save PDF suggests a file")?;
        let file = Path::new(suggested).file_name().context("a file name")?;
        let path = folder.join(file).to_str().context("a UTF-8 path")?.to_string();
        self.wait_text("form-export-path", |t| t == path).await
    }

    /// Saves a screenshot under target/e2e-shots for people to look at.
    pub async fn screenshot(&self, name: &str) -> Result<PathBuf> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target").join("e2e-shots");
        std::fs::create_dir_all(&dir)?;
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, self.client.screenshot().await?)?;
        Ok(path)
    }

    /// Sizes the window as a small counter screen would be (the content follows at once).
    pub async fn resize(&self, width: u32, height: u32) -> Result<()> {
        self.client.set_window_size(width, height).await?;
        Ok(())
    }

    /// Fails when the screen scrolls sideways: the page or the screen's own area wider than
    /// the window, naming the widest elements that stick out.
    pub async fn fits_sideways(&self, screen: &str) -> Result<()> {
        let found = self
            .client
            .execute(
                "const W = document.documentElement.clientWidth, s = document.scrollingElement, m = document.getElementById('screen');
                 const out = [];
                 for (const el of document.querySelectorAll('body *')) {
                   const r = el.getBoundingClientRect();
                   if (r.width > 0 && r.right > W + 1 && getComputedStyle(el).position !== 'fixed')
                     out.push(`${el.dataset.testid || el.className || el.tagName} (right edge at ${Math.round(r.right)} px)`);
                 }
                 // A box of its own that scrolls sideways (a list's table in its card) counts too.
                 let inner = 0;
                 for (const el of document.querySelectorAll('body *')) {
                   const x = getComputedStyle(el).overflowX;
                   if ((x === 'auto' || x === 'scroll') && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
                     inner = Math.max(inner, el.scrollWidth - el.clientWidth);
                     out.push(`${el.dataset.testid || el.className || el.tagName} scrolls by ${el.scrollWidth - el.clientWidth} px`);
                   }
                 }
                 return { page: s.scrollWidth - s.clientWidth, main: Math.max(m ? m.scrollWidth - m.clientWidth : 0, inner), window: W, wide: out.slice(0, 6) };",
                vec![],
            )
            .await?;
        let over = |k: &str| found.get(k).and_then(|v| v.as_i64()).unwrap_or_default();
        if over("page") > 0 || over("main") > 0 {
            bail!(
                "{screen} scrolls sideways at {} px (page by {} px, screen by {} px): {}",
                over("window"),
                over("page"),
                over("main"),
                found["wide"]
            );
        }
        Ok(())
    }

    /// Runs axe-core on the page on show and fails, naming each problem, on every serious or
    /// critical violation, and on any page content outside a landmark or a page without a
    /// main landmark or a level-one heading. `screen` names the page in the message. What
    /// the page got wrong is a [`Violations`] error; axe missing or failing to run is another.
    pub async fn audit(&self, screen: &str) -> Result<()> {
        // Injected once a document: the frame changes screens without loading a new page.
        let loaded = self
            .client
            .execute("return typeof window.axe === 'object' && typeof window.axe.run === 'function';", vec![])
            .await?;
        if loaded != serde_json::json!(true) {
            // The script body is axe's own source: WebDriver evaluates it whatever the CSP says.
            let script = format!("{}\n;return typeof window.axe === 'object';", axe_source()?);
            let loaded = self.client.execute(&script, vec![]).await.context("injecting axe-core")?;
            if loaded != serde_json::json!(true) {
                bail!("axe-core did not load into the window on {screen}: {loaded}");
            }
        }
        // A toast fading in or out is half transparent for its 0.15 s: axe would measure its
        // contrast against the frame behind it (a flake CI met). It is checked once settled.
        self.client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 const t = document.getElementById('toast');
                 const settled = () => !t || ['0', '1'].includes(getComputedStyle(t).opacity);
                 const started = Date.now();
                 (function wait() { settled() || Date.now() - started > 2000 ? done(true) : setTimeout(wait, 20); })();",
                vec![],
            )
            .await
            .context("waiting for the toast to settle")?;
        let found = self
            .client
            .execute_async(AXE_RUN, vec![serde_json::json!(AXE_ALWAYS_FAIL)])
            .await
            .with_context(|| format!("running axe-core on {screen}"))?;
        if let Some(error) = found.get("error") {
            bail!("axe-core failed on {screen}: {}", error.as_str().unwrap_or_default());
        }
        let violations = found.get("violations").and_then(|v| v.as_array()).cloned().unwrap_or_default();
        if violations.is_empty() {
            return Ok(());
        }
        // Each violation, then its first few elements with axe's own account of what fails.
        let mut report = format!("{} accessibility violation(s) on {screen}:", violations.len());
        for v in &violations {
            let s = |key: &str| v.get(key).and_then(|x| x.as_str()).unwrap_or_default().to_string();
            let count = v.get("count").and_then(|x| x.as_u64()).unwrap_or_default();
            report.push_str(&format!(
                "\n- {} ({}): {}; {count} element(s); {}",
                s("id"),
                s("impact"),
                s("help"),
                s("helpUrl")
            ));
            for node in v.get("nodes").and_then(|n| n.as_array()).into_iter().flatten() {
                let target = node.get("target").map(|t| t.to_string()).unwrap_or_default();
                let html = node.get("html").and_then(|x| x.as_str()).unwrap_or_default();
                let summary = node.get("summary").and_then(|x| x.as_str()).unwrap_or_default();
                report.push_str(&format!("\n    at {target}\n       {html}"));
                for line in summary.lines().filter(|l| !l.trim().is_empty()) {
                    report.push_str(&format!("\n       {}", line.trim()));
                }
            }
        }
        Err(Violations(report).into())
    }

    /// Closes the window; the app process ends with the session.
    pub async fn close(self) -> Result<()> {
        self.client.close().await?;
        Ok(())
    }
}
