"""The shipped GB/T 2260 gazetteer: its data and the lookups the resolver relies on."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from policykg.resolve.areas import Area, AreaGazetteer, default_gazetteer

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def gaz() -> AreaGazetteer:
    return default_gazetteer()


def code(gaz: AreaGazetteer, value: str) -> Area:
    area = gaz.by_code(value)
    assert area is not None, value
    return area


# --- the data ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "name", "level", "parent"),
    [
        ("370000", "山东省", "province", ""),
        ("370100", "济南市", "city", "370000"),
        ("230000", "黑龙江省", "province", ""),
        ("230100", "哈尔滨市", "city", "230000"),
        ("330000", "浙江省", "province", ""),
        ("330100", "杭州市", "city", "330000"),
        ("330108", "滨江区", "district", "330100"),
        ("110105", "朝阳区", "district", "110000"),  # a 直辖市 district hangs from the province-level code
        ("419001", "济源市", "district", "410000"),  # a county-level city governed by the province directly
    ],
)
def test_known_codes(gaz, value, name, level, parent):
    area = code(gaz, value)
    assert (area.name, area.level, area.parent) == (name, level, parent)


def test_every_code_is_six_digits_and_unique(gaz):
    codes = [a.code for a in gaz]
    assert all(re.fullmatch(r"\d{6}", c) for c in codes)
    assert len(codes) == len(set(codes))
    assert 3000 < len(codes) < 4000


def test_every_parent_exists_and_is_larger(gaz):
    for area in gaz:
        if area.level == "province":
            assert area.parent == "" and area.code.endswith("0000"), area
            continue
        parent = gaz.by_code(area.parent)
        assert parent is not None, area
        assert parent.rank < area.rank, area
        assert area.code[:2] == parent.code[:2], area


def test_no_packaging_placeholders(gaz):
    names = [a.name for a in gaz]
    assert not [n for n in names if "-" in n or n in ("市辖区", "县")]
    assert gaz.by_code("110100") is None  # Beijing's 市辖区 level is not an area
    assert gaz.by_code("429000") is None  # nor is 湖北省-自治区直辖县级行政区划


def test_province_level_areas(gaz):
    provinces = [a for a in gaz if a.level == "province"]
    assert len(provinces) == 34
    assert {"北京市", "内蒙古自治区", "香港特别行政区", "台湾省"} <= {a.name for a in provinces}


@pytest.mark.parametrize(
    ("value", "short", "en"),
    [
        ("370100", "济南", "Jinan"),
        ("370000", "山东", "Shandong"),
        ("330108", "滨江", "Binjiang"),
        ("610000", "陕西", "Shaanxi"),
        ("140000", "山西", "Shanxi"),
        ("150000", "内蒙古", "Inner Mongolia"),
        ("540000", "西藏", "Tibet"),
        ("450000", "广西", "Guangxi"),
        ("650000", "新疆", "Xinjiang"),
        ("810000", "香港", "Hong Kong"),
        ("820000", "澳门", "Macao"),
        ("230100", "哈尔滨", "Harbin"),
        ("230200", "齐齐哈尔", "Qiqihar"),
        ("440113", "番禺", "Panyu"),  # place-name readings of polyphonic characters
        ("510117", "郫都", "Pidu"),
        ("141024", "洪洞", "Hongtong"),
        ("310105", "长宁", "Changning"),
        ("610100", "西安", "Xi'an"),
        ("500000", "重庆", "Chongqing"),
        ("430100", "长沙", "Changsha"),
        ("510100", "成都", "Chengdu"),
        ("222400", "延边", "Yanbian"),
        ("500240", "石柱", "Shizhu"),
        ("500233", "忠县", "Zhongxian"),  # one character before 县: the full name is the short name
        ("310115", "浦东", "Pudong"),
    ],
)
def test_short_and_english_names(gaz, value, short, en):
    area = code(gaz, value)
    assert (area.short_name, area.en) == (short, en)


def test_verified_wikidata_only(gaz):
    verified = {"370100": "Q170247", "230100": "Q42956", "330100": "Q4970", "370000": "Q43407", "230000": "Q19206"}
    assert {a.code: a.wikidata for a in gaz if a.wikidata} == verified
    assert gaz.wikidata_iri(code(gaz, "370100")) == "http://www.wikidata.org/entity/Q170247"
    assert gaz.wikidata_iri(code(gaz, "330108")) is None


def test_csv_matches_generator_rules(gaz, monkeypatch):
    """Short and English names in the CSV are what tools/make_areas.py derives (no hand edits drift)."""
    spec = importlib.util.spec_from_file_location("make_areas", REPO / "tools" / "make_areas.py")
    make_areas = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "make_areas", make_areas)  # dataclasses look their module up there
    spec.loader.exec_module(make_areas)
    for area in gaz:
        assert make_areas.short_name(area.name) == area.short_name, area
        assert make_areas.english_name(area.short_name) == area.en, area


# --- navigation ----------------------------------------------------------------------------------


def test_parent_and_ancestors(gaz):
    binjiang = code(gaz, "330108")
    assert gaz.parent_of(binjiang) == code(gaz, "330100")
    assert [a.code for a in gaz.ancestors(binjiang)] == ["330100", "330000"]
    assert gaz.parent_of(code(gaz, "330000")) is None
    assert gaz.ancestors(code(gaz, "330000")) == []
    assert [a.code for a in gaz.ancestors(code(gaz, "110105"))] == ["110000"]


def test_children_of(gaz):
    hangzhou_districts = gaz.children_of(code(gaz, "330100"))
    assert code(gaz, "330108") in hangzhou_districts
    assert all(a.parent == "330100" for a in hangzhou_districts)
    assert code(gaz, "370100") in gaz.children_of(code(gaz, "370000"))


# --- find ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("济南市", "370100"),
        ("济南", "370100"),
        ("山东", "370000"),
        ("  山东省 ", "370000"),
        ("滨江区", "330108"),
        ("吉林", "220000"),  # the province outranks 吉林市
        ("河南", "410000"),  # the province outranks 河南蒙古族自治县
        ("吉林市", "220200"),
        ("北京市", "110000"),
    ],
)
def test_find(gaz, name, expected):
    area = gaz.find(name)
    assert area is not None and area.code == expected


def test_find_ambiguous_district_needs_within(gaz):
    assert gaz.find("朝阳区") is None
    assert gaz.find("朝阳区", within=code(gaz, "110000")).code == "110105"
    assert gaz.find("朝阳区", within=code(gaz, "220100")).code == "220104"
    assert gaz.find("朝阳区", within=code(gaz, "220000")).code == "220104"
    assert gaz.find("朝阳区", within=code(gaz, "330000")) is None


def test_find_unknown(gaz):
    assert gaz.find("不存在市") is None
    assert gaz.find("") is None


# --- issuers and document numbers -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("issuer", "expected"),
    [
        ("济南市人民政府", "370100"),
        ("山东省人民政府办公厅", "370000"),
        ("杭州市滨江区人民政府", "330108"),
        ("哈尔滨市科学技术局", "230100"),
        ("黑龙江省科学技术厅", "230000"),
        ("中共济南市委组织部", "370100"),
        ("北京市朝阳区人民政府", "110105"),
        ("山东省济南市历下区人民政府", "370102"),
        ("济南市市中区人民政府", "370103"),
        ("吉林省吉林市人民政府", "220200"),
        ("杭州高新区（滨江）管委会", "330100"),  # a city's short name at the very start
    ],
)
def test_from_issuer(gaz, issuer, expected):
    area = gaz.from_issuer(issuer)
    assert area is not None and area.code == expected


@pytest.mark.parametrize("issuer", ["国务院办公厅", "科学技术部", "朝阳区人民政府", "", "中共中央办公厅"])
def test_from_issuer_none(gaz, issuer):
    assert gaz.from_issuer(issuer) is None


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("鲁政办字〔2025〕49号", "370000"),
        ("黑政规〔2023〕5号", "230000"),
        ("浙政发〔2024〕10号", "330000"),
        ("京政发〔2020〕1号", "110000"),
        ("川府发〔2022〕3号", "510000"),
        ("黔府发〔2022〕3号", "520000"),
    ],
)
def test_from_document_number(gaz, number, expected):
    area = gaz.from_document_number(number)
    assert area is not None and area.code == expected


@pytest.mark.parametrize("number", ["国发〔2024〕1号", "济政字〔2020〕39号", "杭高新〔2021〕3号", "", "鲁"])
def test_from_document_number_none(gaz, number):
    assert gaz.from_document_number(number) is None


def test_abbreviations_name_province_level_areas():
    text = (REPO / "graph" / "data" / "area_abbreviations.csv").read_text(encoding="utf-8").splitlines()
    assert text[0] == "abbr,code"
    gaz = default_gazetteer()
    for line in text[1:]:
        abbr, value = line.split(",")
        assert len(abbr) == 1
        assert code(gaz, value).level == "province"


# --- unit prefixes ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("jurisdiction", "word", "expected"),
    [
        ("370100", "省", "370000"),
        ("370100", "市", "370100"),
        ("370100", "区", None),  # in a city's document 区 means the districts in general
        ("330108", "区", "330108"),
        ("330108", "市", "330100"),
        ("330108", "省", "330000"),
        ("330108", "县", None),
        ("370124", "县", "370124"),  # 平阴县
        ("370124", "市", "370100"),
        ("110105", "市", "110000"),  # a 直辖市 district: 市 is the municipality
        ("110105", "省", None),
        ("110000", "市", "110000"),
        ("450000", "区", "450000"),  # in an autonomous region's document 区 is the region
        ("450000", "自治区", "450000"),
        ("450100", "自治区", "450000"),
        ("450100", "区", None),
        ("450100", "省", None),
        ("433122", "州", "433100"),  # 泸溪县 in 湘西土家族苗族自治州
        ("433122", "市", None),
        ("370100", "乡", None),
    ],
)
def test_level_area(gaz, jurisdiction, word, expected):
    area = gaz.level_area(code(gaz, jurisdiction), word)
    assert (area.code if area else None) == expected
