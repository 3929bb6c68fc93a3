"""The administrative-area gazetteer (GB/T 2260): look areas up by code, name, issuer and document number.

Data: `policykg.data/areas.csv` (every province, prefecture-level city and county-level unit) and
`policykg.data/area_abbreviations.csv` (one-character province abbreviations used in document numbers),
read once. See graph/data/README.md for where they come from.

    >>> gaz = default_gazetteer()
    >>> gaz.from_issuer("杭州市滨江区人民政府").code
    '330108'
    >>> gaz.level_area(gaz.by_code("330108"), "市").name
    '杭州市'
"""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources

LEVELS = ("province", "city", "district")
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"

# Prefixes of party bodies' names that come before the area: 中共济南市委 -> 济南市.
PARTY_PREFIXES = ("中国共产党", "中共")

# A unit prefix such as 市 in 市科技局 names the area of that kind around the document's jurisdiction:
# the name endings that kind of area has, and whether enclosing areas count or only the jurisdiction itself
# ('区' in a city's document means the districts in general, not the autonomous region around it).
LEVEL_WORDS: Mapping[str, tuple[tuple[str, ...], bool]] = {
    "省": (("省",), True),
    "自治区": (("自治区",), True),
    "市": (("市",), True),
    "州": (("自治州",), True),
    "盟": (("盟",), True),
    "地区": (("地区",), True),
    "区": (("区",), False),
    "县": (("县",), False),
    "旗": (("旗",), False),
}


@dataclass(frozen=True)
class Area:
    """One administrative area; `parent` is '' for a province-level area."""

    code: str
    name: str
    short_name: str
    level: str
    parent: str
    en: str
    wikidata: str

    @property
    def rank(self) -> int:
        """0 for a province, 1 for a city, 2 for a district: lower is larger."""
        return LEVELS.index(self.level)


class AreaGazetteer:
    """All areas, indexed by code, full name and short name; built once, read-only afterwards."""

    def __init__(self, areas: Iterable[Area], abbreviations: Mapping[str, str]):
        self._by_code: dict[str, Area] = {}
        self._by_name: dict[str, list[Area]] = {}
        self._by_short: dict[str, list[Area]] = {}
        self._children: dict[str, list[Area]] = {}
        for area in areas:
            self._by_code[area.code] = area
            self._by_name.setdefault(area.name, []).append(area)
            self._by_short.setdefault(area.short_name, []).append(area)
            if area.parent:
                self._children.setdefault(area.parent, []).append(area)
        self._abbreviations = {abbr: self._by_code[code] for abbr, code in abbreviations.items()}
        self._longest_name = max((len(name) for name in self._by_name), default=0)

    @classmethod
    def from_package_data(cls) -> AreaGazetteer:
        """Load the CSVs shipped in policykg.data."""
        data = resources.files("policykg.data")
        area_rows = _read_csv(data.joinpath("areas.csv").read_text(encoding="utf-8"))
        abbr_rows = _read_csv(data.joinpath("area_abbreviations.csv").read_text(encoding="utf-8"))
        areas = (Area(**row) for row in area_rows)
        return cls(areas, {row["abbr"]: row["code"] for row in abbr_rows})

    def __len__(self) -> int:
        return len(self._by_code)

    def __iter__(self) -> Iterator[Area]:
        return iter(self._by_code.values())

    def by_code(self, code: str) -> Area | None:
        """The area with this 6-digit GB/T 2260 code."""
        return self._by_code.get(code)

    def parent_of(self, area: Area) -> Area | None:
        """The enclosing area, None for a province."""
        return self._by_code.get(area.parent) if area.parent else None

    def ancestors(self, area: Area) -> list[Area]:
        """Enclosing areas, nearest first (滨江区 -> [杭州市, 浙江省])."""
        chain = []
        parent = self.parent_of(area)
        while parent is not None:
            chain.append(parent)
            parent = self.parent_of(parent)
        return chain

    def children_of(self, area: Area) -> list[Area]:
        """The areas directly inside this one, in code order."""
        return list(self._children.get(area.code, ()))

    def find(self, name: str, within: Area | None = None) -> Area | None:
        """The area with this full name, else this short name; None when unknown or ambiguous.

        Among several matches the largest wins when it alone has that level (吉林 -> 吉林省, not 吉林市);
        two at the same level (朝阳区 in Beijing and in Changchun) need `within`, an enclosing area.
        """
        key = name.strip()
        for index in (self._by_name, self._by_short):
            candidates = [a for a in index.get(key, ()) if within is None or self._is_within(a, within)]
            if candidates:
                return _largest_if_unique(candidates)
        return None

    def from_issuer(self, text: str) -> Area | None:
        """The deepest area named at the start of an issuing body's name.

        '杭州市滨江区人民政府' -> 滨江区, '山东省人民政府办公厅' -> 山东省, '中共济南市委' -> 济南市.
        Full names are matched longest first, each one inside the area before it; a province's or city's
        short name is accepted at the very start only ('杭州高新区' -> 杭州市). None when nothing matches.
        """
        rest = text.strip()
        for prefix in PARTY_PREFIXES:
            if rest.startswith(prefix):
                rest = rest[len(prefix) :]
                break
        current = None
        area, length = self._full_name_at(rest, None)
        if length == 0:
            area, length = self._short_name_at(rest)
        while area is not None:
            current, rest = area, rest[length:]
            area, length = self._full_name_at(rest, current)
        return current

    def from_document_number(self, number: str) -> Area | None:
        """The province whose abbreviation opens a document number ('鲁政办字〔2025〕49号' -> 山东省)."""
        text = number.strip()
        if len(text) < 2:
            return None
        return self._abbreviations.get(text[0])

    def level_area(self, area: Area, level_word: str) -> Area | None:
        """The area a unit prefix ('省', '市', '区', '县', '自治区', '州') means in a document of `area`.

        In a 滨江区 document '区' -> 滨江区, '市' -> 杭州市, '省' -> 浙江省; in a Beijing district's
        document '市' -> 北京市 and '省' -> None; in a city's document '区' -> None (districts in general).
        """
        if level_word not in LEVEL_WORDS:
            return None
        endings, enclosing_count = LEVEL_WORDS[level_word]
        chain = [area, *self.ancestors(area)] if enclosing_count else [area]
        return next((a for a in chain if a.name.endswith(endings)), None)

    @staticmethod
    def wikidata_iri(area: Area) -> str | None:
        """The Wikidata entity IRI of the area, None where no QID has been verified."""
        return WIKIDATA_ENTITY + area.wikidata if area.wikidata else None

    def _is_within(self, area: Area, outer: Area) -> bool:
        """True when `outer` is the area itself or encloses it."""
        return area.code == outer.code or any(a.code == outer.code for a in self.ancestors(area))

    def _full_name_at(self, text: str, outer: Area | None) -> tuple[Area | None, int]:
        """The longest full name opening `text` (inside `outer` when given) and its length.

        The area is None with a length above 0 when that name is ambiguous.
        """
        for length in range(min(self._longest_name, len(text)), 1, -1):
            candidates = self._by_name.get(text[:length])
            if not candidates:
                continue
            if outer is not None:
                candidates = [a for a in candidates if a.code != outer.code and self._is_within(a, outer)]
                if not candidates:
                    continue
            return _largest_if_unique(candidates), length
        return None, 0

    def _short_name_at(self, text: str) -> tuple[Area | None, int]:
        """The longest province or city short name (two characters or more) opening `text`, and its length."""
        for length in range(min(self._longest_name, len(text)), 1, -1):
            candidates = [a for a in self._by_short.get(text[:length], ()) if a.level != "district"]
            if candidates:
                return _largest_if_unique(candidates), length
        return None, 0


def _largest_if_unique(candidates: list[Area]) -> Area | None:
    """The one candidate of the largest level, None when several share it."""
    top = min(a.rank for a in candidates)
    largest = [a for a in candidates if a.rank == top]
    return largest[0] if len(largest) == 1 else None


def _read_csv(text: str) -> list[dict[str, str]]:
    """Rows of a UTF-8 CSV file with a header."""
    return list(csv.DictReader(io.StringIO(text)))


@functools.cache
def default_gazetteer() -> AreaGazetteer:
    """The gazetteer of the shipped data, loaded on first use and shared afterwards."""
    return AreaGazetteer.from_package_data()
