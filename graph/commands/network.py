"""`policykg network [--store DIR]`: agencies ranked by the work they share with others, as CSV."""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import pyoxigraph as ox

from policykg.errors import StoreError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", metavar="DIR", default=".policykg/store", help="the store (default: .policykg/store)")
    parser.add_argument("--top", type=int, default=20, metavar="N", help="print the N most connected agencies (default: 20)")


def run(args: argparse.Namespace) -> int:
    from policykg.analyse.coresponsibility import coresponsibility_graph, standings

    if not Path(args.store).exists():
        raise StoreError(f"no store at {args.store}: run `policykg build` first")
    ranked = standings(coresponsibility_graph(ox.Store.read_only(args.store)))[: args.top]
    writer = csv.writer(sys.stdout)
    writer.writerow(["agency", "label", "partners", "shared_clauses", "betweenness", "cluster"])
    for s in ranked:
        writer.writerow([s.iri, s.label, s.partners, s.shared_clauses, s.centrality, s.cluster])
    return 0
