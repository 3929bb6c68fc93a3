"""`policykg serve`: build (or reuse) the store from policy documents, then serve endpoint and browser."""

from __future__ import annotations

import argparse
import hashlib
import importlib.resources
import os
from pathlib import Path

import pyoxigraph as ox

from policykg.errors import StoreError
from policykg.server.settings import DEFAULT_BASE, Settings
from policykg.store.local import read_manifest

DEFAULT_STORE = Path(".policykg") / "store"
ONTOLOGY_GRAPH = "https://w3id.org/policykg/ontology"
DOCUMENT_SUFFIXES = (".txt", ".html", ".htm")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of `policykg serve`."""
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="policy documents or folders to build the graph from (default: the bundled corpus)")
    parser.add_argument("--store", default=str(DEFAULT_STORE), metavar="DIR",
                        help=f"store directory, built on first run and reused while its inputs are unchanged (default: {DEFAULT_STORE})")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    parser.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS",
                        help="time limit of each query; an overrunning query is stopped (default: 10)")
    parser.add_argument("--max-rows", type=int, default=10000, metavar="N",
                        help="rows (or triples) a query answer may hold before it is cut and marked truncated (default: 10000)")
    parser.add_argument("--workers", type=int, default=2, metavar="N", help="query worker processes (default: 2)")
    parser.add_argument("--write-token", default=os.environ.get("POLICYKG_WRITE_TOKEN"), metavar="TOKEN",
                        help="allow SPARQL Update and Graph Store writes with 'Authorization: Bearer TOKEN' "
                             "(default: $POLICYKG_WRITE_TOKEN; without one the server is read-only)")
    parser.add_argument("--base", default=DEFAULT_BASE, help=f"IRI base the graph was built with (default: {DEFAULT_BASE})")
    parser.add_argument("--rebuild", action="store_true", help="build the store again even if its inputs are unchanged")
    parser.add_argument("--no-validate", action="store_true", help="skip SHACL validation while building")


def run(args: argparse.Namespace) -> int:
    """Prepare the store, print the address, and serve until interrupted."""
    import uvicorn

    from policykg.server.app import create_app

    store_dir = Path(args.store)
    paths = [Path(path) for path in args.paths] or [bundled_corpus()]
    built = prepare_store(paths, store_dir, rebuild=args.rebuild, validate=not args.no_validate)
    load_ontology(store_dir)
    settings = Settings(
        store_dir=store_dir, base=args.base, query_timeout=args.timeout, max_rows=args.max_rows,
        write_token=args.write_token or None, host=args.host, port=args.port, workers=args.workers,
    )
    print(f"policykg: {'built' if built else 'reusing'} the store at {store_dir}")
    print(f"policykg: serving http://{args.host}:{args.port}/  (SPARQL endpoint: http://{args.host}:{args.port}/sparql"
          f"{'; writes allowed with the token' if settings.write_token else '; read-only'})", flush=True)
    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="warning")
    return 0


def bundled_corpus() -> Path:
    """The folder of example policy documents that ships with the package."""
    return Path(str(importlib.resources.files("policykg.corpus")))


def input_hashes(paths: list[Path]) -> dict[str, str]:
    """sha256 of every document under `paths`, keyed by its path, to tell whether a build is stale."""
    hashes = {}
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.suffix in DOCUMENT_SUFFIXES) if path.is_dir() else [path]
        for file in files:
            hashes[str(file.resolve())] = hashlib.sha256(file.read_bytes()).hexdigest()
    return hashes


def store_is_current(paths: list[Path], store_dir: Path) -> bool:
    """True when the store's manifest records the same input files, hashes and policykg version."""
    from policykg import __version__ as version

    manifest = read_manifest(store_dir)
    if not manifest or not (store_dir / "CURRENT").exists():
        return False
    recorded = manifest.get("inputs")
    if isinstance(recorded, list):  # [{"path": ..., "sha256": ...}, ...]
        recorded = {str(Path(item.get("path", "")).resolve()): item.get("sha256") for item in recorded if isinstance(item, dict)}
    return recorded == input_hashes(paths) and manifest.get("policykg_version") == version


def prepare_store(paths: list[Path], store_dir: Path, rebuild: bool = False, validate: bool = True) -> bool:
    """Build the graph into the store unless it is current; True when a build ran."""
    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        raise StoreError(f"no such file or folder: {', '.join(missing)}")
    if not rebuild and store_is_current(paths, store_dir):
        return False
    try:
        from policykg.build import build_into_store
    except ImportError as error:
        if (store_dir / "CURRENT").exists():
            return False  # a builder-less install can still serve an existing store
        raise StoreError(f"cannot build the store at {store_dir}: the builder is not available ({error})") from error
    build_into_store([str(path) for path in paths], store_dir, validate=validate)
    return True


def load_ontology(store_dir: Path) -> None:
    """Put the packaged ontology into its named graph (replacing an older copy), so queries can use it."""
    turtle = importlib.resources.files("policykg.ontology").joinpath("policykg.ttl").read_bytes()
    store_dir.mkdir(parents=True, exist_ok=True)
    store = ox.Store(str(store_dir))
    graph = ox.NamedNode(ONTOLOGY_GRAPH)
    store.clear_graph(graph)
    store.load(turtle, format=ox.RdfFormat.TURTLE, to_graph=graph)
    store.flush()
    del store
