"""`policykg serve`: build (or reuse) the store from policy documents, then serve endpoint and browser."""

from __future__ import annotations

import argparse
import importlib.resources
import os
from pathlib import Path

from policykg.errors import StoreError
from policykg.server.settings import DEFAULT_BASE, Settings

DEFAULT_STORE = Path(".policykg") / "store"


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
    built = prepare_store(paths, store_dir, rebuild=args.rebuild, validate=not args.no_validate, base=args.base)
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


def prepare_store(paths: list[Path], store_dir: Path, rebuild: bool = False, validate: bool = True,
                  base: str = DEFAULT_BASE) -> bool:
    """Build the graph into the store unless it is current (same files, same code); True when a build ran."""
    from policykg.build import build_into_store, store_is_current

    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        raise StoreError(f"no such file or folder: {', '.join(missing)}")
    if not rebuild and store_is_current(store_dir, paths, base):
        return False
    build_into_store(paths, store_dir, validate=validate, base=base)
    return True
