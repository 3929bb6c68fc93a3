"""Every example query in examples/queries runs on the bundled corpus (real build, real pyoxigraph store, union
default graph) and returns the rows the corpus text says it must; expectations come from tests/gold/*.json."""

from __future__ import annotations

import importlib.resources
import json
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest

from policykg.server.pages.query import load_examples

GOLD = Path(__file__).parent / "gold"
XSD = "http://www.w3.org/2001/XMLSchema#"


def gold_documents() -> list[dict]:
    return [json.loads(path.read_text("utf-8")) for path in sorted(GOLD.glob("*.json"))]


@pytest.fixture(scope="module")
def store() -> ox.Store:
    from policykg.build import build_corpus

    corpus = Path(str(importlib.resources.files("policykg.corpus")))
    graph = ox.Store()
    graph.extend(build_corpus([corpus]).quads)
    return graph


def value(term):
    """A result term as a Python value: numbers as Decimal, everything else as its lexical form."""
    if term is None:
        return None
    if isinstance(term, ox.Literal) and term.datatype.value in (XSD + "integer", XSD + "decimal", XSD + "double"):
        return Decimal(term.value)
    return term.value


def run(store: ox.Store, name: str) -> list[dict]:
    example = next(e for e in load_examples() if e.name == name)
    solutions = store.query(example.sparql, use_default_graph_as_union=True)
    names = [v.value for v in solutions.variables]
    return [{n: value(row[n]) for n in names} for row in solutions]


def agency(store: ox.Store, written: str, area_code: str) -> str:
    """The agency IRI the builder gave to a unit as a text of one jurisdiction writes it (市科技局 in 370100)."""
    rows = list(store.query(f"""
        PREFIX pol: <https://w3id.org/policykg/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT DISTINCT ?a WHERE {{ ?a skos:altLabel|skos:prefLabel "{written}"@zh ;
                                       pol:jurisdiction/skos:notation "{area_code}" }}""",
                            use_default_graph_as_union=True))
    assert len(rows) == 1, f"{written} in {area_code} should be exactly one agency, got {rows}"
    return rows[0]["a"].value


def gold_clauses_naming(unit: str, number: str, role: str = "any") -> list[str]:
    """Paths of the gold clauses of one document that name a unit (as lead, or at all)."""
    document = next(d for d in gold_documents() if d["document"]["number"] == number)
    return [c["path"] for c in document["clauses"]
            if unit in c["lead_units"] or (role == "any" and unit in c["responsible_units"])]


def test_there_are_at_least_twelve_described_examples():
    examples = load_examples()
    assert len(examples) >= 12
    for example in examples:
        assert example.title != example.name, f"{example.name}.rq has no '# title:' line"
        assert example.description, f"{example.name}.rq has no '# description:' line"


@pytest.mark.parametrize("name", [e.name for e in load_examples()])
def test_every_example_returns_rows(store, name):
    assert run(store, name), f"{name}.rq returned nothing on the bundled corpus"


def test_money_per_agency_counts_jinan_science_bureau_incentives(store):
    science = agency(store, "市科技局", "370100")
    row = next(r for r in run(store, "money-per-agency") if r["agency"] == science)
    assert row["jurisdiction"] == "济南市"
    # Every incentive gold places in a clause that names 市科技局 counts (both Jinan documents).
    expected = [i for d in gold_documents() if d["document"]["jurisdiction"] == "济南市"
                for i in d["incentives"] if i["path"] in gold_clauses_naming("市科技局", d["document"]["number"])]
    assert row["incentives"] >= len(expected)
    assert row["yuan"] >= sum(i["amount_cny"] for i in expected)


def test_lead_vs_shared_separates_shandong_leads_from_jinan_shares(store):
    rows = {r["agency"]: r for r in run(store, "lead-vs-shared")}
    shandong_science = agency(store, "省科技厅", "370000")
    assert rows[shandong_science]["leads"] == len(gold_clauses_naming("省科技厅", "鲁政办字〔2025〕49号", "lead"))
    jinan_science = agency(store, "市科技局", "370100")
    assert rows[jinan_science]["leads"] == 0  # the Jinan texts name 责任单位 only
    assert rows[jinan_science]["shares"] >= len(gold_clauses_naming("市科技局", "济政字〔2020〕39号"))


def test_jinan_science_bureau_shares_clauses_with_development_reform(store):
    science, reform = agency(store, "市科技局", "370100"), agency(store, "市发展改革委", "370100")
    pair = sorted([science, reform])
    row = next(r for r in run(store, "agencies-sharing-clauses") if [r["a"], r["b"]] == pair)
    both = [d for d in gold_documents() if d["document"]["jurisdiction"] == "济南市"]
    shared = sum(1 for d in both for c in d["clauses"]
                 if {"市科技局", "市发展改革委"} <= set(c["lead_units"] + c["responsible_units"]))
    assert row["sharedClauses"] >= shared > 0


def test_harbin_policy_cites_two_harbin_documents_by_number(store):
    cited = {r["citedNumber"]: r for r in run(store, "documents-citing") if r["citingNumber"] == "哈政规〔2022〕22号"}
    assert {"哈政规〔2022〕15号", "哈政规〔2021〕1号"} <= set(cited)
    assert cited["哈政规〔2022〕15号"]["citedInCorpus"] == "false"


def test_expiring_in_2023_are_the_jinan_2020_and_harbin_policies(store):
    expected = {d["document"]["number"] for d in gold_documents()
                if d["document"]["valid_until"] and "2023-01-01" <= d["document"]["valid_until"] < "2024-01-01"}
    assert expected == {"济政字〔2020〕39号", "哈政规〔2022〕22号"}
    assert {r["number"] for r in run(store, "expiring-within-a-year")} == expected


def test_leadership_seats_name_the_heads_of_jinan_agencies(store):
    rows = run(store, "leadership-seats-per-agency")
    people = {name for r in rows for name in (r["people"] or "").split("、")}
    group = next(d["leading_group"] for d in gold_documents() if d["leading_group"])
    assert {m["name"] for m in group["members"] if m["agency"]} <= people
    reform = agency(store, "市发展改革委", "370100")
    assert "谢堃" in next(r for r in rows if r["agency"] == reform)["people"]


def test_jiebang_guashuai_and_suanliquan_appear_across_documents(store):
    rows = {r["name"]: r for r in run(store, "programme-across-jurisdictions")}
    for name in ("揭榜挂帅", "算力券"):
        in_gold = sum(1 for d in gold_documents() if any(p["name"] == name for p in d["programmes"]))
        assert rows[name]["documents"] >= in_gold >= 2


def test_incentive_kinds_include_caps_fixed_sums_and_budgets(store):
    rows = {r["kind"]: r for r in run(store, "incentives-by-kind")}
    gold_kinds = {i["kind"] for d in gold_documents() for i in d["incentives"]}
    assert gold_kinds <= set(rows)
    budgets = [i for d in gold_documents() for i in d["incentives"] if i["kind"] == "budget"]
    assert rows["budget"]["incentives"] >= len(budgets)


def test_clauses_without_unit_include_jinan_2020_clause_14(store):
    rows = {(r["number"], r["path"]) for r in run(store, "clauses-without-unit")}
    assert ("济政字〔2020〕39号", "七/14") in rows
    assert not any(path == "一/1" and number == "济政字〔2020〕39号" for number, path in rows)


def test_unresolved_agencies_include_the_draft_companies(store):
    rows = run(store, "unresolved-agencies")
    written = " ".join(f"{r['name']} {r['writtenAs']}" for r in rows)
    assert "环境发展公司" in written or "高新科创集团" in written


def test_incentives_with_rates_include_suanliquan_and_harbin(store):
    rows = {(r["number"], r["path"], r["rate"], r["amount"]) for r in run(store, "incentives-with-rates")}
    assert ("鲁政办字〔2025〕49号", "二/(六)", Decimal("0.05"), Decimal(5000000)) in rows
    assert ("哈政规〔2022〕22号", "二", Decimal("0.2"), Decimal(10000000)) in rows


def test_shandong_document_mentions_suanliquan_in_clause_six(store):
    rows = run(store, "programmes-per-document")
    row = next(r for r in rows if r["number"] == "鲁政办字〔2025〕49号" and r["programmeName"] == "算力券")
    assert "二/(六)" in row["paths"].split()


def test_documents_by_status_on_2025_06_01(store):
    statuses = {r["number"]: r["status"] for r in run(store, "documents-by-status")}
    assert statuses["济政字〔2020〕39号"] == "expired"
    assert statuses["鲁政办字〔2025〕49号"] == "in force"
    assert statuses["济政字〔2019〕71号"] == "in force"
    assert statuses["哈政规〔2022〕22号"] == "expired"
    assert statuses.get(None) == "draft"  # the 征求意见稿 has no number


def test_agency_clauses_lists_what_jinan_science_bureau_is_named_in(store):
    paths = {r["path"] for r in run(store, "agency-clauses") if r["number"] == "济政字〔2020〕39号"}
    assert set(gold_clauses_naming("市科技局", "济政字〔2020〕39号")) <= paths
