"""The browser's pages and their .json/.csv twins, served by the real server over the bundled corpus.

Expectations come from the corpus text as annotated in tests/gold/*.json.
"""

from __future__ import annotations

import csv
import importlib.resources
import io
import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from conftest import running_server
from policykg.server.settings import Settings

GOLD = [json.loads(p.read_text("utf-8")) for p in sorted((Path(__file__).parents[1] / "gold").glob("*.json"))]
JINAN_2020 = next(g for g in GOLD if g["document"]["number"] == "济政字〔2020〕39号")
JINAN_2020_PAGE = "/documents/370100/jizhengzi-2020-39"  # the document IRI docs/graph-shape.md gives as example


@pytest.fixture(scope="module")
def http(tmp_path_factory) -> Iterator[httpx.Client]:
    """A client of the whole app served by uvicorn on 127.0.0.1 over a store built from the bundled corpus."""
    from policykg.build import build_into_store

    store = tmp_path_factory.mktemp("pages-store")
    build_into_store([Path(str(importlib.resources.files("policykg.corpus")))], store, validate=False)
    with running_server(Settings(store_dir=store, workers=2)) as server, server.client() as client:
        yield client


def get_json(http: httpx.Client, path: str, **params) -> dict:
    response = http.get(path, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


def get_csv(http: httpx.Client, path: str, **params) -> list[dict]:
    response = http.get(path, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.text)))


def labels(refs: list[dict]) -> set[str]:
    return {r["label"] for r in refs if r}


def test_home_counts_the_corpus_and_its_statuses(http):
    home = get_json(http, "/index.json", as_of="2025-06-01")
    assert home["totals"]["documents"] == len(GOLD)
    assert home["totals"]["incentives"] > 0 and home["totals"]["money"] > 0
    numbers = {d["number"] for d in home["documents"]}
    assert {g["document"]["number"] for g in GOLD if g["document"]["number"]} <= numbers
    # As of 2025-06-01: 济政字〔2020〕39号 and 哈政规〔2022〕22号 have expired, the 征求意见稿 is a draft.
    assert home["status_counts"] == {"in_force": 2, "expired": 2, "draft": 1, "pending": 0}
    assert {j["jurisdiction"]["label"] for j in home["jurisdictions"] if j["jurisdiction"]} >= {"济南市", "山东省", "哈尔滨市"}
    html = http.get("/").text
    assert "济政字〔2020〕39号" in html and 'href="/index.json"' in html and "/query?sparql=" in html


def test_home_csv_twin_has_one_row_per_document(http):
    rows = get_csv(http, "/index.csv")
    assert len(rows) == len(GOLD)
    assert {"document", "document_iri", "number", "jurisdiction", "status", "money"} <= set(rows[0])


def test_document_page_has_every_clause_with_an_anchor(http):
    page = get_json(http, JINAN_2020_PAGE + ".json")
    assert page["title"] == JINAN_2020["document"]["title"]
    assert page["in_force_until"] == "2023-06-16"
    paths = [c["path"] for c in page["clauses"]]
    assert {c["path"] for c in JINAN_2020["clauses"]} <= set(paths)
    anchors = [i["anchor"] for i in page["text"] if i["kind"] == "clause"]
    assert len(anchors) == len(set(anchors))
    html = http.get(JINAN_2020_PAGE).text
    for anchor in anchors:
        assert f'id="{anchor}"' in html


def test_document_page_shows_units_incentives_group_references_and_source(http):
    page = get_json(http, JINAN_2020_PAGE + ".json")
    clause = next(i for i in page["text"] if i["path"] == "一/2")
    assert len(clause["units"]) == 3  # 市科技局、市发展改革委、市工业和信息化局
    assert any(i["amount"] == 5_000_000 for i in clause["incentives"])  # 最高500万元(国家级)
    assert any(s["mark"] and "500" in s["text"] for s in clause["segments"])
    assert [g["group"]["label"] for g in page["groups"]] == [JINAN_2020["leading_group"]["name"]]
    cited = " ".join(r["document"]["label"] for r in page["cites"])
    assert "山东省创新券使用管理办法" in cited
    source = http.get(page["source"]["href"])
    assert source.status_code == 200 and "济南市人民政府" in source.text
    incentives = get_csv(http, JINAN_2020_PAGE + ".csv", _table="incentives")
    assert len(incentives) == len(page["incentives"]) > 0


def test_cross_references_show_both_ways(http):
    harbin = next(d for d in get_json(http, "/index.json")["documents"] if d["number"] == "哈政规〔2022〕22号")
    page = get_json(http, harbin["document"]["href"] + ".json")
    cited = {r["number"]: r for r in page["cites"]}
    assert "哈政规〔2022〕15号" in cited
    other = get_json(http, cited["哈政规〔2022〕15号"]["document"]["href"] + ".json")
    assert "哈政规〔2022〕22号" in {r["number"] for r in other["cited_by"]}
    assert other["in_corpus"] is False


def jinan_science_bureau(http) -> dict:
    page = get_json(http, JINAN_2020_PAGE + ".json")
    clause = next(i for i in page["text"] if i["path"] == "一/1")  # 责任单位：市科技局
    (unit,) = clause["units"]
    return get_json(http, unit["href"] + ".json")


def test_agency_page_groups_clauses_by_document_with_partners_and_seats(http):
    agency = jinan_science_bureau(http)
    assert "市科技局" in agency["aliases"] + agency["names"]
    gold_paths = {c["path"] for c in JINAN_2020["clauses"] if "市科技局" in c["responsible_units"] + c["lead_units"]}
    jinan_2020 = next(d for d in agency["documents"] if d["number"] == "济政字〔2020〕39号")
    assert gold_paths <= {c["path"] for c in jinan_2020["clauses"]}
    assert agency["totals"]["clauses"] >= len(gold_paths) and agency["totals"]["lead_clauses"] == 0
    assert agency["totals"]["money"] == sum(i["amount"] or 0 for i in agency["incentives"]) > 0
    partners = " ".join(p["agency"]["label"] + " " + (p["agency"]["label_en"] or "") for p in agency["partners"])
    assert "发展" in partners  # 市发展改革委 shares 一/2 and 一/4
    assert "吕建涛" in {s["person"]["label"] for s in agency["seats"] if s["person"]}  # 市科技局局长
    offices = [s for s in agency["seats"] if s["office"]]
    assert len(offices) == 1 and offices[0]["person"] is None  # the group's office sits here: a place, not a seat
    assert len(get_csv(http, agency["agency"]["href"] + ".csv", _table="partners")) == len(agency["partners"])


def test_incentive_facets_filter_and_sort(http):
    everything = get_json(http, "/incentives.json")
    assert everything["count"] == len(everything["incentives"]) > 0
    budgets = get_json(http, "/incentives.json", kind="budget")
    assert budgets["count"] > 0 and {i["kind"] for i in budgets["incentives"]} == {"budget"}
    shandong = get_json(http, "/incentives.json", area="370000")
    assert {i["jurisdiction"]["label"] for i in shandong["incentives"]} == {"山东省", "济南市"}  # Jinan is in Shandong
    gold_shandong = next(g for g in GOLD if g["document"]["number"] == "鲁政办字〔2025〕49号")["incentives"]
    assert shandong["count"] >= len(gold_shandong) - 2
    big = get_json(http, "/incentives.json", min="10000000", sort="-amount")
    amounts = [i["amount"] for i in big["incentives"]]
    assert amounts == sorted(amounts, reverse=True) and min(amounts) >= 10_000_000
    assert len(get_csv(http, "/incentives.csv", kind="budget")) == budgets["count"]
    assert http.get("/incentives", params={"kind": "gift"}).status_code == 400


def test_lead_and_shared_facets_split_an_agencys_incentives(http):
    shandong = get_json(http, "/incentives.json", area="370000")
    suanli = next(i for i in shandong["incentives"] if i["clause"]["label"] == "二/(六)")  # 算力券: 最高500万元
    (lead, *_) = [u for u in suanli["units"] if u["lead"] and "大数据" in u["label"]]
    agency_key = lead["href"].removeprefix("/agencies/")
    led = get_json(http, "/incentives.json", agency=agency_key, role="lead")
    shared = get_json(http, "/incentives.json", agency=agency_key, role="shared")
    anyway = get_json(http, "/incentives.json", agency=agency_key)
    assert suanli["incentive"]["iri"] in {i["incentive"]["iri"] for i in led["incentives"]}
    assert led["count"] + shared["count"] == anyway["count"]


def test_incentive_page_shows_the_clause_with_the_evidence_marked(http):
    page = get_json(http, JINAN_2020_PAGE + ".json")
    first = page["incentives"][0]
    incentive = get_json(http, first["incentive"]["href"] + ".json")
    assert incentive["document"]["iri"] == page["document"]["iri"]
    assert any(s["mark"] for s in incentive["clause_segments"])
    assert "万元" in http.get(first["incentive"]["href"]).text


def test_incentive_page_lists_the_same_units_as_the_incentives_table(http):
    table = get_json(http, "/incentives.json", area="370000")["incentives"]
    with_units = [i for i in table if i["units"]][:3]
    assert with_units
    for row in with_units:
        page = get_json(http, row["incentive"]["href"] + ".json")
        assert page["units"] == row["units"]
        assert any(unit["lead"] for unit in page["units"]) == bool(row["lead_units"])


def test_programme_group_person_and_area_pages(http):
    programmes = get_json(http, "/programmes.json")["programmes"]
    suanli = next(p for p in programmes if p["name"] == "算力券" and p["jurisdiction"]
                  and p["jurisdiction"]["label"] == "山东省")
    page = get_json(http, suanli["programme"]["href"] + ".json")
    assert "二/(六)" in {m["clause"]["label"] for m in page["mentions"] if m["clause"]}

    document = get_json(http, JINAN_2020_PAGE + ".json")
    group = get_json(http, document["groups"][0]["group"]["href"] + ".json")
    gold_group = JINAN_2020["leading_group"]
    assert len(group["members"]) >= len(gold_group["members"])
    assert group["members"][0]["person"]["label"] == gold_group["members"][0]["name"]  # 孙述涛, 组长
    assert group["members"][0]["role"] == "组长"

    xie = next(m for m in group["members"] if m["person"]["label"] == "谢堃")
    person = get_json(http, xie["person"]["href"] + ".json")
    assert "市发展改革委主任" in {s["post"] for s in person["seats"]}

    area = get_json(http, "/areas/370100.json")
    assert {"济政字〔2020〕39号", "济政字〔2019〕71号"} <= {
        d["number"] for d in get_json(http, "/index.json")["documents"]
        if d["document"]["iri"] in {i["item"]["iri"] for i in area["documents"]}}


def test_search_finds_documents_clauses_and_agencies(http):
    found = get_json(http, "/search.json", q="算力券")
    assert any("算力券" in c["text"] for c in found["clauses"])
    agencies = get_json(http, "/search.json", q="科技局")["agencies"]
    assert len(agencies) >= 2  # 济南's and 哈尔滨's 市科技局 are two agencies
    assert get_json(http, "/search.json", q="")["clauses"] == []


def test_text_from_the_url_is_escaped(http):
    html = http.get("/search", params={"q": "<script>alert(1)</script>"}).text
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    html = http.get("/query", params={"sparql": "SELECT * WHERE { ?s ?p '<b>x</b>' }"}).text
    assert "<b>x</b>" not in html


def test_query_page_runs_examples_and_reports_errors(http):
    page = http.get("/query")
    assert page.status_code == 200 and page.text.count('href="/query?example=') >= 12
    result = get_json(http, "/query.json", example="incentives-by-kind")
    assert result["kind"] == "solutions" and {"kind", "incentives"} <= set(result["variables"])
    assert {r["kind"] for r in result["rows"]} >= {"max", "fixed", "budget"}
    permalink = http.get(result["permalink"])
    assert permalink.status_code == 200 and "<table class=\"results\">" in permalink.text
    download = http.get(result["downloads"]["csv"])
    assert download.status_code == 200 and download.text.startswith("kind,")
    broken = http.get("/query", params={"sparql": "SELEC ?x"})
    assert broken.status_code == 400 and 'class="error"' in broken.text and "SELEC ?x" in broken.text
    asked = get_json(http, "/query.json", sparql="ASK { ?s a <https://w3id.org/policykg/ontology#Incentive> }")
    assert asked["rows"] == [{"boolean": True}]


@pytest.mark.parametrize("path", ["/", "/agencies", "/incentives", "/programmes", "/search?q=人工智能"])
def test_every_list_has_json_and_csv_twins(http, path):
    base, _, query = path.partition("?")
    stem = "/index" if base == "/" else base
    for fmt in ("json", "csv"):
        response = http.get(f"{stem}.{fmt}" + (f"?{query}" if query else ""))
        assert response.status_code == 200, (path, fmt, response.text)
    assert http.get(path).headers["content-type"].startswith("text/html")


def test_unknown_resources_are_404(http):
    assert http.get("/documents/370100/no-such-document").status_code == 404
    assert http.get("/agencies/370100/no-such-agency.json").status_code == 404
    assert http.get("/agencies.xml").status_code == 404


def test_id_addresses_in_a_browser_lead_to_the_pages(http):
    html = {"accept": "text/html"}
    moved = http.get("/id/doc/370100/jizhengzi-2020-39", headers=html)
    assert moved.status_code == 303 and moved.headers["location"] == JINAN_2020_PAGE
    source = get_json(http, JINAN_2020_PAGE + ".json")["source"]["iri"]
    page = http.get("/id/" + source.split("/id/", 1)[1], headers=html)
    assert page.status_code == 200 and "dcterms:identifier" in page.text and "000_ec574f4423dbbc58.txt" in page.text
    assert http.get("/id/source/0000000000000000", headers=html).status_code == 404
