//! The end-to-end rig: a virtual display (when there is none), tauri-driver on free ports,
//! and the real app binary on a fresh data folder, driven through WebDriver.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;

/// One app window at a time: WebKitWebDriver and the data folders are not shared.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

pub struct Rig {
    _turn: MutexGuard<'static, ()>,
    xvfb: Option<Child>,
    driver: Child,
    port: u16,
    data_dir: tempfile::TempDir,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
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

/// Stand-ins for the printer (`lp`) and the PDF viewer (`xdg-open`) that record what they
/// were handed, so tests check the app's side without a printer or a desktop.
fn stub_commands(dir: &Path) -> Result<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin)?;
    let log = dir.join("handed-out.log");
    for name in ["lp", "xdg-open"] {
        let script = bin.join(name);
        std::fs::write(&script, format!("#!/bin/sh\necho \"{name} $*\" >> '{}'\n", log.display()))?;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755))?;
    }
    Ok(bin)
}

impl Rig {
    /// A fresh data folder, a display and a tauri-driver whose app sees `clock` as now.
    pub fn start(clock: &str) -> Result<Rig> {
        let turn = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
        let (xvfb, display) = match std::env::var("DISPLAY") {
            Ok(d) if !d.is_empty() && std::env::var_os("CASEBACK_E2E_OWN_DISPLAY").is_none() => (None, d),
            _ => {
                let (child, display) = start_xvfb()?;
                (Some(child), display)
            }
        };
        let data_dir = tempfile::tempdir()?;
        let clock_file = data_dir.path().join("clock.txt");
        std::fs::write(&clock_file, clock)?;
        let stubs = stub_commands(data_dir.path())?;
        let path = format!("{}:{}", stubs.display(), std::env::var("PATH").unwrap_or_default());
        let (port, native_port) = (free_port(), free_port());
        let driver = Command::new("tauri-driver")
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            .env("DISPLAY", &display)
            .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
            .env("NO_AT_BRIDGE", "1")
            .env("PATH", path)
            .env("CASEBACK_DATA_DIR", data_dir.path().join("shop"))
            .env("CASEBACK_TEST_CLOCK", format!("file:{}", clock_file.display()))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .context("tauri-driver is not installed: run the README's test command (cargo install tauri-driver)")?;
        let rig = Rig { _turn: turn, xvfb, driver, port, data_dir };
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

    /// What the stub printer and PDF viewer were handed, one `command file` a line.
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
                Err(e) if Instant::now() < deadline && e.to_string().contains("active sessions") => {
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
        let _ = self.driver.kill();
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

/// The app's window, found by `data-testid` selectors.
pub struct App {
    pub client: Client,
}

pub fn testid(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

impl App {
    pub async fn wait_for(&self, css: &str) -> Result<Element> {
        self.client
            .wait()
            .at_most(Duration::from_secs(15))
            .for_element(Locator::Css(css))
            .await
            .with_context(|| format!("{css} did not appear"))
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

    /// Replaces an input's text, as a person selecting all and typing would.
    pub async fn type_into(&self, id: &str, text: &str) -> Result<()> {
        let input = self.el(id).await?;
        input.clear().await?;
        input.send_keys(text).await?;
        Ok(())
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

    /// Saves a screenshot under target/e2e-shots for people to look at.
    pub async fn screenshot(&self, name: &str) -> Result<PathBuf> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target").join("e2e-shots");
        std::fs::create_dir_all(&dir)?;
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, self.client.screenshot().await?)?;
        Ok(path)
    }

    /// Closes the window; the app process ends with the session.
    pub async fn close(self) -> Result<()> {
        self.client.close().await?;
        Ok(())
    }
}
