"""How pages read an incentive: the SPARQL patterns for its figures, and the row they become."""

from __future__ import annotations

import re
from typing import Any

from policykg.server.pages.sparql_text import label_patterns
from policykg.server.pages.urls import Urls
from policykg.server.pages.values import plain, ref, text

KINDS = {
    "max": ("最高", "cap"),
    "fixed": ("定额", "fixed sum"),
    "budget": ("预算", "programme budget"),
    "rate": ("比例", "rate only"),
}

# Binds ?amount ?kind ?rate ?qualifier ?evidence ?start for ?incentive.
FIGURES = """
  OPTIONAL { ?incentive pol:amount ?amount }
  OPTIONAL { ?incentive pol:maxAmount ?max_amount }
  OPTIONAL { ?incentive pol:fixedAmount ?fixed_amount }
  OPTIONAL { ?incentive pol:budgetAmount ?budget_amount }
  OPTIONAL { ?incentive pol:rate ?rate }
  OPTIONAL { ?incentive pol:qualifier ?qualifier }
  OPTIONAL { ?incentive pol:evidence ?evidence }
  OPTIONAL { ?incentive pol:sourceStart ?start }
  BIND(IF(BOUND(?max_amount), "max", IF(BOUND(?fixed_amount), "fixed", IF(BOUND(?budget_amount), "budget", "rate")))
       AS ?kind)"""

# Binds ?doc_title ?doc_number ?from ?until ?draft ?area ?area_label ?area_label_en for ?doc.
DOCUMENT_FIELDS = f"""
  OPTIONAL {{ ?doc dcterms:title ?doc_title }}
  OPTIONAL {{ ?doc eli:id_local ?doc_number }}
  OPTIONAL {{ ?doc eli:first_date_entry_in_force ?from }}
  OPTIONAL {{ ?doc eli:date_no_longer_in_force ?until }}
  OPTIONAL {{ ?doc pol:draft ?draft }}
  OPTIONAL {{ ?doc pol:jurisdiction ?area .
    {label_patterns("area", "area_label")} }}"""

_NUMBER_TAIL = re.compile(r"(\d+)$")


def iri_number(iri: str | None) -> int:
    """The trailing number of an IRI such as …/incentive/12, for document order; 0 when there is none."""
    match = _NUMBER_TAIL.search(iri or "")
    return int(match.group(1)) if match else 0


def incentive_item(urls: Urls, row: dict[str, Any]) -> dict[str, Any]:
    """One incentive as page data, from a row that bound ?incentive and the FIGURES variables."""
    kind = plain(row.get("kind")) or "rate"
    iri = text(row["incentive"])
    return {
        "incentive": ref(urls, row["incentive"], f"激励 {iri_number(iri)}"),
        "number": iri_number(iri),
        "amount": plain(row.get("amount")),
        "kind": kind,
        "kind_label": KINDS.get(kind, (kind, kind))[0],
        "rate": plain(row.get("rate")),
        "qualifier": plain(row.get("qualifier")),
        "evidence": plain(row.get("evidence")),
    }

