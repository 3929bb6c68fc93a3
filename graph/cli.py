"""The `policykg` command: a thin layer over library functions, one module per subcommand."""

from __future__ import annotations

import argparse
import importlib
import sys

# subcommand -> (module holding add_arguments(parser) and run(args) -> int, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "build": ("policykg.commands.build", "Build the graph from policy documents and load it into a store."),
    "parse": ("policykg.commands.parse", "Print what the parser and extractors make of one document, as JSON."),
    "validate": ("policykg.validate.command", "Validate a built graph against the SHACL shapes."),
    "serve": ("policykg.server.command", "Build (or reuse) the store and serve the SPARQL endpoint and browser."),
    "query": ("policykg.commands.query", "Run a SPARQL query against a store and print the results."),
    "network": ("policykg.commands.network", "Rank agencies by the clauses they share with others (co-responsibility)."),
}

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2


def make_parser() -> argparse.ArgumentParser:
    """Build the argument parser; each subcommand declares its own options."""
    parser = argparse.ArgumentParser(prog="policykg", description="Policy documents in, a knowledge graph out.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (module_name, help_text) in COMMANDS.items():
        module = importlib.import_module(module_name)
        command_parser = sub.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(command_parser)
        command_parser.set_defaults(_run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point; user errors print one clean line and exit 2, never a traceback."""
    from policykg.errors import PolicyKGError

    args = make_parser().parse_args(argv)
    try:
        return args._run(args)
    except PolicyKGError as error:
        print(f"policykg {args.command}: {error}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
