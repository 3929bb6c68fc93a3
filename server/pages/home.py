"""Home: the corpus at a glance — documents by jurisdiction and status, agencies, incentives and money."""

from __future__ import annotations

from fastapi import APIRouter, Request

from policykg.server.pages import routing, validity
from policykg.server.pages.page import Page, PageQueries, Table
from policykg.server.pages.sparql_text import label_patterns
from policykg.server.pages.urls import Urls
from policykg.server.pages.values import plain, ref, text
from policykg.server.query_runner import QueryRunner

router = APIRouter()

DOCUMENTS = f"""
SELECT DISTINCT ?doc ?number ?title ?issued ?from ?until ?draft ?area ?area_label ?area_label_en WHERE {{
  ?doc a pol:PolicyDocument ; prov:wasDerivedFrom ?source .
  OPTIONAL {{ ?doc eli:id_local ?number }}
  OPTIONAL {{ ?doc dcterms:title ?title }}
  OPTIONAL {{ ?doc eli:date_document ?issued }}
  OPTIONAL {{ ?doc eli:first_date_entry_in_force ?from }}
  OPTIONAL {{ ?doc eli:date_no_longer_in_force ?until }}
  OPTIONAL {{ ?doc pol:draft ?draft }}
  OPTIONAL {{ ?doc pol:jurisdiction ?area .
    {label_patterns("area", "area_label")} }}
}}
ORDER BY ?area_label DESC(?issued) ?doc
"""

MONEY_PER_DOCUMENT = """
SELECT ?doc (COUNT(?incentive) AS ?incentives) (SUM(COALESCE(?amount, 0)) AS ?money) WHERE {
  SELECT DISTINCT ?doc ?incentive ?amount WHERE {
    ?incentive a pol:Incentive ; pol:document ?doc .
    OPTIONAL { ?incentive pol:amount ?amount }
  }
}
GROUP BY ?doc
"""

TOTALS = """
SELECT ?documents ?clauses ?agencies ?incentives ?money ?programmes ?groups WHERE {
  { SELECT (COUNT(DISTINCT ?d) AS ?documents) WHERE { ?d a pol:PolicyDocument ; prov:wasDerivedFrom ?s } }
  { SELECT (COUNT(DISTINCT ?c) AS ?clauses) WHERE { ?c a pol:Clause } }
  { SELECT (COUNT(DISTINCT ?a) AS ?agencies) WHERE { ?a a pol:Agency } }
  { SELECT (COUNT(?i) AS ?incentives) (SUM(COALESCE(?amount, 0)) AS ?money) WHERE {
      SELECT DISTINCT ?i ?amount WHERE { ?i a pol:Incentive OPTIONAL { ?i pol:amount ?amount } } } }
  { SELECT (COUNT(DISTINCT ?p) AS ?programmes) WHERE { ?p a pol:Programme } }
  { SELECT (COUNT(DISTINCT ?g) AS ?groups) WHERE { ?g a pol:LeadingGroup } }
}
"""


def home_page(runner: QueryRunner, urls: Urls, today: str) -> Page:
    """The corpus summary as of `today` (ISO date)."""
    queries = PageQueries(runner)
    money = {
        text(row["doc"]): (plain(row["incentives"]) or 0, plain(row["money"]) or 0)
        for row in queries.select("Incentives and money per document", MONEY_PER_DOCUMENT)
    }
    documents = []
    for row in queries.select("Documents with their dates and jurisdiction", DOCUMENTS):
        status = validity.status(today, plain(row["from"]), plain(row["until"]), plain(row["draft"]))
        incentives, total = money.get(text(row["doc"]), (0, 0))
        documents.append({
            "document": ref(urls, row["doc"], row["title"]),
            "number": plain(row["number"]),
            "jurisdiction": ref(urls, row["area"], row["area_label"], row["area_label_en"]),
            "issued": plain(row["issued"]),
            "in_force_from": plain(row["from"]),
            "in_force_until": plain(row["until"]),
            "status": status,
            "status_label": validity.STATUSES[status][0],
            "incentives": incentives,
            "money": total,
        })
    totals_rows = queries.select("Corpus totals", TOTALS)
    totals = {key: plain(value) or 0 for key, value in totals_rows[0].items()} if totals_rows else {}
    data = {
        "as_of": today,
        "totals": totals,
        "status_counts": {key: sum(1 for d in documents if d["status"] == key) for key in validity.STATUSES},
        "jurisdictions": _by_jurisdiction(documents),
        "documents": documents,
    }
    columns = ["document", "number", "jurisdiction", "issued", "in_force_from", "in_force_until", "status",
               "incentives", "money"]
    return Page("home.html", "政策知识图谱 Policy knowledge graph", data,
                [Table("documents", columns, "Documents")], queries.used, queries.truncated)


def _by_jurisdiction(documents: list[dict]) -> list[dict]:
    """Documents grouped by jurisdiction, each group with its document count, status counts and money."""
    groups: dict[str, dict] = {}
    for document in documents:
        area = document["jurisdiction"]
        key = area["iri"] if area else ""
        group = groups.setdefault(key, {"jurisdiction": area, "documents": [], "money": 0, "incentives": 0})
        group["documents"].append(document)
        group["money"] += document["money"] or 0
        group["incentives"] += document["incentives"] or 0
    return sorted(groups.values(), key=lambda group: group["jurisdiction"] is None)  # unknown jurisdiction last


def _home(request: Request, urls: Urls) -> Page:
    """The home page, as of `?as_of=` or today."""
    return home_page(routing.runner(request), urls, routing.as_of(request))


routing.add_listing(router, "/", _home)
