"""Signing an exported PDF, and checking a signed one, offline, with pyHanko.

The signature is PAdES B-B: a CMS signature (ETSI.CAdES.detached) over every byte of the PDF but the
signature itself, made with the key and certificate of a PKCS#12 file (.p12/.pfx), added as an
incremental update so the archival PDF/A-3u file underneath stays as it was. Nothing is fetched: no
trusted timestamp (the signing time is the signer's own clock), no revocation check, and the
certificate is not checked against any authority, so :func:`verify_pdf` says whether the file is
*intact* since it was signed, and by whom the certificate says, not whether that certificate deserves
trust.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.brief_file import quiet_loggers
from ..core.files import read_limited
from . import ExportError

SIGNATURE_FIELD = "Signature"
MAX_CERTIFICATE_BYTES = 1024 * 1024
MAX_SIGNED_PDF_BYTES = 1024 * 1024 * 1024
# pyHanko logs an untrusted (e.g. self-signed) certificate as an error with a traceback; the verdict says
# what matters in one line
if TYPE_CHECKING:  # pyHanko itself is loaded only when a PDF is signed or verified
    from pyhanko.sign.signers import SimpleSigner

PYHANKO_LOGGERS = ("pyhanko", "pyhanko_certvalidator")


@dataclass(frozen=True)
class SigningKey:
    """A key and its certificate, read from a PKCS#12 file and ready to sign with."""

    signer: SimpleSigner
    name: str  # who the certificate names, e.g. "Jana Novák"
    path: Path


@dataclass(frozen=True)
class Verdict:
    """What :func:`verify_pdf` found. ``intact``: every signature holds and covers the whole file."""

    path: Path
    signed: bool
    intact: bool
    signer: str = ""
    signed_at: datetime | None = None
    problem: str = ""  # why it is not intact, in a few words

    def line(self) -> str:
        """The verdict as one line for the command line or the window."""
        if not self.signed:
            return f"{self.path} is not signed"
        when = f" on {self.signed_at.astimezone(UTC):%Y-%m-%d %H:%M} UTC" if self.signed_at else ""
        if self.intact:
            return (f"{self.path}: intact, signed by {self.signer}{when} (the certificate itself is not checked "
                    "against any authority)")  # fmt: skip
        return f"{self.path}: ALTERED since it was signed by {self.signer}{when} ({self.problem})"


def _common_name(cert) -> str:
    """The certificate's common name, else its whole subject (asn1crypto certificate)."""
    subject = cert.subject.native
    return str(subject.get("common_name") or cert.subject.human_friendly or "an unnamed signer")


def open_certificate(p12: str | Path, password: bytes) -> SigningKey:
    """The key and certificate in the PKCS#12 file ``p12``; ExportError if the file cannot be read, is not
    PKCS#12, the password is wrong, or it holds no key, no certificate, or an expired one."""
    from asn1crypto import pkcs12 as asn1_pkcs12
    from cryptography.hazmat.primitives.serialization import pkcs12
    from pyhanko.sign import signers

    path = Path(p12)
    data = read_limited(path, MAX_CERTIFICATE_BYTES, "a certificate file (.p12)", ExportError)
    try:
        # a file without a password opens with None, not with an empty one: try both for ""
        tries = [password, None] if password == b"" else [password]
        for attempt in tries:
            try:
                key, cert, _ = pkcs12.load_key_and_certificates(data, attempt)
                break
            except ValueError:
                if attempt is tries[-1]:
                    raise
    except ValueError:
        try:
            asn1_pkcs12.Pfx.load(data).native  # noqa: B018 (parsing the structure is the check)
        except (ValueError, TypeError):
            raise ExportError(f"{path} is not a PKCS#12 certificate file (.p12 or .pfx)") from None
        raise ExportError(f"Wrong password for the certificate file {path}") from None
    if key is None:
        raise ExportError(f"{path} holds no private key to sign with")
    if cert is None:
        raise ExportError(f"{path} holds no certificate to sign with")
    now = datetime.now(UTC)
    if not cert.not_valid_before_utc <= now <= cert.not_valid_after_utc:
        start, end = cert.not_valid_before_utc, cert.not_valid_after_utc
        raise ExportError(f"The certificate in {path} is valid from {start:%Y-%m-%d} to {end:%Y-%m-%d}, not today")
    try:  # read once more by pyHanko, into its own types (the intermediate certificates go along)
        signer = signers.SimpleSigner.load_pkcs12_data(data, [], passphrase=attempt)
    except ValueError as e:
        raise ExportError(f"{path} cannot be used to sign ({str(e)[:120]})") from None
    return SigningKey(signer, _common_name(signer.signing_cert), path)


def sign_with(data: bytes, key: SigningKey) -> bytes:
    """``data`` (a PDF) signed with ``key``: PAdES B-B, as an incremental update."""
    from pyhanko.pdf_utils.generic import TextStringObject
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.metadata.model import VENDOR
    from pyhanko.sign import fields, signers

    class Pdf17Signer(signers.PdfSigner):
        """PDF/A-3 is PDF 1.7: declare PAdES by the ESIC extension to 1.7, as pyHanko does for RSA keys,
        and never PDF 2.0 (pyHanko would for an elliptic-curve key, by ISO 32002)."""

        def register_extensions(self, pdf_out, *, md_algorithm: str) -> None:
            from pyhanko.sign.signers.constants import ESIC_EXTENSION_1

            pdf_out.ensure_output_version(version=(1, 7))
            pdf_out.register_extension(ESIC_EXTENSION_1)

    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data))
        # pyHanko names itself the producer in the XMP and adds itself to /Info's: say the same in both
        info_ref = writer.trailer.raw_get("/Info")
        info_ref.get_object()["/Producer"] = TextStringObject(VENDOR)
        writer.mark_update(info_ref)
        meta = signers.PdfSignatureMetadata(
            field_name=SIGNATURE_FIELD, subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256"
        )
        with quiet_loggers(*PYHANKO_LOGGERS):
            return Pdf17Signer(meta, signer=key.signer).sign_pdf(writer).getvalue()
    except Exception as e:  # pyHanko's own errors, or a key it cannot use
        raise ExportError(f"The PDF could not be signed ({type(e).__name__}: {str(e)[:160]})") from e


def sign_pdf(data: bytes, p12: str | Path, password: bytes) -> bytes:
    """``data`` (a PDF) signed with the key and certificate in ``p12`` (see :func:`open_certificate`)."""
    return sign_with(data, open_certificate(p12, password))


def verify_pdf(path: str | Path) -> Verdict:
    """Whether the PDF at ``path`` is signed and, if so, unchanged since: every signature's digest matches
    and its signature value holds for its certificate, and the last one covers the whole file."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    path = Path(path)
    data = read_limited(path, MAX_SIGNED_PDF_BYTES, "a PDF", ExportError)
    try:
        signatures = PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures
    except Exception as e:
        raise ExportError(f"{path} cannot be read as a PDF ({type(e).__name__}: {str(e)[:120]})") from None
    if not signatures:
        return Verdict(path, signed=False, intact=False)
    # offline, and no authority trusted: nothing is looked up, the system's roots included (see the docstring)
    context = ValidationContext(trust_roots=[], allow_fetching=False)
    signer, signed_at, problem = "", None, ""
    for n, sig in enumerate(signatures):
        last = n == len(signatures) - 1
        try:
            with quiet_loggers(*PYHANKO_LOGGERS):
                status = validate_pdf_signature(sig, context, skip_diff=True)
            signer = _common_name(status.signing_cert)
            signed_at = sig.self_reported_timestamp
        except Exception as e:  # a signature so damaged that it cannot be checked at all
            problem = problem or f"a signature cannot be checked: {type(e).__name__}"
            continue
        if not status.intact:
            problem = problem or "the signed bytes have changed"
        elif not status.valid:
            problem = problem or "the signature does not match its certificate"
        elif last and status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
            problem = problem or "the file was changed after it was signed"
    return Verdict(path, signed=True, intact=not problem, signer=signer or "an unknown signer",
                   signed_at=signed_at, problem=problem)  # fmt: skip
