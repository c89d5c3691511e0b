"""Signing in tests: a throwaway certificate made here, and the console script run without a stored password."""

import os
import subprocess
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from helpers import support

SIGNER = "Jana Novák"
PASSWORD = b"correct horse"


def make_p12(folder, password: bytes | None = PASSWORD, key_type: str = "rsa", days: int = 30):
    """A self-signed certificate for SIGNER and its key, in a PKCS#12 file in ``folder``."""
    key = rsa.generate_private_key(65537, 2048) if key_type == "rsa" else ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, SIGNER),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Asia-Pacific desk")])  # fmt: skip
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1) if days > 0 else now - timedelta(days=60))
        .not_valid_after(now + timedelta(days=days))
        .sign(key, hashes.SHA256())
    )  # fmt: skip
    encryption = serialization.BestAvailableEncryption(password) if password else serialization.NoEncryption()
    path = folder / f"{key_type}-{days}.p12"
    path.write_bytes(pkcs12.serialize_key_and_certificates(b"desk", key, cert, None, encryption))
    return path


def run_cli(*args: str, password: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "BRIEFING_APP_SIGN_PASSWORD"}
    if password is not None:
        env["BRIEFING_APP_SIGN_PASSWORD"] = password
    return support.run_cli(*args, env=env, stdin=subprocess.DEVNULL)
