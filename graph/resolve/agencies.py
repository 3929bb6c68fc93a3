"""Units to agencies, per jurisdiction: 市发改委 in a 济南 document is 济南市发展和改革委员会.

Reads the gazetteer in data/agencies.toml. A unit the gazetteer does not know still becomes a node (kept,
and reported as unresolved), scoped to its area — or to its document when the area is unknown.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from policykg.parse.text import squash
from policykg.resolve.areas import Area, AreaGazetteer

LEVELS = {"province": "Provincial", "city": "Municipal", "district": "District"}
_LEVEL_PREFIX = re.compile(r"^(?P<level>省|自治区|市|州|盟|区|县|旗)(?P<party>委)?")
COLLECTIVE = re.compile(r"^各")


@dataclass(frozen=True)
class AgencyKind:
    """One kind of unit in the gazetteer (science-technology, finance …)."""

    key: str
    names: tuple[str, ...]
    canonical: dict[str, str]  # level -> canonical Chinese name after the area name
    en: dict[str, str]  # level -> English name after "{area} {Provincial|Municipal|District}"
    party: bool


@dataclass(frozen=True)
class ResolvedUnit:
    """A unit as the graph knows it: which area it belongs to, its key there, and its names."""

    surface: str  # as written
    key: str  # gazetteer key, or u-… / c-… for units the gazetteer does not know
    area: Area | None
    pref_zh: str
    pref_en: str | None
    is_agency: bool  # pol:Agency; False for companies, associations and collectives
    resolved: bool
    collective: bool = False


def _per_level(value: str | dict[str, str]) -> dict[str, str]:
    return dict(value) if isinstance(value, dict) else {level: value for level in LEVELS}


@cache
def agency_kinds() -> tuple[tuple[AgencyKind, ...], tuple[str, ...]]:
    """The gazetteer's agency kinds and the name endings of non-government organizations."""
    data = tomllib.loads(resources.files("policykg.data").joinpath("agencies.toml").read_text("utf-8"))
    kinds = tuple(
        AgencyKind(e["key"], tuple(e["names"]), _per_level(e["canonical"]), _per_level(e["en"]), e.get("party", False))
        for e in data["agency"]
    )
    suffixes = tuple(s for group in data.get("organization_suffix", []) for s in group["suffixes"])
    return kinds, suffixes


def _lookup(core: str, party: bool) -> AgencyKind | None:
    kinds, _ = agency_kinds()
    for kind in kinds:
        if kind.party == party and core in kind.names:
            return kind
    return None


def _english(kind: AgencyKind, area: Area | None) -> str | None:
    if area is None:
        return None
    level = area.level if area.level in LEVELS else "city"
    where = f"{area.en} {LEVELS[level]}"
    template = kind.en[level]
    return template.format(area=where) if "{area}" in template else f"{where} {template}"


def _chinese(kind: AgencyKind, area: Area | None, surface: str) -> str:
    if area is None:
        return surface
    level = area.level if area.level in LEVELS else "city"
    canonical = kind.canonical[level]
    prefix = "中共" + area.name if kind.party else area.name
    return prefix + canonical


def _unknown_key(core: str) -> str:
    from policykg.ids import ascii_slug

    return ascii_slug(core)


_LONGEST_LABEL = 12


@cache
def _labels_index(areas: AreaGazetteer) -> dict[str, tuple[Area, ...]]:
    """Every area by its full and short name (two or more characters)."""
    index: dict[str, list[Area]] = {}
    for area in areas:
        for label in {area.name, area.short_name}:
            if label and 2 <= len(label) <= _LONGEST_LABEL:
                index.setdefault(label, []).append(area)
    return {label: tuple(found) for label, found in index.items()}


class AgencyResolver:
    """Resolves units within one document's jurisdiction; remembers nothing between documents."""

    def __init__(self, areas: AreaGazetteer, jurisdiction: Area | None):
        self.areas = areas
        self.jurisdiction = jurisdiction

    def _split(self, surface: str) -> list[tuple[Area | None, str, bool]]:
        """Candidate readings (area, core name, party organ) of a surface form, most specific first."""
        name = re.sub(r"^(中共|中国共产党)", "", surface)
        readings: list[tuple[Area | None, str, bool]] = []
        place = self._place_prefix(name)
        if place:
            area, rest = place
            party = rest.startswith("委") and len(rest) > 1
            readings.append((area, rest[1:] if party else rest, party))
        level = _LEVEL_PREFIX.match(name)
        if level and self.jurisdiction is not None:
            area = self.areas.level_area(self.jurisdiction, level["level"]) or self.jurisdiction
            readings.append((area, name[level.end():], bool(level["party"])))
        elif level:
            readings.append((None, name[level.end():], bool(level["party"])))
        readings.append((self.jurisdiction, name, False))
        return readings

    def _place_prefix(self, name: str) -> tuple[Area, str] | None:
        """A place named at the start (济南市…, 济南高新区…): the area and the rest of the name; the
        document's own area and its ancestors win over namesakes elsewhere."""
        scope = [self.jurisdiction, *self.areas.ancestors(self.jurisdiction)] if self.jurisdiction else []
        best = None
        index = _labels_index(self.areas)
        for length in range(min(len(name) - 1, _LONGEST_LABEL), 1, -1):
            for area in index.get(name[:length], ()):
                rank = length + (100 if area in scope else 0)
                if best is None or rank > best[0]:
                    best = (rank, area, name[length:])
        return (best[1], best[2]) if best else None

    def resolve(self, surface: str) -> ResolvedUnit:
        """The agency (or organization) a unit name refers to here."""
        surface = squash(surface)
        if COLLECTIVE.match(surface):
            return ResolvedUnit(surface, "c-" + _unknown_key(surface), self.jurisdiction, surface, None, False, True, True)
        _, org_suffixes = agency_kinds()
        for area, core, party in self._split(surface):
            kind = _lookup(core, party)
            if kind:
                return ResolvedUnit(surface, kind.key, area, _chinese(kind, area, surface), _english(kind, area), True, True)
        is_agency = not surface.endswith(org_suffixes)
        area, core, _ = self._split(surface)[0]
        return ResolvedUnit(surface, "u-" + _unknown_key(core), area, surface, None, is_agency, False)

    def government(self, area: Area) -> ResolvedUnit:
        """The people's government of an area: the parent of its agencies."""
        kind = _lookup("人民政府", False)
        assert kind is not None
        return ResolvedUnit(area.name + "人民政府", kind.key, area, _chinese(kind, area, ""), _english(kind, area), True, True)
