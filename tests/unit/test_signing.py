"""Signing an exported PDF and checking it, offline: a throwaway certificate made here, a PAdES signature that
keeps the file PDF/A-3u, verify saying intact and who signed, one altered byte caught, and clear refusals
(wrong password, not a certificate, no password, expired)."""

from datetime import UTC, datetime, timedelta

import pytest

from briefing_app.core.brief_file import load_brief
from briefing_app.export import ExportError, render_pdf
from briefing_app.export.signing import open_certificate, sign_pdf, verify_pdf

from helpers.pdf_helpers import reader
from helpers.pdfa import pdfa_failures, xmp, xmp_value
from helpers.sample_brief import sample_brief
from helpers.signing import PASSWORD, SIGNER, make_p12, run_cli


def test_a_signed_pdf_verifies_intact_names_its_signer_and_stays_pdfa(signed):
    brief, out = signed
    verdict = verify_pdf(out)
    assert (verdict.signed, verdict.intact, verdict.signer) == (True, True, SIGNER)
    assert abs(verdict.signed_at - datetime.now(UTC)) < timedelta(minutes=5)
    data = out.read_bytes()
    assert pdfa_failures(data) == []  # the signature is an incremental update of the archival file
    sig = reader(data).trailer["/Root"]["/AcroForm"]["/Fields"][0].get_object()["/V"].get_object()
    assert sig["/SubFilter"] == "/ETSI.CAdES.detached"  # PAdES
    byte_range = list(sig["/ByteRange"])
    assert byte_range[0] == 0 and byte_range[2] + byte_range[3] == len(data)  # the whole file but the signature
    assert load_brief(out)[0] == brief  # it still reopens as its brief


def test_signing_keeps_the_metadata_in_step_and_the_file_pdf_17(signed, tmp_path):
    _, out = signed
    data = out.read_bytes()
    info = reader(data).metadata
    assert xmp_value(xmp(data), "pdf:Producer") == info.producer  # pyHanko names itself in both places
    assert datetime.fromisoformat(xmp_value(xmp(data), "xmp:ModifyDate")) == info.modification_date
    assert "/Version" not in reader(data).trailer["/Root"]
    # an elliptic-curve key would make pyHanko declare PDF 2.0 (ISO 32002); PDF/A-3 is PDF 1.7
    ec_p12 = make_p12(tmp_path, key_type="ec")
    ec_signed = sign_pdf(render_pdf(sample_brief())[0], ec_p12, PASSWORD)
    assert "/Version" not in reader(ec_signed).trailer["/Root"] and pdfa_failures(ec_signed) == []
    (tmp_path / "ec.pdf").write_bytes(ec_signed)
    assert verify_pdf(tmp_path / "ec.pdf").intact


def test_one_byte_altered_inside_the_signed_range_is_detected(signed, tmp_path):
    _, out = signed
    data = out.read_bytes()
    sig = reader(data).trailer["/Root"]["/AcroForm"]["/Fields"][0].get_object()["/V"].get_object()
    signed_end = sig["/ByteRange"][1]
    at = data.index(b"North Korean troops in Russia")  # the title, in the first revision
    assert at < signed_end
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(data[:at] + b"S" + data[at + 1 :])  # "South Korean troops"
    verdict = verify_pdf(tampered)
    assert verdict.signed and not verdict.intact and verdict.signer == SIGNER
    p = run_cli("verify", str(tampered))
    assert (p.returncode, p.stdout) == (1, "")
    assert p.stderr.startswith(f"briefing-app: {tampered}: ALTERED since it was signed by {SIGNER} on ")
    assert p.stderr.count("\n") == 1 and "Traceback" not in p.stderr


def test_a_change_appended_after_signing_is_detected(signed, tmp_path):
    """An incremental update that the signature does not cover (here: a new title) makes the file altered."""
    _, out = signed
    data = out.read_bytes()
    size = int(reader(data).trailer["/Size"])
    info_ref = reader(data).trailer.raw_get("/Info")
    start = len(data) + 1
    update = (f"\n{info_ref.idnum} 0 obj\n<< /Title (South Korean troops) >>\nendobj\n").encode()
    xref = len(data) + len(update)
    update += (f"xref\n{info_ref.idnum} 1\n{start:010d} 00000 n \ntrailer\n<< /Size {size} /Root "
               f"{reader(data).trailer.raw_get('/Root').idnum} 0 R /Info {info_ref.idnum} 0 R "
               f"/Prev {data[data.rindex(b'startxref') + 10 :].split()[0].decode()} >>\n"
               f"startxref\n{xref}\n%%EOF\n").encode()  # fmt: skip
    appended = tmp_path / "appended.pdf"
    appended.write_bytes(data + update)
    assert reader(appended).metadata.title == "South Korean troops"
    verdict = verify_pdf(appended)
    assert not verdict.intact and verdict.problem == "the file was changed after it was signed"


def test_certificate_files_that_cannot_sign_are_refused_clearly(p12, tmp_path):
    with pytest.raises(ExportError, match=f"^Wrong password for the certificate file {p12}$"):
        open_certificate(p12, b"")
    not_p12 = tmp_path / "note.p12"
    not_p12.write_bytes(b"not a certificate at all")
    with pytest.raises(ExportError, match="is not a PKCS#12 certificate file"):
        open_certificate(not_p12, PASSWORD)
    truncated = tmp_path / "truncated.p12"
    truncated.write_bytes(p12.read_bytes()[:300])
    with pytest.raises(ExportError, match="is not a PKCS#12 certificate file"):
        open_certificate(truncated, PASSWORD)
    with pytest.raises(ExportError, match=r"^The certificate in .* is valid from .* to .*, not today$"):
        open_certificate(make_p12(tmp_path, days=-1), PASSWORD)
    with pytest.raises(ExportError, match=f"^{tmp_path / 'missing.p12'} does not exist$"):
        open_certificate(tmp_path / "missing.p12", PASSWORD)
    no_password = make_p12(tmp_path, password=None)
    assert open_certificate(no_password, b"").name == SIGNER  # a file without a password opens with none
