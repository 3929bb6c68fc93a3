"""`policykg parse FILE --json`: the dataclasses each stage hands on, for debugging a document."""

from __future__ import annotations

import argparse
import dataclasses
import json
from datetime import date
from decimal import Decimal


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="one document file")
    parser.add_argument("--stage", choices=("parse", "extract"), default="extract",
                        help="stop after this stage (default: extract)")
    parser.add_argument("--json", action="store_true", help="print JSON (the default; kept for explicitness)")


def _plain(value):
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value) if f.name != "source"}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    if isinstance(value, (date, Decimal)):
        return str(value)
    return value


def run(args: argparse.Namespace) -> int:
    from policykg.build import place_names
    from policykg.extract.document import extract_document
    from policykg.parse.document import parse_document
    from policykg.read import read_source
    from policykg.resolve.areas import default_gazetteer

    source = read_source(args.file)
    parsed = parse_document(source)
    if args.stage == "parse":
        data = _plain(parsed)
    else:
        extraction = extract_document(parsed, place_names(default_gazetteer()))
        data = _plain(extraction)
        data.pop("document")
        data["header"] = _plain(parsed.header)
        data["clauses"] = [
            {"path": c.path, "heading": c.heading, "start": c.start, "end": c.own_end} for c in parsed.all_clauses()
        ]
        data["unplaced"] = [_plain(p) for p in parsed.unplaced()]
    data = {"file": source.name, "encoding": source.encoding, **data}
    print(json.dumps(data, ensure_ascii=False, indent=2))
    return 0
