"""The quick check of a .brief file against its schema (``resources/brief.schema.json``).

The loader words each problem from jsonschema's errors, with its JSON path (see ``brief_file``). jsonschema
costs 45-80 ms to import, a third of a small export's whole process, and 0.27 s to check a brief of 2,000
items. fastjsonschema turns the schema into Python code once per process (about 10 ms) and checks the same
brief in 15 ms, but stops at the first problem and words it its own way. So a file :func:`meets_schema`
passes is valid with nothing more to do, and only one it fails goes to jsonschema for the messages.

Its verdict must be jsonschema's. The schema is read as draft 4, where an "integer" is written without a
decimal point, as this format means it (drafts from 6 on, which fastjsonschema follows, count 26.0 too);
the schema uses nothing else that the drafts read differently, once its "const" is read as the one-value
"enum" it equals (draft 4 has no "const"). Its notes are dropped, which keeps the generated code small.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from typing import Any

_NOTES = ("description", "title", "$comment", "$schema", "$id")
_DRAFT_4 = "http://json-schema.org/draft-04/schema#"


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


@cache
def _validator() -> Callable[[Any], Any]:
    import fastjsonschema

    from ..resources import resource

    schema = json.loads(resource("brief.schema.json").read_text(encoding="utf-8"))
    return fastjsonschema.compile({**_bare(schema), "$schema": _DRAFT_4}, detailed_exceptions=False)


def meets_schema(data: Any) -> bool:
    """True when ``data`` (a parsed .brief file) certainly meets the schema; False: jsonschema is to say what
    is wrong with it."""
    from fastjsonschema import JsonSchemaException

    try:
        _validator()(data)
    except JsonSchemaException:
        return False
    return True
