"""`policykg validate`: check a built graph (a file or a store) against the SHACL shapes.

Exit codes: 0 conforms (warnings allowed), 1 violations, 2 error (bad input; see policykg.cli).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from policykg.validate.load import read_file_quads, read_store_quads
from policykg.validate.per_graph import validate_quads

EXIT_OK, EXIT_VIOLATIONS = 0, 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of `policykg validate`."""
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", metavar="FILE",
                        help="an RDF file to validate (.nq, .trig, .ttl, .nt); each named graph is validated on its own")
    source.add_argument("--store", metavar="DIR", help="validate every named graph of the on-disk store in DIR")
    parser.add_argument("--report", metavar="FILE.ttl",
                        help="also write the standard sh:ValidationReport graph to this file, as Turtle")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="how to print the results: readable text grouped by shape (default) or JSON")
    parser.add_argument("--with-ontology", action="store_true",
                        help="mix the ontology into each graph before validating (slower; the shapes do not need it)")


def run(args: argparse.Namespace) -> int:
    """Validate, print the report, write the report graph if asked; 1 when there are violations."""
    quads = read_store_quads(args.store) if args.store else read_file_quads(args.file)
    outcome = validate_quads(quads, with_ontology=args.with_ontology)
    sys.stdout.write(outcome.as_json() + "\n" if args.format == "json" else outcome.text())
    if args.report:
        Path(args.report).write_text(outcome.report.serialize(format="turtle"), "utf-8")
    return EXIT_OK if outcome.conforms else EXIT_VIOLATIONS
