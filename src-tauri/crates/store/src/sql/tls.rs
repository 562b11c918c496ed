//! How a connection to the shared database is protected: not at all (a server on this
//! computer, or a Unix socket), encrypted (PostgreSQL's `sslmode=require`: the server's own,
//! often self-signed, certificate is taken as it is), or encrypted with the server's
//! certificate checked against the system's certificate authorities and its name
//! (`verify-full`). TLS is rustls: nothing to build against the system's OpenSSL.

use std::sync::Arc;

use postgres::{Client, NoTls};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme};
use serde::{Deserialize, Serialize};
use tokio_postgres_rustls::MakeRustlsConnect;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TlsMode {
    Off,
    #[default]
    Encrypted,
    Verified,
}

impl TlsMode {
    pub const ALL: [TlsMode; 3] = [TlsMode::Off, TlsMode::Encrypted, TlsMode::Verified];

    pub fn key(self) -> &'static str {
        match self {
            TlsMode::Off => "off",
            TlsMode::Encrypted => "encrypted",
            TlsMode::Verified => "verified",
        }
    }

    pub fn from_key(key: &str) -> Option<TlsMode> {
        TlsMode::ALL.into_iter().find(|m| m.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            TlsMode::Off => "Off (the server is on this computer or a trusted cable)",
            TlsMode::Encrypted => "Encrypted",
            TlsMode::Verified => "Encrypted, and the server's certificate checked",
        }
    }

    /// As a connection string's `sslmode` asks (`disable`, `require`, the default `prefer`).
    pub fn of(config: &postgres::Config) -> TlsMode {
        match config.get_ssl_mode() {
            postgres::config::SslMode::Require => TlsMode::Encrypted,
            _ => TlsMode::Off,
        }
    }
}

/// Connects as `mode` says. A Unix socket is never encrypted (PostgreSQL offers no TLS there).
pub(crate) fn connect(config: &postgres::Config, mode: TlsMode) -> Result<Client, postgres::Error> {
    let on_socket = config.get_hosts().iter().all(|h| matches!(h, postgres::config::Host::Unix(_)));
    if mode == TlsMode::Off || on_socket {
        return config.connect(NoTls);
    }
    let mut config = config.clone();
    config.ssl_mode(postgres::config::SslMode::Require);
    let tls = ClientConfig::builder();
    let tls = match mode {
        TlsMode::Verified => {
            let mut roots = RootCertStore::empty();
            for cert in rustls_native_certs::load_native_certs().certs {
                let _ = roots.add(cert);
            }
            tls.with_root_certificates(roots).with_no_client_auth()
        }
        _ => tls.dangerous().with_custom_certificate_verifier(Arc::new(TakenAsItIs)).with_no_client_auth(),
    };
    config.connect(MakeRustlsConnect::new(tls))
}

/// `sslmode=require`: the channel is encrypted, the certificate not checked (a shop's own
/// server usually has a self-signed one). The handshake's signatures are still checked.
#[derive(Debug)]
struct TakenAsItIs;

impl ServerCertVerifier for TakenAsItIs {
    fn verify_server_cert(
        &self,
        _: &CertificateDer<'_>,
        _: &[CertificateDer<'_>],
        _: &ServerName<'_>,
        _: &[u8],
        _: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &provider().signature_verification_algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &provider().signature_verification_algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        provider().signature_verification_algorithms.supported_schemes()
    }
}

fn provider() -> rustls::crypto::CryptoProvider {
    rustls::crypto::ring::default_provider()
}
