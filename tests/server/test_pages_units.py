"""The pure parts of the browser: amounts in 万元/亿元, the URL builder, validity, text marks."""

from __future__ import annotations

from policykg.server.pages import money, validity
from policykg.server.pages.marks import highlight
from policykg.server.pages.urls import Urls, clause_anchor, split_format, with_suffix

BASE = "https://w3id.org/policykg/"
DOC = BASE + "id/doc/370100/jizhengzi-2020-39"


def test_amounts_read_as_chinese_readers_write_them():
    assert money.in_wan(5_000_000) == "500万元"
    assert money.in_wan(120_000_000) == "1.2亿元"
    assert money.in_wan(5000) == "5000元"
    assert money.in_wan(12_500) == "1.25万元"
    assert money.in_yuan(5_000_000) == "5,000,000 元"
    assert money.percent(0.05) == "5%"
    assert money.in_wan(None) == ""


def test_every_kind_of_iri_maps_to_its_page():
    urls = Urls(BASE)
    assert urls.page(DOC) == "/documents/370100/jizhengzi-2020-39"
    assert urls.page(DOC + "/clause/2/(1)/1/(1)") == "/documents/370100/jizhengzi-2020-39#c-2-p1-1-p1"
    assert urls.page(DOC + "/incentive/3") == "/incentives/370100/jizhengzi-2020-39/3"
    assert urls.page(DOC + "/group/1/seat/2") == "/groups/370100/jizhengzi-2020-39/1"
    assert urls.page(BASE + "id/agency/370100/science-technology") == "/agencies/370100/science-technology"
    assert urls.page(BASE + "id/programme/370000/suanliquan") == "/programmes/370000/suanliquan"
    assert urls.page(BASE + "id/person/370100/sunbin") == "/people/370100/sunbin"
    assert urls.page(BASE + "id/area/370100") == "/areas/370100"
    assert urls.page(BASE + "id/source/abc") == "/id/source/abc"
    assert urls.page("http://www.wikidata.org/entity/Q170247") == "http://www.wikidata.org/entity/Q170247"
    assert urls.agency_iri("370100", "science-technology") == BASE + "id/agency/370100/science-technology"
    assert urls.short(BASE + "id/area/370100") == "id:area/370100"
    assert urls.short("https://w3id.org/policykg/ontology#Clause") == "pol:Clause"


def test_clause_anchors_are_ascii_and_distinguish_bracketed_markers():
    assert clause_anchor(DOC + "/clause/1/2") == "c-1-2"
    assert clause_anchor(DOC + "/clause/1/(2)") == "c-1-p2"
    assert clause_anchor(DOC + "/clause/art3") == "c-art3"


def test_suffixes_pick_the_rendering():
    assert split_format("science-technology.json") == ("science-technology", "json")
    assert split_format("science-technology.csv") == ("science-technology", "csv")
    assert split_format("science-technology") == ("science-technology", "html")
    assert split_format("v1.2") == ("v1.2", "html")
    assert with_suffix("/", "json") == "/index.json"
    assert with_suffix("/incentives", "csv") == "/incentives.csv"


def test_status_as_of_a_day():
    assert validity.status("2025-06-01", "2020-06-17", "2023-06-16", False) == "expired"
    assert validity.status("2025-06-01", None, "2026-12-31", False) == "in_force"
    assert validity.status("2025-06-01", "2025-07-01", None, False) == "pending"
    assert validity.status("2025-06-01", None, None, True) == "draft"


def test_highlight_marks_evidence_once_in_order():
    pieces = highlight("分别给予最高500万元(国家级)、100万元(省级)支持", ["100万元(省级)", "最高500万元(国家级)", None])
    assert [p["text"] for p in pieces if p["mark"]] == ["最高500万元(国家级)", "100万元(省级)"]
    assert "".join(p["text"] for p in pieces) == "分别给予最高500万元(国家级)、100万元(省级)支持"


def test_a_page_address_names_the_iri_the_builder_minted():
    from policykg.ids import Minter

    minter, urls = Minter(BASE), Urls(BASE)
    doc = minter.document("370100", "济政字〔2020〕39号", None)
    minted = {
        doc: urls.document_iri,
        minter.incentive(doc, 3): urls.incentive_iri,
        minter.group(doc, 1): urls.group_iri,
        minter.agency("370100", "science-technology"): urls.agency_iri,
        minter.programme("370000", "算力券"): urls.programme_iri,
        minter.person("370100", "孙斌"): urls.person_iri,
        minter.area("370100"): urls.area_iri,
    }
    for iri, from_address in minted.items():
        segments = urls.page(iri).split("/")[2:]  # "/documents/370100/jizhengzi-2020-39" -> its path parameters
        assert from_address(*segments) == iri, iri
