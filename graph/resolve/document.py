"""Stage 4, resolve: places, agencies and cited documents for one extracted document."""

from __future__ import annotations

from dataclasses import dataclass, field

from policykg.extract.document import Extraction
from policykg.resolve.agencies import AgencyResolver, ResolvedUnit
from policykg.resolve.areas import Area, AreaGazetteer
from policykg.resolve.citations import CorpusIndex, ResolvedReference


@dataclass
class ResolvedDocument:
    """An extraction with every name tied to what it refers to."""

    extraction: Extraction
    jurisdiction: Area | None
    issuer: ResolvedUnit | None
    units: dict[str, ResolvedUnit] = field(default_factory=dict)  # surface form -> unit
    references: list[ResolvedReference] = field(default_factory=list)
    interpretation_author: ResolvedUnit | None = None

    @property
    def key(self) -> str:
        return self.extraction.document.source.name

    def unresolved(self) -> list[ResolvedUnit]:
        """Units the gazetteer does not know: kept as nodes, listed in the build report."""
        return [u for u in self.units.values() if not u.resolved and not u.collective]


def find_jurisdiction(extraction: Extraction, areas: AreaGazetteer) -> Area | None:
    """The issuer's place; else the number's province; else a place the title opens with."""
    header = extraction.document.header
    for text in (header.issuer, header.notice_title):
        if text and (area := areas.from_issuer(text)):
            return area
    if header.number and (area := areas.from_document_number(header.number)):
        return area
    if header.title and (area := areas.from_issuer(header.title)):
        return area
    return None


def resolve_document(extraction: Extraction, areas: AreaGazetteer, corpus: CorpusIndex) -> ResolvedDocument:
    """Resolve one document's places, units and references."""
    jurisdiction = find_jurisdiction(extraction, areas)
    resolver = AgencyResolver(areas, jurisdiction)
    header = extraction.document.header
    resolved = ResolvedDocument(extraction, jurisdiction, resolver.resolve(header.issuer) if header.issuer else None)
    surfaces = [m.name for u in extraction.units.values() for m in u.lead + u.responsible]
    group = extraction.leading_group
    if group:
        surfaces += [seat.agency for seat in group.seats if seat.agency]
        surfaces += [group.office_at] if group.office_at else []
    for surface in surfaces:
        if surface not in resolved.units:
            resolved.units[surface] = resolver.resolve(surface)
    if extraction.interpretation and extraction.interpretation.author:
        resolved.interpretation_author = resolver.resolve(extraction.interpretation.author)
    resolved.references = [corpus.resolve(r, resolved.key) for r in extraction.references]
    return resolved


def government_of(area: Area, areas: AreaGazetteer) -> ResolvedUnit:
    """The people's government an area's agencies belong to."""
    return AgencyResolver(areas, area).government(area)
