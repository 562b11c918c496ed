//! A throwaway PostgreSQL cluster of a test's own (`scripts/test-postgres` on a free port),
//! for tests that stop a server or need a second one; stopped, its folder removed, when
//! dropped.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A throwaway cluster of this test's own, stopped (and its folder removed) when dropped.
pub struct Cluster {
    dir: PathBuf,
    /// Its `postgres` database, to create the shop's database from.
    admin_url: String,
    pg_ctl: PathBuf,
}

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../scripts/test-postgres")
}

/// A TCP port nothing listens on now (the cluster listens there on 127.0.0.1, and on a Unix
/// socket named by it).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

impl Cluster {
    pub fn start() -> Cluster {
        let out = Command::new(script())
            .env("CASEBACK_TEST_POSTGRES_PORT", free_port().to_string())
            .output()
            .expect("scripts/test-postgres runs");
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(out.status.success(), "scripts/test-postgres: {}\n{text}", String::from_utf8_lossy(&out.stderr));
        let var = |name: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(&format!("export {name}='")))
                .and_then(|v| v.strip_suffix('\''))
                .unwrap_or_else(|| panic!("no {name} in:\n{text}"))
                .to_string()
        };
        let dir = PathBuf::from(var("CASEBACK_TEST_POSTGRES_DIR"));
        // As the script finds them: $PG_BIN, the newest Debian server, or pg_ctl on PATH.
        let bin = std::env::var_os("PG_BIN").map(PathBuf::from).or_else(|| {
            let mut dirs: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path().join("bin"))
                .filter(|p| p.join("pg_ctl").exists())
                .collect();
            dirs.sort_by_key(|p| p.parent().and_then(|v| v.file_name()?.to_str()?.parse::<u32>().ok()).unwrap_or(0));
            dirs.pop()
        });
        let pg_ctl = bin.map_or_else(|| PathBuf::from("pg_ctl"), |b| b.join("pg_ctl"));
        Cluster { dir, admin_url: var("CASEBACK_TEST_POSTGRES"), pg_ctl }
    }

    /// Runs pg_ctl as the cluster's owner (`postgres` when the tests run as root, as the
    /// script does).
    fn pg_ctl(&self, args: &[&str]) {
        let data = self.dir.join("data");
        let log = self.dir.join("log");
        let mut all: Vec<&str> = vec!["-D", data.to_str().unwrap(), "-l", log.to_str().unwrap(), "-w"];
        all.extend_from_slice(args);
        let root = Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0\n"));
        let mut cmd = if root {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&self.pg_ctl);
            c
        } else {
            Command::new(&self.pg_ctl)
        };
        let out = cmd.args(&all).output().expect("pg_ctl runs");
        assert!(
            out.status.success(),
            "pg_ctl {args:?}: {}\n{}",
            String::from_utf8_lossy(&out.stderr),
            std::fs::read_to_string(&log).unwrap_or_default()
        );
    }

    /// The server dies as in a crash: no checkpoint, no goodbye to its clients.
    pub fn crash(&self) {
        self.pg_ctl(&["-m", "immediate", "stop"]);
    }

    /// Started again with the options it was started with (`restart` reads them back from
    /// `postmaster.opts`), waiting until it takes connections.
    pub fn start_again(&self) {
        self.pg_ctl(&["restart"]);
    }

    /// A new database on the cluster and its connection string. The script's cluster runs
    /// with `synchronous_commit=off` for speed, which after a crash loses the last commits it
    /// acknowledged; this database asks for what a real server does (on), so a commit
    /// acknowledged is a commit kept.
    pub fn database(&self, name: &str) -> String {
        let mut admin = self.admin_url.parse::<postgres::Config>().unwrap().connect(postgres::NoTls).unwrap();
        admin.batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
        admin.batch_execute(&format!("ALTER DATABASE {name} SET synchronous_commit = on")).unwrap();
        format!("{} dbname={name}", self.admin_url)
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = Command::new(script()).arg("stop").arg(&self.dir).status();
    }
}
