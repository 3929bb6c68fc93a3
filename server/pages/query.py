"""Query: a SPARQL editor that works without JavaScript — the example queries, a results table, downloads, and
a permalink with the query in the URL (`/query?sparql=...`, or `/query?example=name`)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import Response

from policykg.errors import QueryError
from policykg.server.errors import NotFound
from policykg.server.pages import rendering, routing
from policykg.server.pages.page import Page, SparqlUsed, Table
from policykg.server.pages.urls import Urls
from policykg.server.query_runner import QueryRunner

router = APIRouter()

MAX_SHOWN_TRIPLES = 2000
DOWNLOADS = ("csv", "json", "tsv", "xml")


@dataclass(frozen=True)
class Example:
    """One researcher query shipped in examples/queries: its file name, title, description and text."""

    name: str
    title: str
    description: str
    sparql: str


def parse_example(name: str, sparql: str) -> Example:
    """Read the `# title:` and `# description:` comment lines at the top of a .rq file."""
    title, description = name, ""
    for line in sparql.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            if stripped:
                break
            continue
        key, _, value = stripped.lstrip("#").strip().partition(":")
        if key.strip().lower() == "title":
            title = value.strip()
        elif key.strip().lower() == "description":
            description = value.strip()
    return Example(name, title, description, sparql)


def load_examples() -> list[Example]:
    """Every example query bundled with the package, by file name."""
    folder = resources.files("policykg.queries")
    return sorted(
        (parse_example(entry.name.removesuffix(".rq"), entry.read_text("utf-8"))
         for entry in folder.iterdir() if entry.name.endswith(".rq")),
        key=lambda example: example.name,
    )


def run_query(runner: QueryRunner, sparql: str) -> dict:
    """Run any read query; SELECT and ASK come back as a table, CONSTRUCT/DESCRIBE as a table of triples."""
    answer = runner.query(sparql, results_format="json", graph_format="nt")
    if answer.kind == "boolean":
        value = bool(ox.parse_query_results(answer.body, ox.QueryResultsFormat.JSON))
        return {"kind": "boolean", "variables": ["boolean"], "rows": [{"boolean": value}], "truncated": False}
    if answer.kind == "graph":
        triples = [quad.triple for quad in ox.parse(answer.body, format=ox.RdfFormat.N_TRIPLES)]
        rows = [{"subject": t.subject, "predicate": t.predicate, "object": t.object}
                for t in triples[:MAX_SHOWN_TRIPLES]]
        return {"kind": "graph", "variables": ["subject", "predicate", "object"], "rows": rows,
                "truncated": answer.truncated or len(triples) > MAX_SHOWN_TRIPLES}
    solutions = ox.parse_query_results(answer.body, ox.QueryResultsFormat.JSON)
    variables = [variable.value for variable in solutions.variables]
    rows = [{name: solution[name] for name in variables} for solution in solutions]
    return {"kind": "solutions", "variables": variables, "rows": rows, "truncated": answer.truncated}


def query_page(runner: QueryRunner, urls: Urls, sparql: str, example_name: str = "") -> Page:
    """The editor, with the examples listed, and the results of `sparql` when one was given."""
    examples = load_examples()
    chosen = None
    if example_name:
        chosen = next((e for e in examples if e.name == example_name), None)
        if chosen is None:
            raise NotFound(f"no example query named {example_name!r}")
        sparql = sparql or chosen.sparql
    data: dict = {
        "sparql": sparql,
        "example": chosen.__dict__ if chosen else None,
        "examples": [{"name": e.name, "title": e.title, "description": e.description,
                      "href": urls.example(e.name)} for e in examples],
        "error": None, "kind": None, "variables": [], "rows": [], "count": 0,
        "permalink": urls.query(sparql) if sparql else None,
        "downloads": {fmt: urls.sparql_download(sparql, fmt) for fmt in DOWNLOADS} if sparql else {},
    }
    truncated = False
    if sparql.strip():
        try:
            result = run_query(runner, sparql)
        except QueryError as error:
            data["error"] = {"title": getattr(error, "title", "Query error"), "message": str(error)}
        else:
            data.update(kind=result["kind"], variables=result["variables"], rows=result["rows"],
                        count=len(result["rows"]))
            truncated = result["truncated"]
    title = chosen.title if chosen else "SPARQL 查询 Query"
    used = [SparqlUsed(title, sparql)] if sparql.strip() else []
    return Page("query.html", title, data, [Table("rows", data["variables"], "Results")], used, truncated)


@router.get("/query", include_in_schema=False)
def query(request: Request, sparql: str = "", example: str = "") -> Response:
    """The query editor (a plain GET form, so every state of it is a link)."""
    return _query(request, sparql, example, "html")


@router.get("/query.{fmt}", include_in_schema=False)
def query_twin(request: Request, fmt: str, sparql: str = "", example: str = "") -> Response:
    """The query's results as JSON or CSV (for the full SPARQL formats, use /sparql)."""
    return _query(request, sparql, example, routing.page_format(fmt))


def _query(request: Request, sparql: str, example: str, fmt: str) -> Response:
    urls = routing.urls(request)
    page = query_page(routing.app_context(request).runner, urls, sparql, example)
    response = rendering.render(request, urls, page, fmt)
    if page.data["error"]:
        response.status_code = 400
    return response
