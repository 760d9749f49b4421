"""The loopback server's own certificate authority and server certificate.

A fresh CA is generated once per state folder and reused on later starts (so a demo profile
that trusts ``ca.pem`` keeps trusting it). The leaf certificate is re-issued whenever the
requested host names are not all covered or it is close to expiry. EC P-256 keys: generating
them takes milliseconds, unlike RSA.
"""

from __future__ import annotations

import datetime as _dt
import ipaddress
import os
import ssl
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CA_NAME = "Server-Side Sync Manager Loopback CA"
DEFAULT_HOSTNAMES = ("localhost", "127.0.0.1")
_RENEW_BEFORE = _dt.timedelta(days=30)


@dataclass(frozen=True)
class CertificatePaths:
    ca_path: Path  # the file a client adds to its trust store
    cert_path: Path  # server certificate followed by the CA (the chain IIS would send)
    key_path: Path


def _now() -> _dt.datetime:
    return _dt.datetime.now(_dt.timezone.utc)


def _write_private(path: Path, data: bytes) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


def _write_public(path: Path, data: bytes) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _pem_key(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _san_entries(hostnames: Iterable[str]) -> list[x509.GeneralName]:
    entries: list[x509.GeneralName] = []
    for name in hostnames:
        try:
            entries.append(x509.IPAddress(ipaddress.ip_address(name)))
        except ValueError:
            entries.append(x509.DNSName(name.lower()))
    return entries


def _load_ca(ca_path: Path, ca_key_path: Path):
    try:
        cert = x509.load_pem_x509_certificate(ca_path.read_bytes())
        key = serialization.load_pem_private_key(ca_key_path.read_bytes(), password=None)
    except (OSError, ValueError):
        return None
    if cert.not_valid_after_utc - _RENEW_BEFORE < _now():
        return None
    return cert, key


def _create_ca(ca_path: Path, ca_key_path: Path):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, CA_NAME)])
    now = _now()
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - _dt.timedelta(minutes=5))
        .not_valid_after(now + _dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    _write_private(ca_key_path, _pem_key(key))
    _write_public(ca_path, cert.public_bytes(serialization.Encoding.PEM))
    return cert, key


def _leaf_is_usable(cert_path: Path, key_path: Path, ca_cert, hostnames: list[str]) -> bool:
    try:
        chain = x509.load_pem_x509_certificates(cert_path.read_bytes())
        serialization.load_pem_private_key(key_path.read_bytes(), password=None)
    except (OSError, ValueError):
        return False
    leaf = chain[0]
    if leaf.issuer != ca_cert.subject or leaf.not_valid_after_utc - _RENEW_BEFORE < _now():
        return False
    try:
        leaf.verify_directly_issued_by(ca_cert)
    except Exception:  # noqa: BLE001 - any failure means "issue a new one"
        return False
    san = leaf.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    have = set(san.get_values_for_type(x509.DNSName)) | {str(ip) for ip in san.get_values_for_type(x509.IPAddress)}
    return all(str(entry.value).lower() in have for entry in _san_entries(hostnames))


def _create_leaf(cert_path: Path, key_path: Path, ca_cert, ca_key, hostnames: list[str]) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    now = _now()
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hostnames[0])]))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - _dt.timedelta(minutes=5))
        .not_valid_after(now + _dt.timedelta(days=397))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.SubjectAlternativeName(_san_entries(hostnames)), critical=False)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    pem = cert.public_bytes(serialization.Encoding.PEM) + ca_cert.public_bytes(serialization.Encoding.PEM)
    _write_private(key_path, _pem_key(key))
    _write_public(cert_path, pem)


def ensure_certificates(folder: Path, hostnames: Iterable[str] = ()) -> CertificatePaths:
    """Create (or reuse) the CA and a server certificate covering ``hostnames`` in ``folder``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    names: list[str] = []
    for name in (*DEFAULT_HOSTNAMES, *hostnames):
        if name and name.lower() not in names:
            names.append(name.lower())
    paths = CertificatePaths(folder / "ca.pem", folder / "server.pem", folder / "server.key")
    ca_key_path = folder / "ca.key"
    loaded = _load_ca(paths.ca_path, ca_key_path)
    if loaded is None:
        loaded = _create_ca(paths.ca_path, ca_key_path)
    ca_cert, ca_key = loaded
    if not _leaf_is_usable(paths.cert_path, paths.key_path, ca_cert, names):
        _create_leaf(paths.cert_path, paths.key_path, ca_cert, ca_key, names)
    return paths


def server_context(paths: CertificatePaths) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(paths.cert_path, paths.key_path)
    # HTTP/1.1 only, like IIS for EWS; no ALPN h2.
    context.set_alpn_protocols(["http/1.1"])
    return context
