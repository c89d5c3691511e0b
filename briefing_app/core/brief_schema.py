"""The quick check of a .brief file against its schema (``resources/brief.schema.json``).

The loader words each problem from jsonschema's errors, with its JSON path (see ``brief_file``). jsonschema
costs 45-80 ms to import, a third of a small export's whole process, and 0.27 s to check a brief of 2,000
items. fastjsonschema turns the schema into Python code and checks the same brief in 15 ms, but stops at the
first problem and words it its own way. So a file :func:`meets_schema` passes is valid with nothing more to
do, and only one it fails goes to jsonschema for the messages.

Making that code and compiling it costs 15-20 ms, in every process that opens a brief: the compiled code is
kept in the user's cache folder (:mod:`.kept`, :data:`CACHE_NAME`), under a key made of everything it depends
on (the schema, this module, fastjsonschema's version, Python's bytecode format).

Its verdict must be jsonschema's. The schema is read as draft 4, where an "integer" is written without a
decimal point, as this format means it (drafts from 6 on, which fastjsonschema follows, count 26.0 too);
the schema uses nothing else that the drafts read differently, once its "const" is read as the one-value
"enum" it equals (draft 4 has no "const"). Its notes are dropped, which keeps the generated code small.
"""

from __future__ import annotations

import json
import marshal
import sys
import types
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from . import kept

_NOTES = ("description", "title", "$comment", "$schema", "$id")
_DRAFT_4 = "http://json-schema.org/draft-04/schema#"
CACHE_NAME = "brief-schema-validator.bin"
_CACHE_HEADER = b"briefing-app brief schema validator\n"  # then the key, the payload's SHA-256, the payload
# how the running process got its validator: "cache" (read from CACHE_NAME) or "compiled" (made here)
validator_origin: str | None = None


def _bare(schema: Any, *, names: bool = False) -> Any:
    """``schema`` without its notes, "const" as "enum"; ``names``: the keys are property names, all kept.
    (Which draft it is read as is set by the caller.)"""
    if isinstance(schema, list):
        return [_bare(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    out = {}
    for key, value in schema.items():
        if not names and key in _NOTES and not isinstance(value, dict | list):
            continue
        if not names and key == "const":
            out["enum"] = [value]
        else:
            out[key] = _bare(value, names=not names and key in ("properties", "$defs"))
    return out


def cache_key(schema: bytes) -> bytes:
    """The key of the validator's code for the schema file's bytes ``schema``: a digest of what the code
    depends on (the schema, how this module reads it, fastjsonschema's version, Python's bytecode format)."""
    import importlib.util

    import fastjsonschema

    try:
        reading = Path(__file__).read_bytes()
    except OSError:  # a frozen or zipped install: this module as it is named, which is less safe but works
        reading = __name__.encode()
    return kept.key_of(schema, reading, fastjsonschema.VERSION.encode(), importlib.util.MAGIC_NUMBER,
                       sys.implementation.cache_tag.encode())  # fmt: skip


def cached_code(path: Path, key: bytes) -> types.CodeType | None:
    """The validator's code kept in ``path`` for ``key``; None when it is missing, unreadable, damaged (its
    digest does not match) or made for another key."""
    payload = kept.read(path, _CACHE_HEADER, key)
    if payload is None:
        return None
    try:
        code = marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None
    return code if isinstance(code, types.CodeType) else None


def store_code(path: Path, key: bytes, code: types.CodeType) -> None:
    """Keep ``code`` in ``path`` for ``key``, replacing what is there; nothing if the folder cannot be
    written (the next process makes the code again)."""
    kept.write(path, _CACHE_HEADER, key, marshal.dumps(code))


def _defined(code: types.CodeType) -> Callable[[Any], Any] | None:
    """The validator ``code`` defines (as a module would: its imports, patterns and functions)."""
    namespace: dict[str, Any] = {}
    exec(code, namespace)
    return namespace.get("validate")  # named after the schema's $id, which _bare drops


@cache
def _validator() -> Callable[[Any], Any]:
    global validator_origin
    import fastjsonschema

    from ..resources import resource
    from .logs import cache_folder

    schema = resource("brief.schema.json").read_bytes()
    key = cache_key(schema)
    path = cache_folder() / CACHE_NAME
    code = cached_code(path, key)
    try:
        validate = _defined(code) if code is not None else None
    except Exception:  # code that passed its digest yet fails is made again, like any other bad file
        validate = None
    validator_origin = "cache"
    if validate is None:
        definition = {**_bare(json.loads(schema)), "$schema": _DRAFT_4}
        source = fastjsonschema.compile_to_code(definition, detailed_exceptions=False)
        code = compile(source, "<brief schema>", "exec")
        validate = _defined(code)
        validator_origin = "compiled"
        if validate is None:  # a fastjsonschema that names it otherwise: its own compile, not kept
            return fastjsonschema.compile(definition, detailed_exceptions=False)
        store_code(path, key, code)
    return validate


def meets_schema(data: Any) -> bool:
    """True when ``data`` (a parsed .brief file) certainly meets the schema; False: jsonschema is to say what
    is wrong with it."""
    from fastjsonschema import JsonSchemaException

    try:
        _validator()(data)
    except JsonSchemaException:
        return False
    return True
