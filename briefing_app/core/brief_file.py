"""The .brief file format: UTF-8 JSON with a format name and version, sources embedded with their SHA-256.

Loading checks everything (structure against ``resources/brief.schema.json``, then hashes, spans,
paragraph numbers and overlaps) and names the first problem by its place, e.g.
``key_facts[3].end: beyond the end of source 1``. Nothing in a file is ever executed: it is parsed as
JSON and read as data. Saving never loses work: see :func:`save_brief`.

A PDF exported by briefing-app carries its .brief as an associated file (see
``briefing_app.export.archival``); wherever a brief file is read, such a PDF is read as that brief,
with the same checks. It is read with pypdf, never by rendering anything.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any, cast

from .brief import (
    BRIEF_FIELDS,
    SECTIONS,
    Brief,
    BriefError,
    Item,
    Source,
    SpanIndex,
    check_date,
    check_likelihood,
)
from .brief_schema import meets_schema
from .errors import BriefingError
from .files import WriteError, read_limited, sibling_path, target_lock, write_atomically
from .kinds import Status

FORMAT = "briefing-app/brief"
# 2: the brief's status (draft or final); a version 1 file opens as a draft.
# 3: analytic tradecraft: the likelihood scale, likelihood and confidence of the BLUF, the comment and each item,
# each item's credibility, each source's access, date of information and perspective; older files open with
# none stated (no scale, credibility 6 and access unknown: not judged).
# 4: each source's encoding (how the article's bytes were read); older files open with it unknown ("").
VERSION = 4
SUFFIX = ".brief"
BACKUP_SUFFIX = ".bak"
MAX_BRIEF_BYTES = 512 * 1024 * 1024

_SOURCE_KEYS = ("title", "publisher", "url", "published", "accessed", "reliability", "origin", "title_line")
# added later: a source without them loads with these values
_OPTIONAL_SOURCE_KEYS = {"author": "", "published_from": "", "access": "unknown", "information_date": "",
                         "perspective": "", "encoding": ""}  # fmt: skip
_ITEM_KEYS = ("id", "source", "start", "end", "paragraph", "text", "speaker", "affiliation", "note", "tags",
              "likelihood", "confidence", "credibility")  # fmt: skip
_PATTERN_MEANS = {
    "date": "must be a date like 2024-10-28 (or 2024-10, 2024, or empty)",
    "published": "must be a date like 2024-10-28 (or 2024-10, 2024, or empty)",
    "accessed": "must be a date like 2024-10-28 (or 2024-10, 2024, or empty)",
    "information_date": "must be a date like 2024-10-28 (or 2024-10, 2024, or empty)",
    "url": "must start with http:// or https://",
    "sha256": "must be 64 lower-case hexadecimal digits",
    "id": "must be 1-64 letters, digits, '-' or '_'",
    "handling": "must be one line",
    "encoding": "must be one line without control characters",
}
_TYPE_NAMES = {"string": "text", "integer": "a whole number", "array": "a list", "object": "an object",
               "boolean": "true or false"}  # fmt: skip


class BriefFileError(BriefingError):
    """A .brief file could not be read; the message names the file and the first problem."""


class ChangedOnDisk(BriefFileError):
    """The file on disk is not the one this brief was opened from; saving would overwrite someone's work."""


def file_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- brief <-> data
def brief_to_data(brief: Brief) -> dict:
    data: dict = {"format": FORMAT, "version": VERSION}
    data |= {f: getattr(brief, f) for f in BRIEF_FIELDS}
    keys = (*_SOURCE_KEYS, *_OPTIONAL_SOURCE_KEYS)
    data["sources"] = [{k: getattr(s, k) for k in keys} | {"sha256": s.sha256, "text": s.text} for s in brief.sources]
    for section in SECTIONS:
        data[section] = [_item_data(it) for it in brief.items(section)]
    return data


def _item_data(item: Item) -> dict:
    data = {k: getattr(item, k) for k in _ITEM_KEYS}
    data["tags"] = list(item.tags)
    return data


def dumps(brief: Brief) -> bytes:
    """The file's bytes: the same brief always gives the same bytes."""
    data = brief_to_data(brief)
    try:
        return (json_with_texts(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate cannot be UTF-8; \u escapes keep it exactly
        return (json_with_texts(data, ensure_ascii=True, indent=1) + "\n").encode("ascii")


# id(text), ensure_ascii -> (text, its JSON); holding the text keeps its id from being reused
_encoded_texts: dict[tuple[int, bool], tuple[str, str]] = {}


def json_with_texts(data: dict, ensure_ascii: bool, indent: int | None = None, sources: list | None = None) -> str:
    """``json.dumps(data)`` where ``sources`` (default ``data["sources"]``, as :func:`brief_to_data` makes
    them) hold texts encoded once per process. A source's text never changes, and encoding it was most of
    the cost of every autosave of a big brief (35-60 ms for 8 MB, on the GUI thread)."""
    global _encoded_texts
    sources = data.get("sources", []) if sources is None else sources
    texts = [s["text"] for s in sources]
    markers = [f"\ue000briefing-app source text {i}\ue000" for i in range(len(texts))]
    for source, marker in zip(sources, markers, strict=True):
        source["text"] = marker
    try:
        dumped = json.dumps(data, ensure_ascii=ensure_ascii, indent=indent)
    finally:
        for source, text in zip(sources, texts, strict=True):
            source["text"] = text
    parts, done, kept = [], 0, {}
    for text, marker in zip(texts, markers, strict=True):
        encoded_marker = json.dumps(marker, ensure_ascii=ensure_ascii)
        at = dumped.find(encoded_marker, done)
        if at < 0 or dumped.find(encoded_marker, at + 1) >= 0:  # the marker's words in the brief: no shortcut
            return json.dumps(data, ensure_ascii=ensure_ascii, indent=indent)
        key = (id(text), ensure_ascii)
        encoded = _encoded_texts[key][1] if key in _encoded_texts else json.dumps(text, ensure_ascii=ensure_ascii)
        kept[key] = (text, encoded)
        parts += [dumped[done:at], encoded]
        done = at + len(encoded_marker)
    _encoded_texts = kept  # only the texts of the brief written last
    return "".join([*parts, dumped[done:]])


def _to_brief(data: dict, sources: list[Source]) -> Brief:
    """A brief from data that :func:`examine` found no fault with, on the sources it built."""
    sections = {
        section: [
            Item(**cast(dict[str, Any], {k: tuple(v) if k == "tags" else v for k, v in it.items()}))
            for it in data[section]
        ]
        for section in SECTIONS
    }
    # prepared_for, distribution, status and the tradecraft fields came later: files without them still load
    fields = {f: data.get(f, "") for f in BRIEF_FIELDS} | {"status": data.get("status", Status.DRAFT)}
    return Brief.from_checked(fields, sources, sections)


# --- checking
def _whole_number(checker, instance) -> bool:
    """JSON Schema's "integer" as this format means it: a number written without a decimal point. jsonschema
    also counts 26.0 (and not True), which then broke slicing a source (TypeError) and printed "¶26.0"."""
    return isinstance(instance, int) and not isinstance(instance, bool)


@cache
def _validator():
    import jsonschema  # loaded on first use: start-up never pays for it

    from ..resources import resource

    schema = json.loads(resource("brief.schema.json").read_text(encoding="utf-8"))
    base = jsonschema.Draft202012Validator
    strict = jsonschema.validators.extend(base, type_checker=base.TYPE_CHECKER.redefine("integer", _whole_number))
    return strict(schema)


def _place(path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the file"


def _schema_message(e) -> str:
    """A short message for one schema error; never echoes a (possibly huge) value back."""
    field = next((p for p in reversed(e.absolute_path) if isinstance(p, str)), "")
    v = e.validator
    if v == "type" and e.validator_value == "integer" and isinstance(e.instance, float):
        return f"must be a whole number written without a decimal point or exponent, not {e.instance!r}"
    if v == "type":
        return f"must be {_TYPE_NAMES.get(e.validator_value, e.validator_value)}"
    if v == "required":
        return f"missing {e.message.split(' is a required')[0]}"
    if v == "additionalProperties":
        return e.message.replace("Additional properties are not allowed", "unknown field(s)")
    if v == "enum":
        return f"must be one of {', '.join(map(str, e.validator_value))}"
    if v == "const":
        return f"must be {e.validator_value!r}"
    if v == "minimum":
        return f"must be at least {e.validator_value}"
    if v == "minLength":
        return "must not be empty"
    if v == "maxLength":
        return f"must be at most {e.validator_value:,} characters"
    if v == "uniqueItems":
        return "holds the same value twice"
    if v == "pattern":
        return _PATTERN_MEANS.get(field, "has the wrong form")
    return e.message[:120]


def problems(data: object) -> list[str]:
    """Every problem with a .brief file's parsed content, each as 'place: what is wrong'."""
    return examine(data)[0]


Progress = Callable[[float], None] | None  # told the fraction done, 0 to 1, as a long load goes on
_ITEMS_PER_REPORT = 250  # 0.25 ms an item: progress moves every ~60 ms of checking


def _part(progress: Progress, start: float, end: float) -> Progress:
    """``progress`` for a stage that is ``start``-``end`` of the whole (None stays None)."""
    return None if progress is None else (lambda f: progress(start + (end - start) * f))


def examine(data: object, progress: Progress = None) -> tuple[list[str], Brief | None]:
    """Every problem with a .brief file's parsed content, and the brief itself when there is none.
    Each source's hash and paragraphs are computed once, by the Source the brief then holds. ``progress``
    hears after the schema check, the sources, each batch of items and the brief built (the shares are
    what each stage takes of a 1,500-item brief over a 1 MB source)."""
    told = progress or (lambda f: None)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return ["the file is not a briefing-app brief (no 'format': 'briefing-app/brief')"], None
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        return [f"version: the file was made by a newer briefing-app (format version {version}; "
                f"this one reads up to {VERSION}); update briefing-app to open it"], None  # fmt: skip
    # the quick generated check first; jsonschema words each message with its place, for a file that fails it
    errors = (
        []
        if meets_schema(data)
        else sorted(_validator().iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    )
    if errors:
        return [f"{_place(e.absolute_path)}: {_schema_message(e)}" for e in errors], None
    told(0.4)

    found = []
    defaults = dict.fromkeys(_SOURCE_KEYS, "") | _OPTIONAL_SOURCE_KEYS
    sources = [Source(text=s["text"], **{k: s.get(k, v) for k, v in defaults.items()}) for s in data["sources"]]
    found += _date_problems(data.get("date", ""), "date")
    scale = data.get("likelihood_scale", "")
    for name in ("bluf_likelihood", "comment_likelihood"):
        found += _likelihood_problems(data.get(name, ""), scale, name)
    for i, (s, source) in enumerate(zip(data["sources"], sources, strict=True)):
        if source.sha256 != s["sha256"]:
            found.append(f"sources[{i}].sha256: does not match the embedded text (the text was altered)")
        for key in ("published", "accessed", "information_date"):
            found += _date_problems(getattr(source, key), f"sources[{i}].{key}")
    told(0.55)
    seen_ids: dict[str, str] = {}
    held = SpanIndex()  # the spans of the items read so far, by their places
    count, total = 0, sum(len(data[section]) for section in SECTIONS) or 1
    for section in SECTIONS:
        for j, it in enumerate(data[section]):
            count += 1
            if count % _ITEMS_PER_REPORT == 0:
                told(0.55 + 0.25 * count / total)
            place = f"{section}[{j}]"
            if it["id"] in seen_ids:
                found.append(f"{place}.id: {it['id']!r} is already used by {seen_ids[it['id']]}")
            seen_ids.setdefault(it["id"], place)
            found += _likelihood_problems(it.get("likelihood", ""), scale, f"{place}.likelihood")
            n, start, end = it["source"], it["start"], it["end"]
            if n > len(sources):
                found.append(f"{place}.source: there is no source {n} (the brief has {len(sources)})")
                continue
            text = sources[n - 1].text
            if end > len(text):
                found.append(f"{place}.end: beyond the end of source {n}")
                continue
            if start >= end:
                found.append(f"{place}.start: must be before end")
                continue
            if text[start:end] != it["text"]:
                found.append(f"{place}.text: does not match source {n} at {start}-{end}")
            elif text[start].isspace() or text[end - 1].isspace():
                found.append(f"{place}: the span starts or ends with white space")
            expected = sources[n - 1].paragraph_at(start)
            if it["paragraph"] != expected:
                found.append(f"{place}.paragraph: is {it['paragraph']} but the span starts in paragraph {expected}")
            overlapped = held.overlapping(n, start, end)
            if overlapped:
                found.append(f"{place}: overlaps {overlapped[0]} in source {n}")
            else:
                held.add_span(n, start, end, place)
    if found:
        return found, None
    told(0.8)
    brief = _to_brief(data, sources)
    told(1.0)
    return found, brief


def _likelihood_problems(value: str, scale: str, place: str) -> list[str]:
    """The schema checks that a likelihood is a term of some scale; this, that it is the term of a band of the
    brief's own scale, as written there (the file stores the term, never a synonym)."""
    try:
        if check_likelihood(value, scale, place) == value:
            return []
    except BriefError as e:
        return [f"{place}: {str(e).removeprefix(place + ' ')}"]
    return [f"{place}: must be written as its scale's term, {check_likelihood(value, scale, place)!r}"]


def _date_problems(value: str, place: str) -> list[str]:
    """The schema checks a date's shape; this, that it is a day of the calendar (no 2024-02-30, no month 13)."""
    try:
        check_date(value, place)
    except BriefError:
        return [f"{place}: {value} is not a real date"]
    return []


def parse(raw: bytes, name: str) -> dict:
    """The JSON object in ``raw``, or a BriefFileError naming ``name``."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise BriefFileError(f"{name} is not a brief file (not UTF-8 text at byte {e.start})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise BriefFileError(f"{name} is not a valid brief file: line {e.lineno}, column {e.colno}: {e.msg}") from None
    except (RecursionError, ValueError) as e:  # absurd nesting, integers of thousands of digits
        raise BriefFileError(f"{name} is not a valid brief file: {str(e)[:100]}") from None


def loads(raw: bytes, name: str = "the file", progress: Progress = None) -> Brief:
    """The brief in ``raw``, fully checked, or a BriefFileError naming its first problem; ``progress``: see
    :func:`examine`."""
    data = parse(raw, name)
    if progress is not None:
        progress(0.15)
    found, brief = examine(data, _part(progress, 0.15, 1.0))
    if found:
        more = f" (and {len(found) - 1} more problem(s); run 'briefing-app check')" if len(found) > 1 else ""
        raise BriefFileError(f"{name}: {found[0]}{more}")
    assert brief is not None  # examine gives the brief whenever it finds no problem
    return brief


def read_file(path: str | Path) -> bytes:
    return read_limited(Path(path), MAX_BRIEF_BYTES, "a brief file", BriefFileError)


# --- a brief inside a PDF
PDF_MAGIC = b"%PDF-"


@contextmanager
def quiet_loggers(*names: str) -> Iterator[None]:
    """Silence the loggers ``names`` (and their modules' loggers) meanwhile: libraries such as pypdf and
    pyHanko log what they find wrong to stderr, and the command line promises one line, no more."""
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def is_pdf(raw: bytes) -> bool:
    return raw[:1024].lstrip().startswith(PDF_MAGIC)


def _brief_stream(raw: bytes, name: str):
    """The embedded-file stream of the .brief a PDF carries (a file specification in the catalog's /AF
    with relationship Source and a name ending in .brief), or None if it carries none."""
    from pypdf import PdfReader

    try:
        with quiet_loggers("pypdf"):
            reader = PdfReader(io.BytesIO(raw))
            root: Any = reader.trailer["/Root"].get_object()
            specs = root.get("/AF")
            for spec in specs.get_object() if specs is not None else ():
                spec = spec.get_object()
                file_name = str(spec.get("/UF") or spec.get("/F") or "")
                if spec.get("/AFRelationship") == "/Source" and file_name.lower().endswith(SUFFIX) and "/EF" in spec:
                    ef = spec["/EF"].get_object()
                    return (ef.get("/UF") or ef["/F"]).get_object()
    except Exception as e:  # a damaged or hostile PDF fails in many ways, none of them the reader's fault
        raise BriefFileError(f"{name} is a PDF that could not be read ({type(e).__name__}: {str(e)[:100]})") from None
    return None


def _stream_bytes(stream, name: str) -> bytes:
    """A stream's decoded bytes, at most MAX_BRIEF_BYTES of them. Flate (what the export writes) is
    inflated here with that limit, not pypdf's lower one for any stream; other filters are pypdf's."""
    from pypdf.generic import StreamObject

    limit = MAX_BRIEF_BYTES
    try:
        if stream.get("/Filter") in ("/FlateDecode", ["/FlateDecode"]) and "/DecodeParms" not in stream:
            inflate = zlib.decompressobj()
            data = inflate.decompress(StreamObject.get_data(stream), limit + 1)  # the raw bytes, not decoded
        else:
            with quiet_loggers("pypdf"):
                data = stream.get_data()
    except Exception as e:  # a corrupt stream: zlib.error, pypdf's errors, a limit
        raise BriefFileError(f"{name}: its embedded brief cannot be read ({type(e).__name__}: {str(e)[:100]})") from e
    if len(data) > limit:
        raise BriefFileError(f"{name}: its embedded brief is larger than a brief file may be ({limit:,} bytes)")
    return data


def embedded_brief(raw: bytes, name: str) -> bytes | None:
    """The bytes of the .brief the PDF ``raw`` carries, or None if it carries none. ``name`` (the file's
    path) is for messages."""
    stream = _brief_stream(raw, name)
    return None if stream is None else _stream_bytes(stream, name)


def _may_carry_brief(path: str | Path) -> bool:
    """A quick look, before any PDF is parsed: an exported PDF names its attachment "….brief" as an associated
    file. Most PDFs opened are articles without one, so most opens cost a byte scan, not a parse."""
    import mmap
    import os
    import stat

    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # opening a pipe blocks: read_file refuses it instead
            return True
        with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as m:
            return m.find(b"/AFRelationship") >= 0 and m.find(b".brief") >= 0
    except (OSError, ValueError):  # unreadable, empty (mmap refuses), not a regular file: read_file says why
        return True


def pdf_has_brief(path: str | Path) -> bool:
    """Whether ``path`` is a readable PDF that carries a brief (without reading the brief itself)."""
    if not _may_carry_brief(path):
        return False
    try:
        raw = read_file(path)
        return is_pdf(raw) and _brief_stream(raw, str(path)) is not None
    except BriefFileError:
        return False


def read_brief(path: str | Path) -> tuple[bytes, bytes, str]:
    """(the file's bytes, the .brief's bytes, the name to give in messages) for a brief file or for a PDF
    that carries one; a PDF that carries none is a BriefFileError."""
    raw = read_file(path)
    if not is_pdf(raw):
        return raw, raw, str(path)
    data = embedded_brief(raw, str(path))
    if data is None:
        raise BriefFileError(f"{path} is a PDF without an embedded brief")
    return raw, data, f"{path} (its embedded brief)"


def load_brief(path: str | Path, progress: Progress = None) -> tuple[Brief, str]:
    """The brief in ``path`` (a brief file, or a PDF that carries one) and the SHA-256 of the file's bytes
    (to notice later changes on disk). ``progress`` is told the fraction done as it goes (see :func:`examine`)."""
    raw, data, name = read_brief(path)
    if progress is not None:
        progress(0.05)
    return loads(data, name, _part(progress, 0.05, 1.0)), file_sha256(raw)


def check_file(path: str | Path) -> list[str]:
    """All problems of the brief file at ``path`` (an empty list: it is sound). A file that cannot be
    read at all raises BriefFileError instead."""
    return inspect_file(path)[0]


def inspect_file(path: str | Path) -> tuple[list[str], Brief | None]:
    """Like :func:`check_file`, with the brief itself when the file is sound (read and checked once)."""
    _, data, name = read_brief(path)
    try:
        return examine(parse(data, name))
    except BriefFileError as e:
        return [str(e)], None


# --- saving
def backup_path(path: Path) -> Path:
    """NAME.brief.bak beside NAME.brief (a name near the file system's limit is cut to leave room)."""
    return sibling_path(path, BACKUP_SUFFIX)


def save_brief(brief: Brief, path: str | Path, *, expected_sha256: str | None = None, force: bool = False) -> str:
    """Save ``brief`` to ``path`` without any risk to the file already there; returns the new file's SHA-256.

    - ``expected_sha256``: the hash of the file as it was opened or last saved. If the file on disk has
      changed since, ChangedOnDisk is raised (unless ``force``), so nobody's edits are overwritten. The
      check and the replace happen under one lock, so of two saves at the same moment the second sees
      the first one's file.
    - The previous file is kept next to it as ``NAME.brief.bak``, once the new data is safely on disk: a
      save that fails (a full disk) leaves the earlier backup as it was.
    - Every step writes a temporary file and replaces the target only once the data is on disk; any
      failure raises WriteError with one clear line and leaves both files as they were.
    - A symlink is saved through: the file it points to is replaced (its backup beside it), the link stays.
    """
    path = Path(path)
    data = dumps(brief)
    with target_lock(path):
        # read no more than a brief can hold: the old file is kept as the backup, and a huge file that only
        # bears the name must not fill the memory
        try:
            old = read_limited(path, MAX_BRIEF_BYTES, "a brief file", WriteError) if path.is_file() else None
        except WriteError as e:
            raise WriteError(f"{e}; nothing was saved: save under another name") from None
        if old is not None and expected_sha256 and not force and file_sha256(old) != expected_sha256:
            raise ChangedOnDisk(
                f"{path} was changed on disk after it was opened; save under another name, or overwrite it on purpose"
            )

        def keep_backup(target: Path) -> None:
            if old is not None and old != data:
                write_atomically(backup_path(target), old, replace_read_only=True)

        write_atomically(path, data, before_replace=keep_backup)
    return file_sha256(data)
