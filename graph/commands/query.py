"""`policykg query [--store DIR] SPARQL`: run a query on the embedded store and print CSV (or another format)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pyoxigraph as ox

from policykg.errors import QueryError, StoreError

MEDIA_TYPES = {"csv": "text/csv", "tsv": "text/tab-separated-values",
               "json": "application/sparql-results+json", "xml": "application/sparql-results+xml"}
FORMATS = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
           "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", help="a SPARQL query, or @FILE to read it from a file (e.g. @examples/queries/x.rq)")
    parser.add_argument("--store", metavar="DIR", default=".policykg/store", help="the store (default: .policykg/store)")
    parser.add_argument("--format", choices=sorted(FORMATS), default="csv", help="result format for SELECT/ASK (default: csv)")
    parser.add_argument("--endpoint", metavar="URL",
                        help="query a SPARQL 1.1 server (its query address, e.g. http://127.0.0.1:7878/query) instead of --store")


def run(args: argparse.Namespace) -> int:
    text = Path(args.query[1:]).read_text("utf-8") if args.query.startswith("@") else args.query
    if args.endpoint:
        from policykg.store.remote import RemoteEndpoint

        remote = RemoteEndpoint(args.endpoint, args.endpoint, args.endpoint)
        sys.stdout.write(remote.query(text, accept=MEDIA_TYPES[args.format]).decode("utf-8"))
        return 0
    if not Path(args.store).exists():
        raise StoreError(f"no store at {args.store}: run `policykg build` first")
    store = ox.Store.read_only(args.store)
    try:
        results = store.query(text, use_default_graph_as_union=True)
    except SyntaxError as error:
        raise QueryError(str(error)) from error
    if isinstance(results, ox.QueryTriples):
        sys.stdout.write(results.serialize(format=ox.RdfFormat.N_TRIPLES).decode("utf-8"))
    else:
        sys.stdout.write(results.serialize(format=FORMATS[args.format]).decode("utf-8"))
    return 0
