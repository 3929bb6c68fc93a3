"""`policykg build PATH... [--store DIR] [--out FILE]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from policykg.ids import DEFAULT_BASE
from policykg.store.export import write_graph

DEFAULT_STORE = ".policykg/store"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="document files or folders of documents")
    parser.add_argument("--store", metavar="DIR", default=DEFAULT_STORE,
                        help=f"the on-disk Oxigraph store to (re)fill (default: {DEFAULT_STORE})")
    parser.add_argument("--no-store", action="store_true", help="do not load a store, only report (and write --out)")
    parser.add_argument("--endpoint", metavar="URL",
                        help="load a SPARQL 1.1 server at URL instead of the embedded store (its graphs are replaced); "
                             "Oxigraph's addresses URL/query, URL/update, URL/store unless given below")
    parser.add_argument("--update-url", metavar="URL", help="the server's SPARQL Update address (with --endpoint)")
    parser.add_argument("--store-url", metavar="URL", help="the server's Graph Store Protocol address (with --endpoint)")
    parser.add_argument("--out", metavar="FILE", help="also write the whole graph; format from the extension: .nq .trig .ttl .nt")
    parser.add_argument("--base", default=DEFAULT_BASE, help=f"base IRI of the graph (default: {DEFAULT_BASE})")
    parser.add_argument("--no-validate", action="store_true", help="skip SHACL validation (a graph with violations is then loaded)")


def run(args: argparse.Namespace) -> int:
    from policykg.build import build_corpus, build_into_store, validate_result

    if args.no_store or args.endpoint:
        result = build_corpus(args.paths, args.base)
        if not args.no_validate:
            result.validation = validate_result(result)
        if args.endpoint and not getattr(result.validation, "violations", 0):
            from policykg.store.remote import RemoteEndpoint

            remote = RemoteEndpoint.at(args.endpoint, update=args.update_url, store=args.store_url)
            graphs = remote.replace_contents(result.quads)
            print(f"loaded {graphs} named graphs into {remote.store_url}")
    else:
        result = build_into_store(args.paths, args.store, validate=not args.no_validate, base=args.base)
    print(result.report_text())
    if result.validation is not None:
        print(result.validation.summary())
    if result.validated_graphs:
        now, total = result.validated_graphs
        print(f"validated {now} of {total} document graphs ({total - now} unchanged since the last build)")
    if args.out:
        write_graph(result.quads, Path(args.out))
        print(f"wrote {args.out}")
    if not (args.no_store or args.endpoint):
        print(f"loaded into {args.store}")
    return 1 if getattr(result.validation, "violations", 0) else 0


